// How articles, events and stories are laid out in IndexedDB. Everything outside lib/store reads
// and writes the shapes of lib/types.ts; the database (lib/store/db.ts) turns them into these
// compact forms on every write and back on every read, losslessly.
//
// The weighted terms are most of an article's bytes twice over: `terms` repeated every name
// that `termKeys` holds, and each name in the multi-entry `termKeys` index costs an index
// entry (in Chromium the term and the article id in UTF-16, the id again as its value: about
// 50–70 bytes on disk). Stored:
//   termKeys  the names the term index holds: all of them, or (written by the engine store)
//             only those rare enough to be looked up (see lib/store/engine-store.ts);
//   tx        the other names, when termKeys holds only some;
//   tm        which of the two lists each term comes from, in the article's term order (bit i
//             set: termKeys), so the order of `terms` comes back exactly;
//   tw        the weights × 100 as integers (weights carry two decimals, lib/text/terms.ts),
//   tf        or the weights as they are when some have more decimals.
// Events and stories store their centroid the same way: `cn` the names, `cw` the weights × 100
// (or `cf` as they are). Records written before (with `terms` or `centroid`) are read as they are.
import type { Article, WeightedTerm } from '../types';

export interface StoredArticleTerms {
  termKeys: string[];
  tx?: string[];
  tm?: number;
  tw?: number[];
  tf?: number[];
}

export type StoredArticle = Omit<Article, 'terms' | 'termKeys'> & StoredArticleTerms;

/** A mask of this many bits is an exact integer in a double. */
const MAX_MASKED_TERMS = 52;
const INT_WEIGHT_LIMIT = 2 ** 31;

function sameNames(terms: readonly WeightedTerm[], keys: readonly string[]): boolean {
  if (!Array.isArray(terms) || !Array.isArray(keys) || terms.length !== keys.length) return false;
  for (let i = 0; i < terms.length; i++) if (terms[i]?.term !== keys[i]) return false;
  return true;
}

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

/**
 * The stored form of an article. `indexed` says which term names the term index needs (all
 * when omitted). Values that are not articles in the expected shape (already stored, or with
 * `termKeys` not mirroring `terms`) are returned unchanged.
 */
export function encodeArticle<T>(value: T, indexed?: (term: string) => boolean): T | StoredArticle {
  const article = value as unknown as Article;
  if (!article || typeof article !== 'object' || !sameNames(article.terms, article.termKeys)) return value;
  const { terms, termKeys, ...rest } = article;
  const ints = intWeights(terms);
  const weights: Pick<StoredArticleTerms, 'tw' | 'tf'> = ints ? { tw: ints } : { tf: terms.map((t) => t.weight) };
  const keep = indexed && termKeys.length <= MAX_MASKED_TERMS ? termKeys.map((t) => indexed(t)) : undefined;
  if (!keep || keep.every(Boolean)) return { ...rest, termKeys: [...termKeys], ...weights };
  let mask = 0;
  keep.forEach((k, i) => (mask += k ? 2 ** i : 0));
  return { ...rest, termKeys: termKeys.filter((_, i) => keep[i]), tx: termKeys.filter((_, i) => !keep[i]), tm: mask, ...weights };
}

/** The Article shape of a stored record (records in the old shape come back as they are). */
export function decodeArticle<T>(value: T): T {
  const stored = value as unknown as StoredArticle;
  if (!stored || typeof stored !== 'object' || (stored.tw === undefined && stored.tf === undefined)) return value;
  const { termKeys, tx, tm, tw, tf, ...rest } = stored;
  let names = termKeys;
  if (tx !== undefined && tm !== undefined) {
    names = [];
    let a = 0;
    let b = 0;
    for (let i = 0; i < termKeys.length + tx.length; i++) names.push(Math.floor(tm / 2 ** i) % 2 === 1 ? termKeys[a++] : tx[b++]);
  }
  const terms = names.map((term, i) => ({ term, weight: tw ? tw[i] / 100 : (tf as number[])[i] }));
  return { ...rest, terms, termKeys: names } as unknown as T;
}

interface StoredCentroid {
  cn: string[];
  cw?: number[];
  cf?: number[];
}

/** The stored form of an event or a story (anything else is returned unchanged). */
export function encodeSummary<T>(value: T): T {
  const record = value as unknown as { centroid?: WeightedTerm[] };
  if (!record || typeof record !== 'object' || !Array.isArray(record.centroid) || !record.centroid.every((t) => t && typeof t.term === 'string')) return value;
  const { centroid, ...rest } = record;
  const ints = intWeights(centroid);
  const stored: StoredCentroid = { cn: centroid.map((t) => t.term), ...(ints ? { cw: ints } : { cf: centroid.map((t) => t.weight) }) };
  return { ...rest, ...stored } as unknown as T;
}

/** The EventRecord or StoryRecord shape of a stored record. */
export function decodeSummary<T>(value: T): T {
  const stored = value as unknown as StoredCentroid;
  if (!stored || typeof stored !== 'object' || !Array.isArray(stored.cn)) return value;
  const { cn, cw, cf, ...rest } = stored;
  return { ...rest, centroid: cn.map((term, i) => ({ term, weight: cw ? cw[i] / 100 : (cf as number[])[i] })) } as unknown as T;
}
