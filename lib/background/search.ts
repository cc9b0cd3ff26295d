// The lookup box's word search (lib/ui/use-search.ts) over the local store: each word of the
// query is a prefix; the articles holding terms that begin with more of the words come first.
// Hashing scatters a prefix's terms over the posting buckets (lib/store/posting-buckets.ts) and
// the buckets have no index of their terms, so the terms are looked up in a sorted list kept in
// memory (lib/store/term-list.ts) and only their buckets are read. Reading every bucket for each
// search cost ~22 MB and 0.28 s (median) at 100,000 stored, and the box searches as the reader
// types.
import type { ThreadlineDB } from '../store/db';
import { readWithTermLog } from '../store/engine-reads';
import { bucketStore } from '../store/posting-buckets';
import { sortedTerms } from '../store/term-list';
import { applyMoves } from '../store/term-log';
import type { Article } from '../types';
import type { SearchHit } from '../views';
import { toArticleView } from './context';

/** Article ids read per search word: a few hundred per query (EVAL.md). */
export const SEARCH_PER_TERM = 200;
const SEARCH_RESULTS = 20;
/** Words of a query that count. */
const SEARCH_WORDS = 8;
/**
 * Terms per word whose rows the first read asks for, in term order; each further read asks for
 * four times as many, until the word has SEARCH_PER_TERM ids or no more terms. A whole word
 * ("pakistan") has a few terms; a short prefix ("pa") hundreds, most with a few ids.
 */
const FIRST_TERMS = 16;

/** The index of the first term not before `word` in `sorted`. */
export function firstAtOrAfter(sorted: readonly string[], word: string): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (sorted[mid] < word) low = mid + 1;
    else high = mid;
  }
  return low;
}

/**
 * For each word, ids of articles with a term beginning with it: term order, the newest articles
 * of each term first, SEARCH_PER_TERM at most; the posting lists as the term log leaves them
 * (lib/store/term-log.ts). The list of terms is a superset: a term without a row yields nothing.
 */
export async function idsForWords(db: ThreadlineDB, words: readonly string[]): Promise<string[][]> {
  const sorted = await sortedTerms(db);
  const next = words.map((word) => firstAtOrAfter(sorted, word));
  const ids = words.map((): string[] => []);
  const hasMore = (i: number) => ids[i].length < SEARCH_PER_TERM && next[i] < sorted.length && sorted[next[i]].startsWith(words[i]);
  for (let take = FIRST_TERMS; words.some((_, i) => hasMore(i)); take *= 4) {
    const chosen = words.map((_, i) => {
      const terms: string[] = [];
      while (hasMore(i) && terms.length < take) terms.push(sorted[next[i]++]);
      return terms;
    });
    const terms = [...new Set(chosen.flat())];
    const { value: rows, log } = await readWithTermLog(db, (buckets) => bucketStore(buckets).read(terms));
    const stored = new Map(terms.map((term, k) => [term, rows[k]?.ids ?? []]));
    chosen.forEach((list, i) => {
      for (const term of list) {
        const held = applyMoves(stored.get(term) ?? [], log.moves.get(term));
        for (let k = held.length - 1; k >= 0 && ids[i].length < SEARCH_PER_TERM; k--) ids[i].push(held[k]);
      }
    });
  }
  return ids;
}

/** Word search over the local store: the posting lists of each word's terms, then the best records. */
export async function searchStore(db: ThreadlineDB, query: string): Promise<SearchHit[]> {
  const words = [...new Set(query.toLowerCase().match(/[\p{L}\p{N}]{2,}/gu) ?? [])].slice(0, SEARCH_WORDS);
  if (words.length === 0) return [];
  const idLists = await idsForWords(db, words);
  const hits = new Map<string, number>();
  for (const ids of idLists) for (const id of new Set(ids)) hits.set(id, (hits.get(id) ?? 0) + 1);
  const best = [...hits].sort((a, b) => b[1] - a[1]).slice(0, SEARCH_RESULTS * 2).map(([id]) => id);
  const rows = (await db.articles.bulkGet(best)).filter((a): a is Article => a !== undefined);
  return rows
    .map((a) => ({ ...toArticleView(a), storyId: a.storyId, matchedTerms: words.filter((w) => a.termKeys.some((t) => t.startsWith(w))) }))
    .sort((a, b) => b.matchedTerms.length - a.matchedTerms.length || b.published - a.published)
    .slice(0, SEARCH_RESULTS);
}
