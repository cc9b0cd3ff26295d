// Scoring an article against others on demand (perspectives ordering, evaluation rankings).
import type { Article, MatchExplanation } from '../types';
import { scoreCandidates } from './candidates';
import { cosine, explain, timeWeighted, toVector } from './similarity';
import { EVENT_WINDOW_MS } from './thresholds';
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

/**
 * The article's event mates (best first), then the other candidates in the window (best
 * first): the engine's ranked list of "same event" answers.
 */
export async function rankRelated(store: EngineStore, article: Article, options: RankOptions = {}): Promise<RelatedArticle[]> {
  const windowMs = options.windowMs ?? EVENT_WINDOW_MS;
  const query = await scoreCandidates(store, article, Number.isFinite(windowMs) ? windowMs : undefined);
  const members = article.eventId ? (await store.getArticlesByEvent(article.eventId)).filter((a) => a.id !== article.id) : [];
  const memberIds = new Set(members.map((m) => m.id));
  const missing = members.flatMap((m) => m.termKeys).filter((t) => !query.stats.df.has(t));
  const stats = missing.length > 0 ? await store.getDocFreqs([...query.stats.df.keys(), ...missing]) : query.stats;
  const vector = missing.length > 0 ? toVector(article.terms, stats) : query.vector;
  const scored = (a: Article, sameEvent: boolean): RelatedArticle => {
    const other = toVector(a.terms, stats);
    const score = timeWeighted(cosine(vector, other), Math.abs(a.published - article.published));
    return { article: a, score, sameEvent, explanation: explain(vector, other, score, a.id) };
  };
  const byScore = (a: RelatedArticle, b: RelatedArticle) => b.score - a.score || (a.article.id < b.article.id ? -1 : 1);
  const mates = members.map((m) => scored(m, true)).sort(byScore);
  const others = query.candidates
    .filter((c) => !memberIds.has(c.article.id) && Math.abs(c.article.published - article.published) <= windowMs)
    .map((c) => scored(c.article, false))
    .sort(byScore);
  return [...mates, ...others];
}
