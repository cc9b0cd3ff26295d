import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PreparedText } from '../../../lib/framing/article-text';
import { bodySentences, DATELINE, stripDatelines } from '../../../lib/framing/sentences';
import { tokenizeWords } from '../../../lib/framing/tokens';

describe('PreparedText', () => {
  // Text read once must give exactly what reading each part on its own gives: datelines, "…" and
  // other characters NFKC changes, combining marks, long run-on sentences cut short, line breaks.
  const pieces = ['KABUL: ', 'ISLAMABAD, Oct 30 (GWS) - ', 'Asif said the talks failed.', ' “We will not sign,” he said. ', 'U.S. officials', ' Mr. Smith ',
    '…', '\u00a0', 'e\u0301', '\u0301', 'ﬁnal', '½', '\u{1D400}', 'x'.repeat(250), ' ', '\n', '\n\n', '. ', '? ', 'Tehreek-e-Taliban', "Asif's", '19', 'two'];
  const text = fc.array(fc.constantFrom(...pieces), { maxLength: 30 }).map((p) => p.join(''));
  const json = (x: unknown) => JSON.stringify(x);

  it('gives each sentence and each text the tokens of reading it alone', () => {
    fc.assert(fc.property(text, text, text, (title, dek, body) => {
      const prepared = new PreparedText({ title, dek, body });
      const sentences = bodySentences({ dek, body });
      return json(prepared.sentences) === json(sentences)
        && sentences.every((s, i) => json(prepared.sentenceTokens(i)) === json(tokenizeWords(s.replace(DATELINE, ''))))
        && json(prepared.titleTokens()) === json(tokenizeWords(title.replace(DATELINE, '')))
        && json(prepared.termTokens()) === json([title, dek, body].map((t) => tokenizeWords(stripDatelines(t))));
    }), { numRuns: 3000 });
  });

  it('reads a sentence after its dateline', () => {
    const prepared = new PreparedText({ title: '', dek: '', body: 'KABUL: Talks ended. Asif left.' });
    expect(prepared.sentenceTokens(0).map((t) => t.surface)).toEqual(['Talks', 'ended']);
  });
});
