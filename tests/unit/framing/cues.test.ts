import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { countCues, CUE_LOADED, CUE_NEUTRAL, HEDGE_PATTERNS } from '../../../lib/framing/cues';
import { bodySentences } from '../../../lib/framing/sentences';
import { UNNAMED_SOURCE_PATTERNS } from '../../../lib/framing/verbs';

describe('countCues', () => {
  const [cues] = countCues([{ outletId: 'x', dek: '', body: [
    'Asif said the talks had failed.',
    'Kabul claimed the delegation had insisted on new terms.',
    'A senior official, speaking on condition of anonymity, told reporters the text was ready.',
    'The strikes reportedly killed five people.',
    'The weather was fine.',
  ].join(' ') }]);

  it('counts neutral attribution with the sentences behind it', () => {
    expect(cues.neutral.count).toBe(2);
    expect(cues.neutral.sentences[0]).toBe('Asif said the talks had failed.');
  });

  it('counts loaded verbs, per verb', () => {
    expect(cues.loaded.count).toBe(2);
    expect(cues.loaded.verbs).toEqual({ claimed: 1, insisted: 1 });
  });

  it('counts unnamed sources and hedges', () => {
    expect(cues.unnamedSources.count).toBe(1);
    expect(cues.hedges.count).toBe(1);
    expect(cues.hedges.sentences).toEqual(['The strikes reportedly killed five people.']);
  });

  it('counts sentences', () => {
    expect(cues.sentences).toBe(5);
  });
});

describe('cue patterns', () => {
  // The patterns write word edges as lookarounds for speed; they must match exactly where the
  // plain `\b` patterns would, including the letters the u+i flags add to `\w` (ſ, K).
  const withB = (re: RegExp) => new RegExp(re.source.replaceAll('(?<!\\w)', '\\b').replaceAll('(?!\\w)', '\\b'), re.flags);
  const patterns = [...HEDGE_PATTERNS, ...UNNAMED_SOURCE_PATTERNS, ...[CUE_NEUTRAL, CUE_LOADED].map((w) => new RegExp(`(?<!\\w)(${w.join('|')})(?!\\w)`, 'giu'))];
  const pieces = ['said', 'says', 'claimed', 'reportedly', 'so-called', 'is', 'was believed', 'to', 'may have', 'it is unclear', 'a', 'two', 'senior', 'official',
    'sources', 'source', 'unnamed', 'anonymous', 'members', 'on condition of anonymity', 'familiar with', 'close to', 'people', 'appears', 'seem',
    ' ', '  ', '.', ',', '-', '_', 'x', '9', 'é', 'ſ', 'K', 'İ', '\n', '’s'];
  const text = fc.array(fc.constantFrom(...pieces), { maxLength: 30 }).map((p) => p.join(''));

  it('match exactly as the same patterns written with \\b', () => {
    fc.assert(fc.property(text, (t) => patterns.every((re) => {
      const plain = withB(re);
      return re.global ? JSON.stringify(t.match(re)) === JSON.stringify(t.match(plain)) : re.test(t) === plain.test(t);
    })), { numRuns: 3000 });
  });

  it('count neutral and loaded verbs in one scan as two \\b scans would', () => {
    const neutral = new RegExp(`\\b(${CUE_NEUTRAL.join('|')})\\b`, 'giu');
    const loaded = new RegExp(`\\b(${CUE_LOADED.join('|')})\\b`, 'giu');
    const verbs = fc.array(fc.constantFrom(...pieces, ...CUE_NEUTRAL, ...CUE_LOADED, 'SAID', 'Claimed', ' ', '. ', '.\n'), { maxLength: 40 }).map((p) => p.join(' '));
    fc.assert(fc.property(verbs, (body) => {
      const [cues] = countCues([{ outletId: 'x', dek: '', body }]);
      const sentences = bodySentences({ dek: '', body });
      const expected: Record<string, number> = {};
      for (const v of sentences.flatMap((s) => s.match(loaded) ?? [])) expected[v.toLowerCase()] = (expected[v.toLowerCase()] ?? 0) + 1;
      return cues.neutral.count === sentences.reduce((n, s) => n + (s.match(neutral) ?? []).length, 0)
        && cues.loaded.count === Object.values(expected).reduce((n, c) => n + c, 0)
        && JSON.stringify(cues.loaded.verbs) === JSON.stringify(expected);
    }), { numRuns: 2000 });
  });
});
