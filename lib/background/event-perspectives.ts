// The perspectives a view shows, from the event's own articles (the eventId index) and the
// story's events (the storyId index): what lib/match/perspectives.ts `getPerspectives` answers,
// without the candidate retrieval its ranking also runs. Perspectives list only the event's
// articles, so the candidates (hundreds of records read through the term index, per request)
// were read and dropped. tests/unit/background/context.test.ts checks both agree.
import { cosine, explain, timeWeighted, toVector } from '../match/similarity';
import type { EngineStore, NearbyEvent, PerspectiveOutlet, Perspectives } from '../match/types';
import type { Article, EventRecord } from '../types';

/** Nearby events offered when the event has a single outlet (as getPerspectives). */
const NEARBY_EVENTS = 5;

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

function groupByOutlet(scored: Scored[], ownOutlet: string): PerspectiveOutlet[] {
  const groups = new Map<string, PerspectiveOutlet>();
  for (const r of scored) {
    let group = groups.get(r.article.outletId);
    if (!group) groups.set(r.article.outletId, (group = { outletId: r.article.outletId, outletName: r.article.outletName, articles: [] }));
    group.articles.push({ articleId: r.article.id, title: r.article.title, url: r.article.url, published: r.article.published, explanation: r.explanation });
  }
  // Other outlets first (that is the point of perspectives), then by their best match.
  return [...groups.values()].sort(
    (a, b) => Number(a.outletId === ownOutlet) - Number(b.outletId === ownOutlet) || b.articles[0].explanation.score - a.articles[0].explanation.score,
  );
}

async function nearbyEvents(store: EngineStore, storyId: string, current: EventRecord): Promise<NearbyEvent[]> {
  const events = (await store.getEventsByStory(storyId)).filter((e) => e.id !== current.id);
  events.sort((a, b) => Math.abs(a.start - current.start) - Math.abs(b.start - current.start) || (a.id < b.id ? -1 : 1));
  const chosen = events.slice(0, NEARBY_EVENTS);
  const rows = await store.getArticles(chosen.flatMap((e) => e.articleIds));
  const byId = new Map(rows.filter((a): a is Article => a !== undefined).map((a) => [a.id, a]));
  return chosen.map((event) => {
    const articles = event.articleIds.map((id) => byId.get(id)).filter((a): a is Article => a !== undefined);
    const outlets = [...new Map(articles.map((a) => [a.outletId, { id: a.outletId, name: a.outletName }])).values()];
    return { eventId: event.id, label: event.label, date: event.start, outlets, articleIds: event.articleIds };
  });
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
