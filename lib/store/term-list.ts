// The word search's list of every term IndexedDB may hold, sorted: lib/background/search.ts finds
// a word's terms in it by binary search and reads only their buckets. The posting buckets hold no
// index of their terms (lib/store/posting-buckets.ts), so the list comes from memory: the stored
// keys when a bulk ingest has read them (they grow with every commit), else the terms of one read
// of every bucket and of the term log, kept until the next engine commit. Reading the article ids
// for the stored keys too made a first search at 100,000 stored take 0.9 s (match bench, real
// Chromium); every search read every bucket before (~22 MB, 0.28 s median).
import type { ThreadlineDB } from './db';
import { fillFor, fillTermList, sharedFor, type StoredKeys } from './engine-memory';
import { readWithTermLog } from './engine-reads';
import { postingTerms } from './posting-buckets';
import { withLogTerms } from './term-log';

/** The stored keys' terms sorted, sorted again only when more were added. */
const sortedByKeys = new WeakMap<StoredKeys, string[]>();

function codeUnitOrder(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * Every term IndexedDB may hold (a superset: a term may have no row), in code-unit order.
 * Memory's stored keys serve even while a batch runs: they only grow, and what that batch adds
 * is not committed yet.
 */
export async function sortedTerms(db: ThreadlineDB): Promise<readonly string[]> {
  const keys = sharedFor(db).keys;
  if (keys) {
    const cached = sortedByKeys.get(keys);
    if (cached && cached.length === keys.terms.size) return cached;
    const sorted = [...keys.terms].sort(codeUnitOrder);
    sortedByKeys.set(keys, sorted);
    return sorted;
  }
  const at = fillFor(db);
  const kept = at?.shared.termList;
  if (kept && kept.commits === at.commits) return kept.sorted;
  const { value, log } = await readWithTermLog(db, (buckets) => postingTerms(buckets));
  const sorted = [...withLogTerms(new Set(value), log)].sort(codeUnitOrder);
  if (at) fillTermList(db, at, sorted);
  return sorted;
}
