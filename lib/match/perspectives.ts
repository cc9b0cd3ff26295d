// Perspectives: the other articles of the event, grouped by outlet, best first, each with why it
// matched; when no other outlet covered the event, the story's nearest events instead.
import type { Article, EventRecord, MatchExplanation } from '../types';
import { rankRelated } from './related';
import type { EngineStore, NearbyEvent, PerspectiveOutlet, Perspectives } from './types';

/** Nearby events offered when the event has a single outlet. */
const NEARBY_EVENTS = 5;

/** Matched articles grouped by outlet: other outlets first, then by their best match. */
export function groupByOutlet(matches: readonly { article: Article; explanation: MatchExplanation }[], ownOutlet: string): PerspectiveOutlet[] {
  const groups = new Map<string, PerspectiveOutlet>();
  for (const r of matches) {
    let group = groups.get(r.article.outletId);
    if (!group) groups.set(r.article.outletId, (group = { outletId: r.article.outletId, outletName: r.article.outletName, articles: [] }));
    group.articles.push({ articleId: r.article.id, title: r.article.title, url: r.article.url, published: r.article.published, explanation: r.explanation });
  }
  // Other outlets first (that is the point of perspectives), then by their best match.
  return [...groups.values()].sort(
    (a, b) => Number(a.outletId === ownOutlet) - Number(b.outletId === ownOutlet) || b.articles[0].explanation.score - a.articles[0].explanation.score,
  );
}

/** The story's events nearest in time to `current` (not itself), with their outlets: one read of their articles. */
export async function nearbyEvents(store: EngineStore, storyId: string, current: EventRecord): Promise<NearbyEvent[]> {
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

export async function getPerspectives(store: EngineStore, articleId: string): Promise<Perspectives> {
  const article = await store.getArticle(articleId);
  if (!article) return { articleId, eventId: '', outlets: [], nearbyEvents: [] };
  const outlets = groupByOutlet((await rankRelated(store, article)).filter((r) => r.sameEvent), article.outletId);
  const otherOutlets = outlets.some((o) => o.outletId !== article.outletId);
  const event = await store.getEvent(article.eventId);
  const nearby = !otherOutlets && event ? await nearbyEvents(store, article.storyId, event) : [];
  return { articleId, eventId: article.eventId, outlets, nearbyEvents: nearby };
}
