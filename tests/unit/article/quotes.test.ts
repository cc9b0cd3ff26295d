import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { extractQuotes } from '../../../lib/article/quotes';
import { LIMITS } from '../../../lib/limits';

/** One paragraph in, [text, speaker] pairs out. */
function pairs(...paragraphs: string[]): [string, string][] {
  return extractQuotes(paragraphs).map((q) => [q.text, q.speaker]);
}

describe('extractQuotes: spans', () => {
  it('keeps the text between curly marks verbatim, with its position', () => {
    const para = 'Asif said: “We will not accept verbal assurances.”';
    const [q] = extractQuotes([para]);
    expect(q.text).toBe('We will not accept verbal assurances.');
    expect(para.slice(q.offset, q.offset + q.text.length)).toBe(q.text);
    expect(q.paragraph).toBe(0);
  });

  it('reads straight quotes too', () => {
    expect(pairs('"We came in good faith," said a senior Afghan official.')).toEqual([['We came in good faith,', 'a senior Afghan official']]);
  });

  it('keeps a nested quotation inside the outer one', () => {
    expect(pairs('“He told us ‘we will not act’ and left,” the mediator said.')[0][0]).toBe('He told us ‘we will not act’ and left,');
  });

  it('joins a quote that runs over paragraphs (no closing mark until the last)', () => {
    const quotes = extractQuotes(['Asif said: “We gave them every chance.', '“They did not take it.”']);
    expect(quotes).toHaveLength(1);
    expect(quotes[0].text).toBe('We gave them every chance.\n\nThey did not take it.');
    expect(quotes[0].speaker).toBe('Asif');
  });

  it('drops an opening mark never closed nor continued', () => {
    expect(extractQuotes(['He said “this never ends', 'A new paragraph without a mark.'])).toEqual([]);
  });

  it('skips one-word scare quotes and quoted titles', () => {
    expect(extractQuotes(['The so-called “experts” met.', 'They discussed the “Doha Process” again.', 'He appeared on “The Closer.”'])).toEqual([]);
  });
});

describe('extractQuotes: attribution', () => {
  it('"…," X said', () => {
    expect(pairs('“Talks failed,” Khawaja Asif said.')).toEqual([['Talks failed,', 'Khawaja Asif']]);
  });

  it('"…," said X, with a post-modifier dropped', () => {
    expect(pairs('“We came in good faith,” said a source familiar with the talks.')[0][1]).toBe('a source');
  });

  it('X said: "…" with a title before the name', () => {
    expect(pairs('Defence Minister Khawaja Asif said: “No more promises.”')[0][1]).toBe('Defence Minister Khawaja Asif');
  });

  it('X told Y that "…" names X, not Y', () => {
    expect(pairs('Asif told a private channel that Kabul had “backtracked on the phone”.')[0][1]).toBe('Asif');
  });

  it('according to X', () => {
    expect(pairs('According to a source in Kabul, the delegation “showed maximum flexibility”.')[0][1]).toBe('a source');
  });

  it('"…," said a description, Name: the name', () => {
    expect(pairs('“I gave his daughter the flag,” said his wife, Sheraine Lathon, 69.')[0][1]).toBe('Sheraine Lathon');
  });

  it('a long adjunct after "X said" does not break the attribution', () => {
    expect(pairs('"I want to be clear," Harris said during a press conference with the president of Guatemala on Monday.')[0][1]).toBe('Harris');
  });

  it('quoted X as saying / X was quoted as saying', () => {
    expect(pairs('Pajhwok quoted a senior official as saying the talks were "effectively dead".')[0][1]).toBe('a senior official');
    expect(pairs('"We will not go back," Asif was quoted as saying by Geo News.')[0][1]).toBe('Asif');
  });

  it('an appositive: the name, not the role', () => {
    expect(pairs('Zabihullah Mujahid, the Taliban\'s chief spokesman, said the demands were “unrealistic and unfair”.')[0][1]).toBe('Zabihullah Mujahid');
    expect(pairs('A former envoy to Kabul, Gautam Mehra, said India should “stay engaged but quiet”.')[0][1]).toBe('Gautam Mehra');
  });

  it('a description with a relative clause keeps its head', () => {
    expect(pairs('A senior official who was part of the delegation said they worked “until the early hours”.')[0][1]).toBe('A senior official');
  });

  it('a split quote: both halves to the speaker between them', () => {
    expect(pairs('“The first round was constructive,” Hakan Fidan said, “but the second was not.”').map((p) => p[1])).toEqual(['Hakan Fidan', 'Hakan Fidan']);
  });

  it('a pronoun resolves to the last named person', () => {
    const quotes = pairs('Meera Kulkarni said the talks showed the limits of leverage.', '“Islamabad is discovering it,” she said.');
    expect(quotes[0][1]).toBe('Meera Kulkarni');
  });

  it('"he" skips places and organisations for the last human description', () => {
    const quotes = pairs('A local official said the district had asked Kabul for help. He said they had promised “to raise the matter”.');
    expect(quotes[0][1]).toBe('A local official');
  });

  it('"the minister" resolves to the last person described as a minister', () => {
    const quotes = pairs('The Afghan side was led by Mullah Muhammad Yaqoob, the Taliban\'s defence minister.', 'The minister also said Afghanistan would “not be intimidated.”');
    expect(quotes[0][1]).toBe('Muhammad Yaqoob');
  });

  it('a quote with no attribution continues its paragraph\'s speaker', () => {
    expect(pairs('“Talks failed,” Asif said. “We will not return.”').map((p) => p[1])).toEqual(['Asif', 'Asif']);
  });

  it('an adjunct before the subject is not the speaker ("In a statement, X said")', () => {
    expect(pairs('In a statement posted after midnight, Information Minister Attaullah Tarar said the side “kept deflecting”.')[0][1]).toBe('Information Minister Attaullah Tarar');
  });

  it('"he" reaches back to the subject of an earlier sentence', () => {
    const quotes = pairs('TORKHAM: Rahmatullah has driven the same truck for eleven years.', '“They have been here eight days,” he said.');
    expect(quotes[0][1]).toBe('Rahmatullah');
  });

  it('a possessive description is a speaker too ("his cousin")', () => {
    expect(pairs('His cousin, who drives a second truck, was less patient. “We sit here and wait,” he said.')[0][1]).toBe('His cousin');
  });

  it('drops a party-and-state parenthetical from the name', () => {
    expect(pairs('“We are making progress,” said Sen. Susan Collins (R-Maine).')[0][1]).toBe('Sen. Susan Collins');
  });

  it('a quote right after a finished sentence is not that sentence\'s', () => {
    expect(pairs('Videos posted online showed crowds. “Freedom! Freedom!”')[0][1]).toBe('');
  });

  it('a quote nobody is credited with has speaker ""', () => {
    expect(pairs('Banners reading “no more war” hung outside the hall.')[0][1]).toBe('');
  });
});

describe('extractQuotes: properties', () => {
  const text = fc.array(fc.oneof(fc.string({ maxLength: 80 }), fc.constantFrom('“', '”', '"', ' said ', 'He', ', ', '. ', '\n', 'according to ', 'Asif'), fc.string({ unit: 'grapheme', maxLength: 40 })), { maxLength: 30 }).map((parts) => parts.join(''));

  it('never throws, and every single-paragraph quote is found verbatim at its offset', () => {
    fc.assert(
      fc.property(fc.array(text, { maxLength: 8 }), (paragraphs) => {
        const quotes = extractQuotes(paragraphs);
        expect(quotes.length).toBeLessThanOrEqual(LIMITS.quotes);
        for (const q of quotes) {
          expect(q.paragraph).toBeGreaterThanOrEqual(0);
          expect(q.paragraph).toBeLessThan(paragraphs.length);
          expect(q.text.length).toBeLessThanOrEqual(LIMITS.quote);
          expect(q.speaker.length).toBeLessThanOrEqual(LIMITS.speaker);
          if (!q.text.includes('\n\n')) expect(paragraphs[q.paragraph].slice(q.offset, q.offset + q.text.length)).toBe(q.text);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('is deterministic', () => {
    fc.assert(fc.property(fc.array(text, { maxLength: 5 }), (paragraphs) => {
      expect(extractQuotes(paragraphs)).toEqual(extractQuotes(paragraphs));
    }), { numRuns: 100 });
  });

  it('tolerates garbage input', () => {
    expect(extractQuotes([undefined as unknown as string, '“a b”'])).toHaveLength(1);
    expect(extractQuotes(['“'.repeat(10_000)])).toEqual([]);
  });
});
