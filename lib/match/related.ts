// Scoring an article against others on demand (perspectives ordering, evaluation rankings).
import type { Article, MatchExplanation } from '../types';
import { scoreCandidates } from './candidates';
import { hubAdjusted, poolDensities } from './hubness';
import { cosine, explain, timeWeighted, toVector, type TermVector } from './similarity';
import { EVENT_WINDOW_MS, HUB_RERANK, RANK_CANDIDATES } from './thresholds';
import type { EngineStore } from './types';

export interface RelatedArticle {
  article: Article;
  score: number;
  sameEvent: boolean;
  explanation: MatchExplanation;
}

export interface RankOptions {
  /** Only candidates this close in time (default: the event window). Infinity for all. */
  windowMs?: number;
}

interface Ranked extends RelatedArticle {
  vector: TermVector;
}

/**
 * Orders candidates best first: the best `HUB_RERANK` by their score less part of their density
 * among `pool` (lib/match/hubness.ts), the rest by score.
 */
export function rankWithHubness<T extends { score: number; vector: TermVector; article: { id: string } }>(items: readonly T[], pool: readonly TermVector[]): T[] {
  const tie = (a: T, b: T) => (a.article.id < b.article.id ? -1 : 1);
  const byScore = [...items].sort((a, b) => b.score - a.score || tie(a, b));
  const top = byScore.slice(0, HUB_RERANK);
  const inTop = new Set(top.map((item) => item.vector));
  const densities = poolDensities([...top.map((item) => item.vector), ...pool.filter((v) => !inTop.has(v))], top.map((_, i) => i));
  const head = top.map((item, i) => ({ item, adjusted: hubAdjusted(item.score, densities[i]) }));
  head.sort((a, b) => b.adjusted - a.adjusted || tie(a.item, b.item));
  return [...head.map((h) => h.item), ...byScore.slice(HUB_RERANK)];
}

/**
 * The article's event mates and the other candidates in the window, best first, the mates
 * flagged `sameEvent`: the engine's ranked list of "same event" answers. "Best" is similarity
 * less hubness (lib/match/hubness.ts), for mates and others alike: an event groups by its
 * members' words as a whole, so a mate can be further from this article than another event's
 * piece (mates first put 6–9 mostly-wrong mates ahead of the closest snippets in the triplets
 * evaluation; ranking them together cost perspectives' mrr 0.001).
 */
export async function rankRelated(store: EngineStore, article: Article, options: RankOptions = {}): Promise<RelatedArticle[]> {
  const windowMs = options.windowMs ?? EVENT_WINDOW_MS;
  const query = await scoreCandidates(store, article, Number.isFinite(windowMs) ? windowMs : undefined, RANK_CANDIDATES);
  const members = article.eventId ? (await store.getArticlesByEvent(article.eventId)).filter((a) => a.id !== article.id) : [];
  const memberIds = new Set(members.map((m) => m.id));
  const missing = members.flatMap((m) => m.termKeys).filter((t) => !query.stats.df.has(t));
  const stats = missing.length > 0 ? await store.getDocFreqs([...query.stats.df.keys(), ...missing]) : query.stats;
  const vector = missing.length > 0 ? toVector(article.terms, stats) : query.vector;
  const scored = (a: Article, sameEvent: boolean): Ranked => {
    const other = toVector(a.terms, stats);
    const score = timeWeighted(cosine(vector, other), Math.abs(a.published - article.published));
    return { article: a, score, sameEvent, explanation: explain(vector, other, score, a.id), vector: other };
  };
  const mates = members.map((m) => scored(m, true));
  const others = query.candidates.filter((c) => !memberIds.has(c.article.id)).map((c) => scored(c.article, false));
  const pool = [...mates, ...others].map((r) => r.vector);
  const inWindow = others.filter((r) => Math.abs(r.article.published - article.published) <= windowMs);
  return rankWithHubness([...mates, ...inWindow], pool).map(({ vector: _, ...r }) => r);
}
