// The perspectives a view shows, from the event's own articles (the eventId index) and the
// story's events (the storyId index): what lib/match/perspectives.ts `getPerspectives` answers,
// without the candidate retrieval its ranking also runs. Perspectives list only the event's
// articles, so the candidates (hundreds of records read through the term index, per request)
// were read and dropped. tests/unit/background/context.test.ts checks both agree.
import { cosine, explain, timeWeighted, toVector } from '../match/similarity';
import { groupByOutlet, nearbyEvents } from '../match/perspectives';
import type { EngineStore, Perspectives } from '../match/types';
import type { Article } from '../types';

interface Scored {
  article: Article;
  score: number;
  explanation: ReturnType<typeof explain>;
}

/** The event's other articles, scored against the article as the engine's ranking scores them. */
async function scoreMates(store: EngineStore, article: Article, mates: Article[]): Promise<Scored[]> {
  if (mates.length === 0) return [];
  const stats = await store.getDocFreqs([...article.termKeys, ...mates.flatMap((m) => m.termKeys)]);
  const vector = toVector(article.terms, stats);
  return mates
    .map((m) => {
      const other = toVector(m.terms, stats);
      const score = timeWeighted(cosine(vector, other), Math.abs(m.published - article.published));
      return { article: m, score, explanation: explain(vector, other, score, m.id) };
    })
    .sort((a, b) => b.score - a.score || (a.article.id < b.article.id ? -1 : 1));
}

/**
 * Perspectives of `article` given its event's stored articles (the article itself may be among
 * them). Reads: the terms' document frequencies, and, only when no other outlet covered the
 * event, the story's events and their articles.
 */
export async function eventPerspectives(store: EngineStore, article: Article, eventArticles: readonly Article[]): Promise<Perspectives> {
  const mates = article.eventId ? eventArticles.filter((a) => a.id !== article.id && a.eventId === article.eventId) : [];
  const outlets = groupByOutlet(await scoreMates(store, article, mates), article.outletId);
  const otherOutlets = outlets.some((o) => o.outletId !== article.outletId);
  const event = otherOutlets || !article.eventId ? undefined : await store.getEvent(article.eventId);
  const nearby = event ? await nearbyEvents(store, article.storyId, event) : [];
  return { articleId: article.id, eventId: article.eventId, outlets, nearbyEvents: nearby };
}
