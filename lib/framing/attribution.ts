// Who a quotation span is attributed to, read from the words around it in its sentence.
// Returns the speaker phrase as written ("Defence Minister Khawaja Asif", "a senior official",
// "he"); pronoun and title resolution happens in lib/article/quotes.ts, which sees the whole text.
import type { Span } from './quote-spans';
import { SPEECH_VERBS } from './verbs';
import { npAfter, npBefore } from './noun-phrase';

// Word edges as lookarounds rather than \b: the same matches, found faster (see lib/framing/cues.ts).
const VERB_RE = new RegExp(`(?<!\\w)(${SPEECH_VERBS.join('|')})(?!\\w)`, 'gu');
/** "was told", "is said to": passive, so the words before are not the speaker. */
const PASSIVE_BEFORE = /\b(was|were|is|are|been|being|be)\s*$/u;
/** Longest word of PASSIVE_BEFORE, plus one character for its \b. */
const PASSIVE_SPAN = 6;
/** How many words may sit between a speech verb and the opening mark ("told reporters in Kabul:"). */
const MAX_WORDS_VERB_TO_QUOTE = 5;
/**
 * After a quote that ended its own sentence (“…talks failed.” Asif said.), how many words may
 * follow the verb before it reads as a new sentence of reported speech rather than attribution.
 */
const MAX_WORDS_AFTER_ENDED_QUOTE = 4;
/** Longest subject phrase read between a closing mark and its verb. */
const MAX_SUBJECT_WORDS_AFTER_QUOTE = 14;
const ABBREVIATIONS = /\b(Mr|Mrs|Ms|Dr|Gen|Lt|Col|Maj|Brig|St|Jr|Sr|No|vs|Sen|Rep|Gov|Prof|[A-Z])$/u;

function wordCount(text: string): number {
  return (text.match(/[\p{L}\p{N}]+/gu) ?? []).length;
}

/** Offsets just after each sentence end in `text` (". Next", "? Next"), abbreviations excepted. */
function sentenceEnds(text: string): number[] {
  const ends: number[] = [];
  const re = /[.!?]["”’)]*\s+(?=[\p{Lu}\p{N}“"‘(])/gu;
  for (const m of text.matchAll(re)) {
    const before = text.slice(0, m.index);
    if (ABBREVIATIONS.test(before)) continue;
    ends.push(m.index + m[0].length);
  }
  return ends;
}

/** The part of the quote's sentence before its opening mark, after any earlier quote. */
function preContext(paragraphs: string[], span: Span, earlierEnd: number): string {
  const para = paragraphs[span.paragraph];
  const text = para.slice(earlierEnd, Math.max(earlierEnd, span.offset - 1));
  // The previous sentence ended right before the quote: the quote opens a sentence of its own.
  if (/[.!?]["”’)]*\s+$/u.test(text) && !ABBREVIATIONS.test(text.trimEnd().slice(0, -1))) return '';
  const ends = sentenceEnds(text);
  return ends.length > 0 ? text.slice(ends[ends.length - 1]) : text;
}

/** The part of the quote's sentence after its closing mark, up to the next quote. */
function postContext(paragraphs: string[], span: Span): string {
  const para = paragraphs[span.endParagraph] ?? '';
  let text = para.slice(span.endOffset);
  const nextQuote = text.search(/[“"«]/u);
  if (nextQuote >= 0) text = text.slice(0, nextQuote);
  const first = sentenceEnds(text).find((end) => text.slice(0, end).trim() !== '');
  return first === undefined ? text : text.slice(0, first);
}

/**
 * PASSIVE_BEFORE.test(text.slice(0, end)) without testing the whole prefix: a match ends where the
 * trailing white space begins, so only the few characters before that can hold it.
 */
export function passiveBefore(text: string, end: number): boolean {
  let e = end;
  while (e > 0 && /\s/u.test(text[e - 1])) e -= 1;
  return PASSIVE_BEFORE.test(text.slice(Math.max(0, e - PASSIVE_SPAN), e));
}

function verbsIn(text: string): RegExpExecArray[] {
  VERB_RE.lastIndex = 0;
  return [...text.matchAll(VERB_RE)].filter((m) => !passiveBefore(text, m.index));
}

/** "quoted X as saying" / "cited X as saying": X is the speaker. */
function quotedAsSaying(text: string): string {
  const m = /\b(?:quoted|cited)\s+(.+?)\s+as\s+say(?:ing)?\b/u.exec(text);
  if (m) return npAfter(m[1] + ',');
  // "Asif was quoted as saying": the subject of the passive is the speaker.
  const passive = /^(.*?)\s+(?:was|were|is|has been)\s+(?:quoted|cited)\s+as\s+saying\b/u.exec(text);
  return passive ? npBefore(passive[1]) : '';
}

function accordingTo(text: string): string {
  const m = /\b[Aa]ccording to\s+(.*)$/u.exec(text);
  return m ? npAfter(m[1]) : '';
}

/** Rule 1 (adjacent) or 4 (anywhere): a speech clause before the quote in its sentence. */
function speakerFromPre(pre: string, adjacentOnly: boolean): string {
  const saying = quotedAsSaying(pre);
  if (saying) return saying;
  const verbs = verbsIn(pre);
  const ordered = adjacentOnly ? verbs.slice(-1) : verbs;
  for (const m of ordered) {
    const tail = pre.slice((m.index ?? 0) + m[0].length);
    if (adjacentOnly && (wordCount(tail) > MAX_WORDS_VERB_TO_QUOTE || /[.;!?]/u.test(tail))) continue;
    const np = npBefore(pre.slice(0, m.index));
    if (np) return np;
    // "said Asif:" / ", adding:" with the speaker after the verb.
    const after = npAfter(tail);
    if (after && adjacentOnly && /^\s*\p{Lu}/u.test(tail)) return after;
  }
  return '';
}

/** Rule 2: "…," Asif said / "…," said Asif / "…," according to Asif. */
function speakerFromPost(post: string, quoteText: string): string {
  const text = post.replace(/^\s*[,—–-]?\s*/u, '');
  // "…," as officials grow concerned: a new clause, not an attribution.
  if (!text || /^(as|and|but|while|because|since|though|although|when|after|before|which|who)\b/u.test(text)) return '';
  const endedSentence = /[.]$/u.test(quoteText.trim());
  const according = /^according to\b/iu.test(text) ? accordingTo(text) : '';
  if (according) return according;
  const saying = quotedAsSaying(text);
  if (saying && /^(?:[^,.]{0,80}?\s)?(?:was\s+|were\s+)?(?:quoted|cited)\b/u.test(text)) return saying;
  const verbs = verbsIn(text);
  if (verbs.length === 0) return '';
  const m = verbs[0];
  const before = text.slice(0, m.index).trim();
  const after = text.slice((m.index ?? 0) + m[0].length);
  const afterClause = after.split(/[,;]/u)[0];
  if (before === '') {
    const np = npAfter(after);
    return np && !endedSentence ? np : '';
  }
  // "Asked about X, he said: "…"" after a quote introduces the next quote, not this one.
  if (/^\s*:/u.test(after)) return '';
  if (wordCount(before) > MAX_SUBJECT_WORDS_AFTER_QUOTE) return '';
  if (endedSentence && (wordCount(afterClause) > MAX_WORDS_AFTER_ENDED_QUOTE || before.includes(','))) return '';
  return npBefore(before);
}

/** Rule 5 (tail): "… the talks were "stalled" and could collapse, a senior official said." */
function speakerFromTail(post: string): string {
  const m = /,\s*([^,]+?)\s+(said|says|told \S+|added)\s*[.!]?\s*$/u.exec(post);
  return m ? npBefore(m[1]) : '';
}

function earlierEndIn(paragraphs: string[], span: Span): number {
  const para = paragraphs[span.paragraph];
  const before = para.slice(0, Math.max(0, span.offset - 1));
  const lastClose = Math.max(before.lastIndexOf('”'), before.lastIndexOf('"'), before.lastIndexOf('»'));
  return lastClose >= 0 ? lastClose + 1 : 0;
}

/** Rules 1 and 2: attribution adjacent to the quote, before then after. */
export function speakerAdjacent(paragraphs: string[], span: Span): string {
  const pre = preContext(paragraphs, span, earlierEndIn(paragraphs, span));
  const before = /[:,]\s*$|\bthat\s*$|\b(said|says|told|added|wrote)\s*$/u.test(pre) ? speakerFromPre(pre, true) : '';
  return before || speakerFromPost(postContext(paragraphs, span), span.text);
}

/** Rules 3 and 4: "according to X" or a speech clause anywhere in the quote's sentence. */
export function speakerInSentence(paragraphs: string[], span: Span): string {
  const pre = preContext(paragraphs, span, earlierEndIn(paragraphs, span));
  const post = postContext(paragraphs, span);
  return accordingTo(pre) || accordingTo(post) || speakerFromPre(pre, false) || speakerFromTail(post);
}
