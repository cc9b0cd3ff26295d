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
import { findMentions, resolveDefinite, resolvePronoun, type Mention } from '../framing/mentions';
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
  const mentions = new ParagraphMentions(paragraphs);
  items.forEach((item, i) => {
    const { paragraph, offset } = item.span;
    let speaker = item.phrase;
    const parsed = parseSpeaker(speaker);
    const definite = /^[Tt]he\s+(?:\p{Ll}[\p{L}-]*\s+){0,2}(\p{Ll}[\p{L}-]*)$/u.exec(speaker.trim());
    if (parsed.kind === 'pronoun') {
      speaker = mentions.latest(paragraph, (list) => resolvePronoun(list, paragraph, offset, parsed.name));
    } else if (definite) {
      const head = definite[1].toLowerCase();
      speaker = mentions.latest(paragraph, (list) => resolveDefinite(list, paragraph, offset, head)) || speaker;
    } else if (!item.direct) {
      speaker = inheritedSpeaker(items, i, quotes, paragraphs);
    }
    // A resolved speaker is a mention at the quote, after whatever the text mentions there.
    if (speaker) mentions.add({ paragraph, offset, phrase: speaker, description: speaker.toLowerCase() });
    quotes.push({
      text: clip(item.span.text, LIMITS.quote),
      speaker: clip(speaker, LIMITS.speaker),
      paragraph,
      offset,
    });
  });
  return quotes;
}

/**
 * Mentions read one paragraph at a time, only where a pronoun or "the minister" needs them.
 * Resolution scans mentions from the quote backwards and takes the first that fits, so asking
 * paragraph by paragraph, from the quote's own backwards, gives what a scan of every mention of
 * the text would, while most paragraphs of a long article are never read for mentions
 * (findMentions reads each paragraph on its own).
 */
class ParagraphMentions {
  private readonly found = new Map<number, Mention[]>();
  /** Speakers resolved so far, by paragraph, in the order they were added. */
  private readonly added = new Map<number, Mention[]>();

  constructor(private readonly paragraphs: string[]) {}

  /** The first non-empty answer of `resolve` over the paragraphs from `paragraph` backwards. */
  latest(paragraph: number, resolve: (mentions: Mention[]) => string): string {
    for (let p = paragraph; p >= 0; p--) {
      const list = this.in(p);
      const found = list.length > 0 ? resolve(list) : '';
      if (found) return found;
    }
    return '';
  }

  add(mention: Mention): void {
    const list = this.added.get(mention.paragraph);
    if (list) list.push(mention);
    else this.added.set(mention.paragraph, [mention]);
  }

  /** Paragraph p's mentions in reading order. */
  private in(p: number): Mention[] {
    let found = this.found.get(p);
    if (!found) {
      found = findMentions([this.paragraphs[p]]).map((m) => ({ ...m, paragraph: p }));
      this.found.set(p, found);
    }
    const added = this.added.get(p);
    if (!added) return found;
    // An added speaker goes after every mention at or before its offset, earlier additions included.
    const merged = found.slice();
    for (const m of added) {
      const at = merged.findIndex((o) => o.offset > m.offset);
      merged.splice(at < 0 ? merged.length : at, 0, m);
    }
    return merged;
  }
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
