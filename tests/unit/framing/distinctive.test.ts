import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildPrior, countTerms, distinctiveTerms, EventTerms, MIN_COUNT, nameKeys } from '../../../lib/framing/distinctive';

const repeat = (s: string, n: number) => Array.from({ length: n }, () => s).join(' ');

describe('countTerms', () => {
  it('counts words and two-word phrases, skipping stopwords, bare numbers and excluded names', () => {
    const side = countTerms(['The Kabul Dispatch reported 19 verifiable actions in Kabul.'], nameKeys(['Kabul Dispatch']));
    expect(side.counts.get('verifiable')).toBe(1);
    expect(side.counts.get('verifiable action')).toBe(1);
    expect(side.counts.get('19 verifiable')).toBe(1);
    expect(side.counts.has('19')).toBe(false);
    expect(side.counts.has('the')).toBe(false);
    expect(side.counts.has('kabul')).toBe(false);
  });
});

describe('distinctiveTerms', () => {
  const sideA = countTerms([`${repeat('verifiable action against militants.', 8)} Talks ended in Istanbul.`]);
  const sideB = countTerms([`${repeat('mediators were taken aback.', 8)} Talks ended in Istanbul.`]);
  const event = new Map(sideA.counts);
  for (const [k, v] of sideB.counts) event.set(k, (event.get(k) ?? 0) + v);
  // A local corpus of realistic size: a few thousand tokens of other news.
  const prior = buildPrior(event, { talk: 500, istanbul: 50, militant: 40, ceasefire: 300, border: 400, minister: 900, government: 1200, week: 800 });

  it('ranks what one side says more than the other, with counts', () => {
    const terms = distinctiveTerms(sideA, sideB.counts, prior);
    expect(terms[0].z).toBeGreaterThan(1.645);
    expect(terms.map((t) => t.key)).toContain('verifiable action');
    expect(terms.find((t) => t.key === 'verifiable action')).toMatchObject({ count: 8, otherCount: 0 });
  });

  it('never ranks words both sides use equally', () => {
    expect(distinctiveTerms(sideA, sideB.counts, prior).some((t) => t.key === 'talk' || t.key === 'istanbul')).toBe(false);
  });

  it(`requires evidence: a word said fewer than ${MIN_COUNT} times is never distinctive`, () => {
    const once = countTerms(['A unique word appears once.']);
    expect(distinctiveTerms(once, sideB.counts, prior)).toEqual([]);
  });

  it('shows the surface form most often written', () => {
    const terms = distinctiveTerms(countTerms([repeat('Asif warned Kabul.', 6)]), sideB.counts, prior);
    expect(terms.map((t) => t.term)).toContain('Asif warned');
  });
});

describe('EventTerms', () => {
  // The reference: each side counted into maps, a group's maps merged, name keys filtered out,
  // then distinctiveTerms against the event's counts, as framing did before EventTerms.
  function reference(sides: string[][], members: number[], excluded: Set<string>, background?: Record<string, number>) {
    const counted = sides.map((texts) => countTerms(texts));
    const event = new Map<string, number>();
    for (const side of counted) for (const [k, n] of side.counts) event.set(k, (event.get(k) ?? 0) + n);
    const merged = { counts: new Map<string, number>(), surfaces: new Map<string, Map<string, number>>(), tokens: 0 };
    for (const m of members) {
      merged.tokens += counted[m].tokens;
      for (const [k, n] of counted[m].counts) if (!k.split(' ').some((w) => excluded.has(w))) merged.counts.set(k, (merged.counts.get(k) ?? 0) + n);
      for (const [k, forms] of counted[m].surfaces) {
        const target = merged.surfaces.get(k) ?? new Map<string, number>();
        for (const [f, n] of forms) target.set(f, (target.get(f) ?? 0) + n);
        merged.surfaces.set(k, target);
      }
    }
    return { tokens: merged.tokens, terms: distinctiveTerms(merged, event, buildPrior(event, background), undefined, true) };
  }

  const words = ['Asif', 'asif', 'ASIF', 'warned', 'Warned', 'Kabul', 'kabul', 'talks', 'Talks', 'talk', 'verifiable', 'action', 'actions', 'the', 'of', '19', 'two',
    'soldiers', 'Dispatch', "Asif's", 'U.S.', 'ISLAMABAD:', 'Tehreek-e-Taliban', 'ceasefire', 'Ceasefire', 'Doha', 'Istanbul', 'mediators', '.', ',', '\n'];
  const text = fc.array(fc.constantFrom(...words), { minLength: 0, maxLength: 60 }).map((w) => w.join(' '));
  const event = fc.array(fc.array(text, { minLength: 1, maxLength: 3 }), { minLength: 2, maxLength: 5 });
  const background = fc.option(fc.dictionary(fc.constantFrom('asif', 'talk', 'kabul', 'ceasefire', 'doha', 'verifiable action', 'soldier', 'x'), fc.integer({ min: -2, max: 400 })), { nil: undefined });

  it('gives every outlet and group the terms the map-based reference gives', () => {
    fc.assert(fc.property(event, background, fc.integer({ min: 0, max: 100 }), (sides, bg, pick) => {
      const terms = EventTerms.ofTexts(sides, bg);
      const groups = [[pick % sides.length], sides.map((_, i) => i).filter((i) => i % 2 === pick % 2)].filter((g) => g.length > 0);
      return groups.every((members) => {
        const excluded = nameKeys(pick % 3 === 0 ? ['Kabul Dispatch'] : pick % 3 === 1 ? ['Asif Times'] : []);
        const want = reference(sides, members, excluded, bg);
        const got = terms.distinctive(members, excluded);
        return JSON.stringify(got) === JSON.stringify(want.terms) && members.reduce((n, m) => n + terms.tokens[m], 0) === want.tokens;
      });
    }), { numRuns: 500 });
  });
});
