import { clip } from '../limits';

// Sentence splitting for claims and cues: end punctuation followed by a capital, a digit or an
// opening quote, except after abbreviations and initials ("Lt. Gen. Chaudhry", "U.S. officials").

const ABBREVIATION = /(?:\b(?:Mr|Mrs|Ms|Dr|Gen|Lt|Col|Maj|Brig|St|Jr|Sr|No|vs|Sen|Rep|Gov|Prof|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)|\b\p{Lu}|\b(?:\p{Lu}\.){1,3}\p{Lu})$/u;
/** Sentences longer than this are run-ons from missing punctuation; cut so evidence stays readable. */
export const MAX_SENTENCE_CHARS = 600;

/** Splits text into sentences, verbatim (trimmed); paragraphs (blank lines or newlines) always end one. */
export function splitSentences(text: string): string[] {
  const out: string[] = [];
  for (const paragraph of text.split(/\n+/u)) {
    let start = 0;
    for (const m of paragraph.matchAll(/[.!?]["”’)]*\s+(?=[\p{Lu}\p{N}“"‘(])/gu)) {
      const head = paragraph.slice(start, m.index);
      if (ABBREVIATION.test(head)) continue;
      out.push(paragraph.slice(start, m.index + m[0].length).trim());
      start = m.index + m[0].length;
    }
    out.push(paragraph.slice(start).trim());
  }
  return out.filter((s) => s.length > 0).map((s) => clip(s, MAX_SENTENCE_CHARS));
}

/** "ISLAMABAD:", "KABUL, Oct 30 (GWS) -": a dateline names where the outlet filed, not the story. */
export const DATELINE = /^(?:\p{Lu}[\p{Lu}\s.'’/-]{2,40})(?:,[^:–—-]{0,30})?\s*(?:\([^)]{1,20}\))?\s*[:–—-]\s+/u;

/** The text without the dateline at the start of each line. */
export function stripDatelines(text: string): string {
  return text.split('\n').map((line) => line.replace(DATELINE, '')).join('\n');
}
