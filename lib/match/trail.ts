// The trail: a story's events as dots, newest first, each ranked by importance (how many
// outlets, how many articles, how often later articles refer back to its days).
import type { Article, EventRecord } from '../types';
import { dayOf } from '../text/dates';
import type { EngineStore, Trail, TrailDot } from './types';

/** A second outlet says more about an event's weight than a second article by the same one. */
const OUTLET_WEIGHT = 1;
/**
 * A later article recalling the day ("on January 25, protesters…") marks a turning point: the
 * strongest sign of a key dot (on Timeline17 dev, ranking by references lifts date F1 most).
 */
const REFERENCE_WEIGHT = 2;

interface DotWork {
  event: EventRecord;
  articles: Article[];
  references: number;
}

/** Counts, per dot, the later articles that refer back to one of its days (once per article). */
function countReferences(works: DotWork[], all: Article[]): void {
  const byDay = new Map<number, DotWork[]>();
  for (const w of works) {
    for (let day = dayOf(w.event.start); day <= dayOf(w.event.end); day++) byDay.set(day, [...(byDay.get(day) ?? []), w]);
  }
  for (const article of all) {
    const hit = new Set<DotWork>();
    for (const day of article.dateRefs ?? []) {
      // Only later articles count: an article naming its own day is just a dateline.
      if (day >= dayOf(article.published)) continue;
      for (const w of byDay.get(day) ?? []) if (w.event.id !== article.eventId) hit.add(w);
    }
    for (const w of hit) w.references += 1;
  }
}

function importanceOf(w: DotWork): number {
  const outlets = new Set(w.articles.map((a) => a.outletId)).size;
  // Square root: the tenth article on one day adds less than a later article looking back.
  return Math.sqrt(w.articles.length) + OUTLET_WEIGHT * outlets + REFERENCE_WEIGHT * w.references;
}

function toDot(w: DotWork, articleId: string, lastOpenedAt: number): Omit<TrailDot, 'importanceRank'> {
  const outlets = [...new Map(w.articles.map((a) => [a.outletId, { id: a.outletId, name: a.outletName }])).values()];
  return {
    eventId: w.event.id,
    date: w.event.start,
    label: w.event.label,
    articleIds: w.event.articleIds,
    outlets,
    read: w.articles.some((a) => a.readAt > 0),
    isCurrent: w.event.articleIds.includes(articleId),
    importance: importanceOf(w),
    isNewSinceLastOpen: lastOpenedAt > 0 && w.event.start > lastOpenedAt,
  };
}

/** The story trail of an article; `lastOpenedAt` defaults to the story's stored value. */
export async function getTrail(store: EngineStore, articleId: string, _now: number, lastOpenedAt?: number): Promise<Trail> {
  const article = await store.getArticle(articleId);
  const story = article ? await store.getStory(article.storyId) : undefined;
  if (!article || !story) return { storyId: '', label: '', dots: [] };
  const events = await store.getEventsByStory(story.id);
  const all = (await store.getArticles(events.flatMap((e) => e.articleIds))).filter((a): a is Article => a !== undefined);
  const byEvent = new Map<string, Article[]>();
  for (const a of all) byEvent.set(a.eventId, [...(byEvent.get(a.eventId) ?? []), a]);
  const works = events.map((event) => ({ event, articles: byEvent.get(event.id) ?? [], references: 0 }));
  countReferences(works, all);
  const dots = works.map((w) => toDot(w, articleId, lastOpenedAt ?? story.lastOpenedAt));
  const ranked = [...dots].sort((a, b) => b.importance - a.importance || b.date - a.date || (a.eventId < b.eventId ? -1 : 1));
  const rank = new Map(ranked.map((d, i) => [d.eventId, i + 1]));
  const newestFirst = dots
    .map((d) => ({ ...d, importanceRank: rank.get(d.eventId) as number }))
    .sort((a, b) => b.date - a.date || (a.eventId < b.eventId ? -1 : 1));
  return { storyId: story.id, label: ranked[0]?.label ?? story.label, dots: newestFirst };
}

/** Records that the reader opened the story now (for "new since you last opened"). */
export async function markStoryOpened(store: EngineStore, storyId: string, now: number): Promise<void> {
  const story = await store.getStory(storyId);
  if (story) await store.putStory({ ...story, lastOpenedAt: now });
}
