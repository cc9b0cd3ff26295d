// The trail: a story's events as dots, newest first, each ranked by importance. Importance is
// a property of the dot's day in the story (how much of the story was published that day, how
// often later articles refer back to it) plus the dot's own reach (its outlets). The ranking
// tells the narrative that led to the reader's article: dots up to that article's day first,
// later developments after them.
import type { Article, EventRecord } from '../types';
import { dayOf } from '../text/dates';
import { DAY } from './thresholds';
import type { EngineStore, Trail, TrailDot } from './types';

/**
 * A later article recalling the day ("on January 25, protesters…") marks a turning point: the
 * strongest sign of a key dot (on Timeline17 dev, day-level reference counts separate the gold
 * timeline days from the others better than any per-event count).
 */
const REFERENCE_WEIGHT = 1;
/**
 * A reference from the very next day is mostly routine follow-up ("on Tuesday" in Wednesday's
 * report) rather than the story looking back: it counts half (dev: 0.5 beat 1 and 0.25).
 */
const NEXT_DAY_REFERENCE_WEIGHT = 0.5;
/**
 * Weight of the square root of the story's articles published on the dot's day: a day the whole
 * story's coverage piled onto is a key day even before anyone looks back at it (the recent days
 * have had no time to collect references). The root: the tenth article adds less than the second.
 */
const DAY_COVERAGE_WEIGHT = 1.5;
/** A second outlet says more about an event's weight than a second article by the same one. */
const OUTLET_WEIGHT = 0.5;

/** Day number → weighted count of later articles referring back to that day (once per article). */
export function referencesByDay(articles: readonly Pick<Article, 'published' | 'dateRefs'>[]): Map<number, number> {
  const out = new Map<number, number>();
  for (const article of articles) {
    const published = dayOf(article.published);
    for (const day of new Set(article.dateRefs ?? [])) {
      // Only later articles count: an article naming its own day is just a dateline.
      if (day >= published) continue;
      const weight = published - day === 1 ? NEXT_DAY_REFERENCE_WEIGHT : REFERENCE_WEIGHT;
      out.set(day, (out.get(day) ?? 0) + weight);
    }
  }
  return out;
}

/** Day number → how many of the articles were published that day. */
export function articlesByDay(articles: readonly Pick<Article, 'published'>[]): Map<number, number> {
  const out = new Map<number, number>();
  for (const article of articles) out.set(dayOf(article.published), (out.get(dayOf(article.published)) ?? 0) + 1);
  return out;
}

/**
 * The day a dot's event happened. News reports an event the day after as often as the same day
 * ("the minister said Tuesday" in Wednesday's paper): when at least half of the event's
 * first-day articles refer to the day before and no other event of the story starts that day,
 * the event happened the day before. A day that has its own event is where those references
 * point, so the dot keeps its first report's day. (Dating every dot by the day its articles
 * refer back to lost date F1 on Timeline17 dev; this narrow rule gained about 0.01.)
 */
export function happenedDay(firstDay: number, firstDayArticles: readonly Pick<Article, 'dateRefs'>[], eventDays: ReadonlySet<number>): number {
  const previous = firstDay - 1;
  if (firstDayArticles.length === 0 || eventDays.has(previous)) return firstDay;
  const recalling = firstDayArticles.filter((a) => (a.dateRefs ?? []).includes(previous)).length;
  return recalling * 2 >= firstDayArticles.length ? previous : firstDay;
}

export interface DotEvidence {
  /** Weighted later references to the dot's day (referencesByDay). */
  references: number;
  /** The story's articles published on the dot's day. */
  dayArticles: number;
  /** Distinct outlets of the dot's own articles. */
  outlets: number;
}

export function dotImportance(e: DotEvidence): number {
  return e.references + DAY_COVERAGE_WEIGHT * Math.sqrt(e.dayArticles) + OUTLET_WEIGHT * e.outlets;
}

interface RankedDot {
  eventId: string;
  date: number;
  importance: number;
}

/**
 * Importance ranks (1 = key dot): dots dated up to `asOf` (the reader's article) first, by
 * importance; the story's later developments after them, also by importance. Ties: the newer.
 */
export function rankDots(dots: readonly RankedDot[], asOf: number): Map<string, number> {
  const later = (d: RankedDot) => (dayOf(d.date) > dayOf(asOf) ? 1 : 0);
  const ranked = [...dots].sort((a, b) => later(a) - later(b) || b.importance - a.importance || b.date - a.date || (a.eventId < b.eventId ? -1 : 1));
  return new Map(ranked.map((d, i) => [d.eventId, i + 1]));
}

function toDot(event: EventRecord, articles: Article[], date: number, importance: number, articleId: string, lastOpenedAt: number): Omit<TrailDot, 'importanceRank'> {
  const outlets = [...new Map(articles.map((a) => [a.outletId, { id: a.outletId, name: a.outletName }])).values()];
  return {
    eventId: event.id,
    date,
    label: event.label,
    articleIds: event.articleIds,
    outlets,
    read: articles.some((a) => a.readAt > 0),
    isCurrent: event.articleIds.includes(articleId),
    importance,
    isNewSinceLastOpen: lastOpenedAt > 0 && event.start > lastOpenedAt,
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
  const references = referencesByDay(all);
  const coverage = articlesByDay(all);
  const eventDays = new Set(events.map((e) => dayOf(e.start)));
  const dots = events.map((event) => {
    const articles = byEvent.get(event.id) ?? [];
    const firstDay = dayOf(event.start);
    const day = happenedDay(firstDay, articles.filter((a) => dayOf(a.published) === firstDay), eventDays);
    const importance = dotImportance({ references: references.get(day) ?? 0, dayArticles: coverage.get(day) ?? 0, outlets: new Set(articles.map((a) => a.outletId)).size });
    return toDot(event, articles, event.start - (firstDay - day) * DAY, importance, articleId, lastOpenedAt ?? story.lastOpenedAt);
  });
  const rank = rankDots(dots, article.published);
  const newestFirst = dots
    .map((d) => ({ ...d, importanceRank: rank.get(d.eventId) as number }))
    .sort((a, b) => b.date - a.date || (a.eventId < b.eventId ? -1 : 1));
  const key = newestFirst.find((d) => d.importanceRank === 1);
  return { storyId: story.id, label: key?.label ?? story.label, dots: newestFirst };
}

/** Records that the reader opened the story now (for "new since you last opened"). */
export async function markStoryOpened(store: EngineStore, storyId: string, now: number): Promise<void> {
  const story = await store.getStory(storyId);
  if (story) await store.putStory({ ...story, lastOpenedAt: now });
}
