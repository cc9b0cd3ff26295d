import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { tokenizeWords, wordsByRegex, wordsOf } from '../../../lib/framing/tokens';

describe('wordsOf', () => {
  // Letters, digits, marks and joiners of several scripts, astral letters and digits (𝐀, 𝟙, 𐐀),
  // lone surrogates and punctuation: the hand-written scanner must find what the regex finds.
  const pieces = ['a', 'Z', '9', 'é', 'e\u0301', '\u0301', 'ß', 'İ', 'ا', 'ب', '٣', '中', 'ー', '\u{1D400}', '\u{1D7D9}', '\u{10400}', '\u{1F600}',
    '\uD800', '\uDC00', "'", '’', '.', '-', '_', ' ', '\n', ',', '“', '”', '(', '¼', 'Ⅻ', '\u00A0', '\u200D'];
  const text = fc.oneof(fc.array(fc.constantFrom(...pieces), { maxLength: 40 }).map((p) => p.join('')), fc.string({ unit: 'binary', maxLength: 40 }));

  it('finds exactly the words the word regex finds', () => {
    fc.assert(fc.property(text, (t) => JSON.stringify(wordsOf(t)) === JSON.stringify(wordsByRegex(t))), { numRuns: 5000 });
  });

  it('keeps joined words whole and drops joiners at the edges', () => {
    expect(wordsOf("Tehreek-e-Taliban's U.S. -talks- rock'n'roll 'quoted' 19.5")).toEqual(["Tehreek-e-Taliban's", 'U.S', 'talks', "rock'n'roll", 'quoted', '19.5']);
  });
});

describe('tokenizeWords', () => {
  it('keys words by their lower-cased stem and flags stopwords and numbers', () => {
    expect(tokenizeWords('The Talks’ five soldiers').map((t) => [t.key, t.stop, t.number])).toEqual([['the', true, false], ['talk', false, false], ['five', false, true], ['soldier', false, false]]);
  });
});
