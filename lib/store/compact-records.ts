// How articles, events, stories and posting lists are laid out in IndexedDB. Everything outside lib/store reads
// and writes the shapes of lib/types.ts; the database (lib/store/db.ts) turns them into these
// compact forms on every write and back on every read, losslessly.
//
// The weighted terms are most of an article's record: `terms` repeated every name that
// `termKeys` holds, each with its weight as a double. Stored instead:
//   termKeys  the names, in the article's term order (as before; no index reads it since
//             schema version 3: lib/store/postings.ts holds the term lookups);
//   tw        the weights × 100 as integers (weights carry two decimals, lib/text/terms.ts),
//   tf        or the weights as they are when some have more decimals.
// Events and stories store their centroid the same way: `cn` the names, `cw` the weights × 100
// (or `cf` as they are). The shared terms of an article's eventLink and an event's storyLink are
// the record's own terms (lib/match/similarity.ts explain): stored as positions in its names
// (`ti`, `ei`). Posting lists store their article ids as numbers (`n`). Records written before
// (with `terms` or `centroid`) are read as they are.
import type { Article, MatchExplanation, WeightedTerm } from '../types';

export type StoredArticle = Omit<Article, 'terms'> & { tw?: number[]; tf?: number[] };

interface StoredCentroid {
  cn: string[];
  cw?: number[];
  cf?: number[];
}

/** Integers this large stay exact, and small enough for V8 to store them as small integers. */
const INT_WEIGHT_LIMIT = 2 ** 30;

/** The weights × 100 as integers, when that loses nothing; otherwise undefined. */
function intWeights(terms: readonly WeightedTerm[]): number[] | undefined {
  const out: number[] = [];
  for (const { weight } of terms) {
    if (typeof weight !== 'number') return undefined;
    const scaled = Math.round(weight * 100);
    if (scaled / 100 !== weight || Math.abs(scaled) >= INT_WEIGHT_LIMIT) return undefined;
    out.push(scaled);
  }
  return out;
}

function isTermList(value: unknown): value is WeightedTerm[] {
  return Array.isArray(value) && value.every((t) => t !== null && typeof t === 'object' && typeof t.term === 'string');
}

function sameNames(terms: readonly WeightedTerm[], keys: unknown): boolean {
  if (!Array.isArray(keys) || terms.length !== keys.length) return false;
  for (let i = 0; i < terms.length; i++) if (terms[i].term !== keys[i]) return false;
  return true;
}

function weightsOf(names: readonly string[], ints: readonly number[] | undefined, floats: readonly number[] | undefined): WeightedTerm[] {
  return names.map((term, i) => ({ term, weight: ints ? ints[i] / 100 : (floats as number[])[i] }));
}

type StoredLink = Omit<MatchExplanation, 'sharedTerms' | 'sharedEntities'> & { ti: number[]; ei: number[] };

/** A link with its shared terms as positions in `names` (unchanged when one is not there). */
function encodeLink(link: MatchExplanation | undefined, names: readonly string[]): MatchExplanation | StoredLink | undefined {
  if (!link || typeof link !== 'object' || !Array.isArray(link.sharedTerms) || !Array.isArray(link.sharedEntities)) return link;
  const { sharedTerms, sharedEntities, ...rest } = link;
  const ti = sharedTerms.map((t) => names.indexOf(t));
  const ei = sharedEntities.map((e) => names.indexOf('@' + e));
  return ti.includes(-1) || ei.includes(-1) ? link : { ...rest, ti, ei };
}

function decodeLink(link: MatchExplanation | StoredLink | undefined, names: readonly string[]): MatchExplanation | undefined {
  if (!link || !('ti' in link) || !Array.isArray(link.ti) || !Array.isArray(link.ei)) return link as MatchExplanation | undefined;
  const { ti, ei, ...rest } = link;
  return { ...rest, sharedTerms: ti.map((i) => names[i]), sharedEntities: ei.map((i) => names[i].slice(1)) };
}

/** Sets `key` to `value`, or leaves it out when the record did not have it. */
function withLink<T extends object>(record: T, key: string, value: unknown): T {
  return key in record ? { ...record, [key]: value } : record;
}

/**
 * The stored form of an article. Values that are not articles in the expected shape (already
 * stored, or with `termKeys` not mirroring `terms`) are returned unchanged: nothing is lost.
 */
export function encodeArticle<T>(value: T): T | StoredArticle {
  const article = value as unknown as Article;
  if (!article || typeof article !== 'object' || !isTermList(article.terms) || !sameNames(article.terms, article.termKeys)) return value;
  const { terms, ...fields } = article;
  const rest = withLink(fields, 'eventLink', encodeLink(fields.eventLink, fields.termKeys));
  const ints = intWeights(terms);
  return ints ? { ...rest, tw: ints } : { ...rest, tf: terms.map((t) => t.weight) };
}

/** The Article shape of a stored record (records in the old shape come back as they are). */
export function decodeArticle<T>(value: T): T {
  const stored = value as unknown as StoredArticle;
  if (!stored || typeof stored !== 'object' || (stored.tw === undefined && stored.tf === undefined)) return value;
  const { tw, tf, ...fields } = stored;
  const rest = withLink(fields, 'eventLink', decodeLink(fields.eventLink, fields.termKeys));
  return { ...rest, terms: weightsOf(rest.termKeys, tw, tf) } as unknown as T;
}

/** The stored form of an event or a story (anything else is returned unchanged). */
export function encodeSummary<T>(value: T): T {
  const record = value as unknown as { centroid?: unknown };
  if (!record || typeof record !== 'object' || !isTermList(record.centroid)) return value;
  const { centroid, ...fields } = record as { centroid: WeightedTerm[]; storyLink?: MatchExplanation };
  const cn = centroid.map((t) => t.term);
  const rest = withLink(fields, 'storyLink', encodeLink(fields.storyLink, cn));
  const ints = intWeights(centroid);
  const stored: StoredCentroid = { cn, ...(ints ? { cw: ints } : { cf: centroid.map((t) => t.weight) }) };
  return { ...rest, ...stored } as unknown as T;
}

/** The EventRecord or StoryRecord shape of a stored record. */
export function decodeSummary<T>(value: T): T {
  const stored = value as unknown as StoredCentroid;
  if (!stored || typeof stored !== 'object' || !Array.isArray(stored.cn)) return value;
  const { cn, cw, cf, ...fields } = stored as StoredCentroid & { storyLink?: StoredLink };
  const rest = withLink(fields, 'storyLink', decodeLink(fields.storyLink, cn));
  return { ...rest, centroid: weightsOf(cn, cw, cf) } as unknown as T;
}

interface StoredPosting {
  term: string;
  /** The ids as the numbers they spell ('a' and a 53-bit hash in base 36, lib/match/prepare.ts). */
  n: Float64Array;
}

/** 36^6: ids are converted in two halves below it, where V8 converts integers fast (large doubles to and from base 36 take microseconds). */
const LOW = 2_176_782_336;
/** The number an article id spells, when it spells one exactly ('a' + n.toString(36)). */
export function idNumber(id: unknown): number | undefined {
  // Canonical digits only: lowercase base 36, no leading zero, at most 11 (53 bits).
  if (typeof id !== 'string' || id.length < 2 || id.length > 12 || id.charCodeAt(0) !== 97) return undefined;
  if (id.charCodeAt(1) === 48 && id.length > 2) return undefined;
  let n = 0;
  for (let i = 1; i < id.length; i++) {
    const c = id.charCodeAt(i);
    const digit = c >= 48 && c <= 57 ? c - 48 : c >= 97 && c <= 122 ? c - 87 : -1;
    if (digit < 0) return undefined;
    // Exact while the result stays safe; past it, the rounded value is unsafe too.
    n = n * 36 + digit;
  }
  return Number.isSafeInteger(n) ? n : undefined;
}

/** The id a number spells: 'a' + n.toString(36), for safe non-negative integers. */
export function idString(n: number): string {
  if (n < LOW) return 'a' + n.toString(36);
  const high = Math.floor(n / LOW);
  const low = n - high * LOW;
  return 'a' + high.toString(36) + low.toString(36).padStart(6, '0');
}

/**
 * Ids already spelled from their numbers, one string per id. The engine keeps posting lists in
 * memory (lib/store/engine-memory.ts); spelled afresh, every id of a list read back was a string
 * of its own (about 24 bytes in Chromium), shared it costs the list a pointer, and the base-36
 * conversion is made once. Emptied whole past SPELLED_IDS (strings in use stay where they are).
 */
const spelled = new Map<number, string>();
const SPELLED_IDS = 250_000;

/** idString, the same string each time for the same number. */
export function spelledId(n: number): string {
  let id = spelled.get(n);
  if (id === undefined) {
    if (spelled.size >= SPELLED_IDS) spelled.clear();
    id = idString(n);
    spelled.set(n, id);
  }
  return id;
}

/**
 * The PostingRecord shape of a per-term posting row of schema versions 3 to 6, whose ids were
 * stored as numbers when every one was a hash id (8 bytes instead of about 14); version 7 stores
 * them so in buckets (lib/store/posting-buckets.ts), and its upgrade reads the old rows. Its ids
 * are spelled out when first asked for.
 */
export function decodePosting<T>(value: T): T {
  const stored = value as unknown as StoredPosting;
  if (!stored || typeof stored !== 'object' || !ArrayBuffer.isView(stored.n)) return value;
  const { n, ...rest } = stored;
  let ids: string[] | undefined;
  return Object.defineProperty(rest, 'ids', { enumerable: true, configurable: true, get: () => (ids ??= Array.from(n, spelledId)) }) as unknown as T;
}
