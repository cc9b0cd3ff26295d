import { describe, expect, it } from 'vitest';
import { buildPrior, countTerms, distinctiveTerms, MIN_COUNT, nameKeys } from '../../../lib/framing/distinctive';

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
