// Tokens for framing: lower-cased, lightly stemmed content words with their surface form kept, so
// a distinctive phrase can be shown as the outlet wrote it. Uses lib/text's stopword list and
// plural stemmer so framing and matching agree on what a word is.
import { isStopword } from '../text/stopwords';
import { stem } from '../text/tokenize';

export interface Token {
  /** Normalised key: NFKC, lower case, possessive and plural removed. */
  key: string;
  /** The word as written (case kept). */
  surface: string;
  stop: boolean;
  number: boolean;
}

const WORD_RE = /[\p{L}\p{N}](?:[\p{L}\p{N}\p{M}]|['’.-](?=[\p{L}\p{N}]))*/gu;
/** Spelled-out numbers are numbers too: "two soldiers" and "five soldiers" disagree. */
const NUMBER_WORDS = new Set(['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven',
  'twelve', 'thirteen', 'fourteen', 'fifteen', 'sixteen', 'seventeen', 'eighteen', 'nineteen', 'twenty', 'thirty', 'forty',
  'fifty', 'sixty', 'seventy', 'eighty', 'ninety', 'hundred', 'hundreds', 'thousand', 'thousands', 'million', 'millions',
  'billion', 'billions', 'dozen', 'dozens']);
/** Month names are dates: alone they say nothing ("Oct"), beside a number they are a date. */
const MONTHS = new Set(['january', 'february', 'april', 'june', 'july', 'august', 'september', 'october', 'november',
  'december', 'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec']);
/** Tokens this long are URLs or glued words, never framing. */
const MAX_TOKEN_LENGTH = 40;

/** Token per surface form: an event repeats the same few thousand words many times. */
const memo = new Map<string, Token | null>();
/** Bound on the memo so a long session cannot grow it without limit. */
const MAX_MEMO = 50_000;

function toToken(raw: string): Token | null {
  const hit = memo.get(raw);
  if (hit !== undefined) return hit;
  const surface = raw.replace(/['’]s$/u, '');
  const lower = surface.toLowerCase().replace(/['’.]/gu, '');
  let token: Token | null = null;
  if (lower && lower.length <= MAX_TOKEN_LENGTH) {
    const number = /^[\p{N}.,-]+$/u.test(lower) || /^\d+(st|nd|rd|th|s|am|pm|km|m|bn|k)?$/u.test(lower) || NUMBER_WORDS.has(lower) || MONTHS.has(lower);
    const stop = lower.length < 2 || isStopword(lower);
    token = { key: stop || number ? lower : stem(lower), surface, stop, number };
  }
  if (memo.size >= MAX_MEMO) memo.clear();
  memo.set(raw, token);
  return token;
}

/** Every word of `text` in order, stopwords flagged rather than dropped (they break phrases). */
export function tokenizeWords(text: string): Token[] {
  const out: Token[] = [];
  for (const m of text.normalize('NFKC').matchAll(WORD_RE)) {
    const token = toToken(m[0]);
    if (token) out.push(token);
  }
  return out;
}
