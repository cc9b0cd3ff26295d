// Verbatim quotations in an article's paragraphs and whom the text attributes them to.
// Spans come from quotation marks only (never from indirect speech): Quote.text is always the text
// between the marks. Attribution follows English news conventions, tried in this order:
//   1. a speech verb right before the opening mark   Asif said: "…" / Asif told Y that "…"
//   2. a speech verb right after the closing mark     "…," Asif said / "…," said Asif
//   3. "according to X" anywhere in the sentence     According to X, the talks were "over"
//   4. a speech clause elsewhere in the sentence      Asif said the talks had "hit a wall"
//   5. the previous quote of the same paragraph, or the paragraph before when this one opens with
//      a quote (a speaker's quotes continue until someone else speaks).
// Pronouns resolve to the last person mentioned before the quote (a speaker, the subject of a speech
// verb or of a sentence, an appositive name); "the minister" to the last mention described so.
// The helpers live in lib/framing (attribution, mentions, noun-phrase, quote-spans, speakers).
import { clip, LIMITS } from '../limits';
import type { Quote } from '../types';
import { parseSpeaker } from '../framing/speakers';
import { findMentions, resolveDefinite, resolvePronoun } from '../framing/mentions';
import { findSpans, type Span } from '../framing/quote-spans';
import { speakerAdjacent, speakerInSentence } from '../framing/attribution';

interface Attributed {
  span: Span;
  /** The phrase as written (may be a pronoun). */
  phrase: string;
  /** Whether the phrase came from the quote's own sentence (rules 1–4). */
  direct: boolean;
}

/** Extracts every quotation of at least two words, with its speaker (empty when none is given). */
export function extractQuotes(paragraphs: string[]): Quote[] {
  const safe = (Array.isArray(paragraphs) ? paragraphs : []).slice(0, LIMITS.paragraphs).map((p) => (typeof p === 'string' ? clip(p, LIMITS.paragraph) : ''));
  const spans = findSpans(safe).slice(0, LIMITS.quotes);
  // Nothing quoted: no need to read who was mentioned (the costly part on long texts).
  if (spans.length === 0) return [];
  const attributed: Attributed[] = spans.map((span) => {
    const phrase = speakerAdjacent(safe, span) || speakerInSentence(safe, span);
    return { span, phrase, direct: phrase !== '' };
  });
  return resolveSpeakers(attributed, safe);
}

function resolveSpeakers(items: Attributed[], paragraphs: string[]): Quote[] {
  const quotes: Quote[] = [];
  // Mentions after the last quote can resolve nothing.
  const mentions = findMentions(paragraphs.slice(0, items[items.length - 1].span.endParagraph + 1));
  items.forEach((item, i) => {
    const { paragraph, offset } = item.span;
    let speaker = item.phrase;
    const parsed = parseSpeaker(speaker);
    const definite = /^[Tt]he\s+(?:\p{Ll}[\p{L}-]*\s+){0,2}(\p{Ll}[\p{L}-]*)$/u.exec(speaker.trim());
    if (parsed.kind === 'pronoun') {
      speaker = resolvePronoun(mentions, paragraph, offset, parsed.name);
    } else if (definite) {
      speaker = resolveDefinite(mentions, paragraph, offset, definite[1].toLowerCase()) || speaker;
    } else if (!item.direct) {
      speaker = inheritedSpeaker(items, i, quotes, paragraphs);
    }
    if (speaker) {
      const at = mentions.findIndex((m) => m.paragraph > paragraph || (m.paragraph === paragraph && m.offset > offset));
      mentions.splice(at < 0 ? mentions.length : at, 0, { paragraph, offset, phrase: speaker, description: speaker.toLowerCase() });
    }
    quotes.push({
      text: clip(item.span.text, LIMITS.quote),
      speaker: clip(speaker, LIMITS.speaker),
      paragraph,
      offset,
    });
  });
  return quotes;
}

/** Rule 5: an unattributed quote continues the previous speaker of its paragraph or the one before. */
function inheritedSpeaker(items: Attributed[], i: number, done: Quote[], paragraphs: string[]): string {
  if (i === 0) return '';
  const prev = done[i - 1];
  const span = items[i].span;
  if (prev.paragraph === span.paragraph) return prev.speaker;
  const opensParagraph = paragraphs[span.paragraph].slice(0, Math.max(0, span.offset - 1)).trim() === '';
  const lastParagraph = items[i - 1].span.endParagraph;
  if (opensParagraph && lastParagraph === span.paragraph - 1) return prev.speaker;
  return '';
}
