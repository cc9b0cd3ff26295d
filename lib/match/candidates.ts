// Candidate retrieval and scoring: the query's rarest terms are looked up in the store's term
// lookups (a few hundred article ids, never a scan), and each candidate is scored by IDF cosine.
import type { Article, WeightedTerm } from '../types';
import { idf } from '../text/doc-freq';
import { MAX_CANDIDATES, MAX_QUERY_DF, QUERY_TERMS } from './thresholds';
import { candidateScorer, toVector, type DocStats, type TermVector } from './similarity';
import type { ArticlePlace, EngineStore } from './types';

export interface ScoredCandidate {
  article: Article;
  score: number;
  /** |published difference| in ms. */
  distance: number;
}

export interface ScoredQuery {
  vector: TermVector;
  stats: DocStats;
  candidates: ScoredCandidate[];
  /** The stories of every article retrieved, scored or not (story linking weighs them all). */
  storyIds: string[];
}

/**
 * The query terms to look up: present elsewhere, not too common, most telling first (field
 * weight × IDF): the rarest terms alone are typos and asides that the other outlets lack.
 */
export function pickQueryTerms(article: Article, stats: DocStats): string[] {
  const telling = (t: WeightedTerm) => t.weight * idf(stats.df.get(t.term) ?? 0, stats.docs);
  return article.terms
    .filter((t) => {
      const df = stats.df.get(t.term) ?? 0;
      return df >= 1 && df <= MAX_QUERY_DF;
    })
    .sort((a, b) => telling(b) - telling(a) || (a.term < b.term ? -1 : 1))
    .slice(0, QUERY_TERMS)
    .map((t) => t.term);
}

/**
 * The ids of the stored articles sharing most query terms with the article (ids break ties):
 * the ids of every query term in one read, the best `limit` kept.
 */
async function retrieve(store: EngineStore, article: Article, terms: string[], limit: number): Promise<string[]> {
  const hits = new Map<string, number>();
  for (const ids of await store.getArticleIdsByTerms(terms)) {
    for (const id of ids) if (id !== article.id) hits.set(id, (hits.get(id) ?? 0) + 1);
  }
  return mostHits(hits, limit);
}

/**
 * The `limit` ids with most hits, ids ascending deciding among equals who is in, in no particular
 * order: callers only ask which ids are in (candidates are ranked by score and id, their stories
 * sorted: lib/match/story-link.ts). Sorting the ids kept (a few hundred strings with the default
 * comparator) was most of this function's time, about 0.23 ms an article in Chromium at 28,500-
 * 30,000 stored: whole buckets are taken as they are, and the bucket at the limit is split by a
 * selection (0.07 ms there).
 */
export function mostHits(hits: ReadonlyMap<string, number>, limit: number): string[] {
  const byCount: string[][] = [];
  for (const [id, count] of hits) (byCount[count] ??= []).push(id);
  const out: string[] = [];
  for (let count = byCount.length - 1; count >= 0 && out.length < limit; count--) {
    const ids = byCount[count];
    if (!ids) continue;
    const k = Math.min(limit - out.length, ids.length);
    if (k < ids.length) selectSmallest(ids, k);
    for (let i = 0; i < k; i++) out.push(ids[i]);
  }
  return out;
}

/**
 * An id's place in string order, as a number: its first 10 UTF-16 code units in base 37 (0: past
 * the end, then 0-9 and a-z in code unit order), or -1 when one of them is another character.
 * Ids (lib/match/prepare.ts, compact-records.ts idString) are such, 'a' and up to 11 digits.
 * Two ids with different keys compare as their keys do; equal keys compare as strings.
 */
export function orderKey(id: string): number {
  let key = 0;
  for (let j = 0; j < 10; j++) {
    let digit = 0;
    if (j < id.length) {
      const c = id.charCodeAt(j);
      digit = c >= 48 && c <= 57 ? c - 47 : c >= 97 && c <= 122 ? c - 86 : -1;
      if (digit < 0) return -1;
    }
    key = key * 37 + digit;
  }
  return key;
}

/**
 * Moves the `k` smallest of distinct ids to the front of `ids`, in no particular order (Hoare's
 * selection: linear on average). Compared by orderKey where every id has one (`<` on strings,
 * which compares UTF-16 code units as sort() does, where keys are equal): in the ingest
 * bench (real Chromium, 60,000-65,000 stored, ~500 hits an article) mostHits took 0.32 ms an
 * article comparing the strings themselves and 0.21 ms by key.
 */
export function selectSmallest(ids: string[], k: number): void {
  const keys = new Float64Array(ids.length);
  for (let i = 0; i < ids.length; i++) {
    keys[i] = orderKey(ids[i]);
    if (keys[i] < 0) {
      // Not every id has a key: all keys equal, so every comparison is the strings'.
      keys.fill(0);
      break;
    }
  }
  let lo = 0;
  let hi = ids.length - 1;
  while (lo < hi) {
    const middle = (lo + hi) >> 1;
    const pivotKey = keys[middle];
    const pivot = ids[middle];
    let i = lo;
    let j = hi;
    while (i <= j) {
      while (keys[i] < pivotKey || (keys[i] === pivotKey && ids[i] < pivot)) i++;
      while (keys[j] > pivotKey || (keys[j] === pivotKey && ids[j] > pivot)) j--;
      if (i <= j) {
        const key = keys[i];
        keys[i] = keys[j];
        keys[j] = key;
        const id = ids[i];
        ids[i] = ids[j];
        ids[j] = id;
        i++;
        j--;
      }
    }
    // Now ids[lo..j] ≤ pivot ≤ ids[i..hi], and what lies between them is the pivot.
    if (k - 1 <= j) hi = j;
    else if (k - 1 >= i) lo = i;
    else break;
  }
}

/** The places of the retrieved ids within `windowMs` of `published` (all of them without a window). */
export function withinWindow(places: readonly (ArticlePlace | undefined)[], published: number, windowMs?: number): ArticlePlace[] {
  return places.filter((p): p is ArticlePlace => p !== undefined && (windowMs === undefined || Math.abs(p.published - published) <= windowMs));
}

/**
 * Retrieves and scores the candidates of an article (stored or not), best first. With a window,
 * only the candidates published within it are read whole and scored (the others count for
 * `storyIds` alone): the same scores and order as without, restricted to the window.
 * `maxCandidates`: ids kept after retrieval (ingest keeps MAX_CANDIDATES, the on-demand ranking
 * RANK_CANDIDATES).
 */
export async function scoreCandidates(store: EngineStore, article: Article, windowMs?: number, maxCandidates = MAX_CANDIDATES): Promise<ScoredQuery> {
  const queryStats = await store.getDocFreqs(article.termKeys);
  const ids = await retrieve(store, article, pickQueryTerms(article, queryStats), maxCandidates);
  const places = windowMs === undefined ? await store.getArticles(ids) : await store.getPlaces(ids);
  const near = withinWindow(places, article.published, windowMs);
  const found = windowMs === undefined ? (near as Article[]) : (await store.getArticles(near.map((p) => p.id))).filter((a): a is Article => a !== undefined);
  // Every term once, numbered in the order met (the scorer's slots, below).
  const slots = new Map<string, number>();
  for (const t of article.termKeys) if (slots.get(t) === undefined) slots.set(t, slots.size);
  for (const c of found) for (const t of c.termKeys) if (slots.get(t) === undefined) slots.set(t, slots.size);
  const stats = await store.getDocFreqs([...slots.keys()]);
  const vector = toVector(article.terms, stats);
  const score = candidateScorer(vector, stats, slots);
  const candidates = found.map((c) => ({ article: c, score: score(c.terms), distance: Math.abs(c.published - article.published) }));
  candidates.sort((a, b) => b.score - a.score || (a.article.id < b.article.id ? -1 : 1));
  const storyIds = places.filter((p) => p !== undefined).map((p) => p.storyId);
  return { vector, stats, candidates, storyIds };
}
