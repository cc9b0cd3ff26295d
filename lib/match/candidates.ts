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
 * The `limit` ids with most hits, most first, ids ascending among equals: the head of the whole
 * list sorted so, without sorting thousands of ids that share one or two query terms.
 */
export function mostHits(hits: ReadonlyMap<string, number>, limit: number): string[] {
  const byCount: string[][] = [];
  for (const [id, count] of hits) (byCount[count] ??= []).push(id);
  const out: string[] = [];
  for (let count = byCount.length - 1; count >= 0 && out.length < limit; count--) {
    const ids = byCount[count];
    if (!ids) continue;
    for (const id of smallest(ids, limit - out.length)) out.push(id);
  }
  return out;
}

/**
 * The `k` smallest of distinct ids, ascending: the head of the sorted list without sorting it.
 * The last bucket mostHits reaches is the ids sharing one or two query terms, often most of
 * the hundreds retrieved, of which it keeps only what is left of MAX_CANDIDATES; its sort
 * comparator was 7% of the engine's time outside the store (Chromium profile at 20-25k stored).
 */
export function smallest(ids: string[], k: number): string[] {
  // The default sort orders strings by UTF-16 code units, as `<` does, without calling back
  // into JavaScript per comparison (a comparator function was most of this function's time).
  if (ids.length <= k) return ids.sort();
  const head = ids.slice(0, k).sort();
  for (let i = k; i < ids.length; i++) {
    const id = ids[i];
    if (k === 0 || id >= head[k - 1]) continue;
    // Binary search for its place, then drop the largest.
    let lo = 0;
    let hi = k - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (head[mid] < id) lo = mid + 1;
      else hi = mid;
    }
    head.splice(lo, 0, id);
    head.pop();
  }
  return head;
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
