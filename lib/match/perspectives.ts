// Perspectives: the other articles of the event, grouped by outlet, best first, each with why it
// matched; when no other outlet covered the event, the story's nearest events instead.
import type { EventRecord } from '../types';
import { rankRelated } from './related';
import type { EngineStore, NearbyEvent, PerspectiveOutlet, Perspectives } from './types';

/** Nearby events offered when the event has a single outlet. */
const NEARBY_EVENTS = 5;

function groupByOutlet(related: Awaited<ReturnType<typeof rankRelated>>, ownOutlet: string): PerspectiveOutlet[] {
  const groups = new Map<string, PerspectiveOutlet>();
  for (const r of related) {
    if (!r.sameEvent) continue;
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
  const result: NearbyEvent[] = [];
  for (const event of events.slice(0, NEARBY_EVENTS)) {
    const articles = (await store.getArticles(event.articleIds)).filter((a) => a !== undefined);
    const outlets = [...new Map(articles.map((a) => [a.outletId, { id: a.outletId, name: a.outletName }])).values()];
    result.push({ eventId: event.id, label: event.label, date: event.start, outlets, articleIds: event.articleIds });
  }
  return result;
}

export async function getPerspectives(store: EngineStore, articleId: string): Promise<Perspectives> {
  const article = await store.getArticle(articleId);
  if (!article) return { articleId, eventId: '', outlets: [], nearbyEvents: [] };
  const outlets = groupByOutlet(await rankRelated(store, article), article.outletId);
  const otherOutlets = outlets.some((o) => o.outletId !== article.outletId);
  const event = await store.getEvent(article.eventId);
  const nearby = !otherOutlets && event ? await nearbyEvents(store, article.storyId, event) : [];
  return { articleId, eventId: article.eventId, outlets, nearbyEvents: nearby };
}
