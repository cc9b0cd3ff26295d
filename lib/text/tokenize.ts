// Unicode word tokens with Intl.Segmenter (it knows scripts without spaces and apostrophes),
// normalised (NFKC, lower case), function words dropped and a light plural stemmer applied so
// that "talks" and "talk", "ceasefires" and "ceasefire" meet.
import { isStopword } from './stopwords';

/** Shorter tokens are mostly noise (initials, "al" from "al-Qaeda"); numbers are kept. */
const MIN_TOKEN_LENGTH = 2;
/** Longer tokens are URLs, hashes or glued words: never shared by two outlets. */
const MAX_TOKEN_LENGTH = 40;

/**
 * "5,000" is the number "5000" (outlets differ on the separator); "4.5" stays "4.5", not the "45"
 * that dropping dots (for "U.S.") would make of it.
 */
const GROUPED_NUMBER = /^\d{1,3}(,\d{3})+(\.\d+)?$/u;
const DECIMAL_NUMBER = /^\d+\.\d+$/u;

/** Penn Treebank escapes that some archived texts carry ("-LRB-", "``"). */
const PTB_ESCAPES = /-[LR][RSC]B-|``|''/g;

const segmenters = new Map<string, Intl.Segmenter>();

function segmenterFor(locale: string): Intl.Segmenter {
  let segmenter = segmenters.get(locale);
  if (!segmenter) {
    segmenter = new Intl.Segmenter(locale, { granularity: 'word' });
    segmenters.set(locale, segmenter);
  }
  return segmenter;
}

/** Plural and possessive endings only: heavier stemming merges words outlets keep apart. */
export function stem(token: string): string {
  if (/^\d/.test(token) || token.length <= 3) return token;
  if (token.endsWith('ies') && token.length > 4) return token.slice(0, -3) + 'y';
  if (/(ss|us|is|ous|ews)$/.test(token)) return token;
  if (/(ches|shes|xes|sses)$/.test(token)) return token.slice(0, -2);
  if (token.endsWith('s')) return token.slice(0, -1);
  return token;
}

/** Lower-cases and cleans one word; returns '' for a token to drop. */
export function normalizeToken(raw: string): string {
  const lowered = raw.normalize('NFKC').toLowerCase();
  if (GROUPED_NUMBER.test(lowered) || DECIMAL_NUMBER.test(lowered)) return lowered.replace(/,/g, '');
  let token = lowered.replace(/['’]s$/u, '').replace(/['’.]/gu, '');
  token = token.replace(/^[-_]+|[-_]+$/gu, '');
  if (token.length < MIN_TOKEN_LENGTH && !/^\d$/u.test(token)) return '';
  if (token.length > MAX_TOKEN_LENGTH || isStopword(token)) return '';
  if (/^\d+$/u.test(token) && token.length === 1) return '';
  return stem(token);
}

/** Content tokens of a text, in order; stopwords removed. */
export function tokenize(text: string, locale = 'en'): string[] {
  const tokens: string[] = [];
  const cleaned = text.replace(PTB_ESCAPES, ' ');
  for (const part of segmenterFor(locale).segment(cleaned)) {
    if (!part.isWordLike) continue;
    const token = normalizeToken(part.segment);
    if (token) tokens.push(token);
  }
  return tokens;
}
