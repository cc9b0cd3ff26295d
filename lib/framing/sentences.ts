import { clip } from '../limits';

// Sentence splitting for claims and cues: end punctuation followed by a capital, a digit or an
// opening quote, except after abbreviations and initials ("Lt. Gen. Chaudhry", "U.S. officials").

const ABBREVIATION = /(?:\b(?:Mr|Mrs|Ms|Dr|Gen|Lt|Col|Maj|Brig|St|Jr|Sr|No|vs|Sen|Rep|Gov|Prof|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)|\b\p{Lu}|\b(?:\p{Lu}\.){1,3}\p{Lu})$/u;
/** Sentences longer than this are run-ons from missing punctuation; cut so evidence stays readable. */
export const MAX_SENTENCE_CHARS = 600;

export interface SentenceSpan {
  /** The sentence, verbatim (trimmed, and cut to MAX_SENTENCE_CHARS). */
  text: string;
  /** Where it starts in the text it was split from. */
  start: number;
}

/** A sentence end: end punctuation, closing marks and space before a capital, a digit or an opening mark. */
const SENTENCE_END = /[.!?]["”’)]*\s+(?=[\p{Lu}\p{N}“"‘(])/gu;

/** Splits text into sentences with their offsets; paragraphs (blank lines or newlines) always end one. */
export function sentenceSpans(text: string): SentenceSpan[] {
  const out: SentenceSpan[] = [];
  const push = (raw: string, start: number) => {
    const trimmed = raw.trim();
    if (trimmed.length > 0) out.push({ text: clip(trimmed, MAX_SENTENCE_CHARS), start: start + raw.length - raw.trimStart().length });
  };
  // The paragraphs of text.split(/\n+/u) that are not empty (empty ones hold no sentence).
  for (let from = 0; from < text.length;) {
    if (text[from] === '\n') {
      from += 1;
      continue;
    }
    const newline = text.indexOf('\n', from);
    const end = newline < 0 ? text.length : newline;
    const paragraph = text.slice(from, end);
    let start = 0;
    // exec on the one global regex: matchAll would copy the regex for every paragraph.
    SENTENCE_END.lastIndex = 0;
    for (let m = SENTENCE_END.exec(paragraph); m !== null; m = SENTENCE_END.exec(paragraph)) {
      const head = paragraph.slice(start, m.index);
      if (ABBREVIATION.test(head)) continue;
      push(paragraph.slice(start, m.index + m[0].length), from + start);
      start = m.index + m[0].length;
    }
    push(paragraph.slice(start), from + start);
    from = end;
  }
  return out;
}

/** Splits text into sentences, verbatim (trimmed); paragraphs (blank lines or newlines) always end one. */
export function splitSentences(text: string): string[] {
  return sentenceSpans(text).map((s) => s.text);
}

/** The sentences of an article's dek and body (claims and cues read the same ones). */
export function bodySentences(a: { dek: string; body: string }): string[] {
  return splitSentences(`${a.dek}\n${a.body}`);
}

/** "ISLAMABAD:", "KABUL, Oct 30 (GWS) -": a dateline names where the outlet filed, not the story. */
export const DATELINE = /^(?:\p{Lu}[\p{Lu}\s.'’/-]{2,40})(?:,[^:–—-]{0,30})?\s*(?:\([^)]{1,20}\))?\s*[:–—-]\s+/u;

/** The text without the dateline at the start of each line. */
export function stripDatelines(text: string): string {
  return text.split('\n').map((line) => line.replace(DATELINE, '')).join('\n');
}
