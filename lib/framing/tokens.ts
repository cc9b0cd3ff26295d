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

/** Character classes for the word scanner: 1 letter or number, 2 combining mark, 0 anything else. */
const WORD_START = 1;
const MARK = 2;
/** Classes of the Basic Multilingual Plane, filled as met (0 = not yet known, else class + 1). */
const bmpClass = new Uint8Array(0x10000);

function classify(cp: number): number {
  const c = String.fromCodePoint(cp);
  return /[\p{L}\p{N}]/u.test(c) ? WORD_START : /\p{M}/u.test(c) ? MARK : 0;
}

function classOf(cp: number): number {
  if (cp < 128) return (cp >= 97 && cp <= 122) || (cp >= 65 && cp <= 90) || (cp >= 48 && cp <= 57) ? WORD_START : 0;
  if (cp > 0xffff) return classify(cp);
  let c = bmpClass[cp];
  if (c === 0) bmpClass[cp] = c = classify(cp) + 1;
  return c - 1;
}

/** Apostrophes, full stops and hyphens join two word characters ("Tehreek-e-Taliban", "U.S."). */
function isJoiner(cp: number): boolean {
  return cp === 0x27 || cp === 0x2019 || cp === 0x2e || cp === 0x2d;
}

/**
 * Calls `each` with the start and end of each word of `text`, exactly as WORD_RE finds them (the
 * regex is the specification, and a test holds the two together), scanned by hand: the regex's
 * per-match arrays and Unicode property tests were most of the cost of tokenizing an event's text.
 */
function scanWords(text: string, each: (start: number, end: number) => void): void {
  const n = text.length;
  let i = 0;
  while (i < n) {
    const cp = text.codePointAt(i) as number;
    if (classOf(cp) !== WORD_START) {
      i += cp > 0xffff ? 2 : 1;
      continue;
    }
    const start = i;
    i += cp > 0xffff ? 2 : 1;
    while (i < n) {
      const next = text.codePointAt(i) as number;
      if (classOf(next) !== 0) i += next > 0xffff ? 2 : 1;
      else if (isJoiner(next) && i + 1 < n && classOf(text.codePointAt(i + 1) as number) === WORD_START) i += 1;
      else break;
    }
    each(start, i);
  }
}

/** The words of `text` as the tokenizer reads them (before normalisation). */
export function wordsOf(text: string): string[] {
  const out: string[] = [];
  scanWords(text, (start, end) => out.push(text.slice(start, end)));
  return out;
}

/** The words WORD_RE finds in `text`: the specification wordsOf is tested against. */
export function wordsByRegex(text: string): string[] {
  return [...text.matchAll(WORD_RE)].map((m) => m[0]);
}

/** Every word of `text` in order, stopwords flagged rather than dropped (they break phrases). */
export function tokenizeWords(text: string): Token[] {
  const out: Token[] = [];
  const normal = text.normalize('NFKC');
  scanWords(normal, (start, end) => {
    const token = toToken(normal.slice(start, end));
    if (token) out.push(token);
  });
  return out;
}

/** A text's tokens with where each stands in its NFKC form. */
export interface TokenSpans {
  tokens: Token[];
  starts: number[];
  ends: number[];
  /** The text, NFKC (as tokenizeWords reads it). */
  normal: string;
  /** For each offset of the original text, the offset in `normal` (absent when the two are equal). */
  at?: Int32Array;
}

/**
 * Where each offset of `text` falls in `normal`, its NFKC form, when the normalisation is a
 * character-by-character one ("…" → "...", no composition across characters); undefined otherwise.
 */
function offsetsIn(text: string, normal: string): Int32Array | undefined {
  const at = new Int32Array(text.length + 1);
  let out = 0;
  for (let i = 0; i < text.length;) {
    const cp = text.codePointAt(i) as number;
    at[i] = out;
    if (cp < 0x80) {
      if (normal.charCodeAt(out) !== cp) return undefined;
      out += 1;
      i += 1;
      continue;
    }
    const piece = String.fromCodePoint(cp).normalize('NFKC');
    if (!normal.startsWith(piece, out)) return undefined;
    if (cp > 0xffff) at[i + 1] = out;
    out += piece.length;
    i += cp > 0xffff ? 2 : 1;
  }
  at[text.length] = out;
  return out === normal.length ? at : undefined;
}

/**
 * The tokens of `text` with their offsets, so the tokens of a part of it can be read without
 * tokenizing the part again (tokensIn); undefined when offsets in the normalised text cannot be
 * told from offsets in the text.
 */
export function tokenSpans(text: string): TokenSpans | undefined {
  const normal = text.normalize('NFKC');
  const at = normal === text ? undefined : offsetsIn(text, normal);
  if (normal !== text && !at) return undefined;
  const spans: TokenSpans = { tokens: [], starts: [], ends: [], normal, at };
  scanWords(normal, (start, end) => {
    const token = toToken(normal.slice(start, end));
    if (!token) return;
    spans.tokens.push(token);
    spans.starts.push(start);
    spans.ends.push(end);
  });
  return spans;
}

/**
 * tokenizeWords(text.slice(from, to)) read from the spans of the whole text, or undefined where that
 * cannot be shown equal: the part's NFKC form must be the same part of the whole's NFKC form. The
 * caller ensures no word runs across the part's ends (it starts and ends beside white space or the
 * text's own ends).
 */
export function tokensIn(spans: TokenSpans, text: string, from: number, to: number): Token[] | undefined {
  const a = spans.at ? spans.at[from] : from;
  const b = spans.at ? spans.at[to] : to;
  const part = text.slice(from, to);
  if (part.normalize('NFKC') !== (spans.at ? spans.normal.slice(a, b) : part)) return undefined;
  const { starts, ends, tokens } = spans;
  let lo = 0;
  let hi = starts.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (starts[mid] < a) lo = mid + 1;
    else hi = mid;
  }
  const out: Token[] = [];
  for (let i = lo; i < starts.length && ends[i] <= b; i += 1) out.push(tokens[i]);
  return out;
}
