// Builds what the popup and side panel show for one tab: the article, its story's trail, the
// other outlets' coverage of its event, and how they framed it. Everything comes from the store
// through its indexes (never a scan or a candidate search per request), and is remembered per
// tab until the tab or the store changes (context-cache.ts).
import { computeCoverage } from '../framing/coverage';
import { frameEvent, MAX_EVENT_ARTICLES } from '../framing/index';
import type { Coverage, EventFraming } from '../framing/types';
import { FULL_TEXT_MIN_WORDS } from '../match/prepare';
import { getTrail } from '../match/trail';
import type { ThreadlineDB } from '../store/db';
import { DexieEngineStore } from '../store/engine-store';
import type { TabState } from '../store/tab-state';
import type { Article, Outlet } from '../types';
import type { ArticleView, FramingTextSource, OutletView, TabContext } from '../views';
import { contextCacheFor, type BaseContext, type ContextCache, type TabEntry } from './context-cache';
import { eventPerspectives } from './event-perspectives';
import { RequestReadStore } from './read-store';
import { toOutletView } from './sources';

export function toArticleView(article: Article, outlet?: Outlet): ArticleView {
  return {
    id: article.id,
    url: article.url,
    title: article.title,
    outletId: article.outletId,
    outletName: outlet?.name ?? article.outletName,
    country: outlet?.country || undefined,
    ownership: outlet?.ownership,
    published: article.published,
    publishedKnown: article.publishedKnown,
    readAt: article.readAt,
  };
}

function textSourceOf(articles: Article[]): FramingTextSource {
  const full = articles.filter((a) => a.wordCount >= FULL_TEXT_MIN_WORDS && a.body.length > 0).length;
  if (full === articles.length) return 'full-text';
  return full === 0 ? 'summaries' : 'mixed';
}

/**
 * The outlets named with the coverage's blindspots, added to those of the event and the trail:
 * a blindspot names sources that did not cover the event, which the view would otherwise show
 * by id ("caspian-herald") when they appear nowhere in the trail either.
 */
function withBlindspotOutlets(outlets: Record<string, OutletView>, coverage: Coverage, rows: Map<string, Outlet>): Record<string, OutletView> {
  const missing = [...new Set(coverage.blindspots.flatMap((b) => b.outletIds))].filter((id) => !outlets[id] && rows.has(id));
  if (missing.length === 0) return outlets;
  return { ...outlets, ...Object.fromEntries(missing.map((id) => [id, toOutletView(rows.get(id)!)])) };
}

/** The lead each article opens with, verbatim: the dek, or the first paragraph of the body. */
function leadOf(article: Article): string {
  return article.dek || article.body.split('\n\n')[0] || '';
}

export interface ContextOptions {
  enabledSources: string[];
  /**
   * Answer as soon as the article, its trail and its perspectives are ready. When the event's
   * framing is not computed yet, the answer carries `pendingFraming` instead (the coverage, and
   * that the rest follows) and the framing is computed right after; asking again without
   * `partial` waits for it. The popup and side panel paint the trail first this way.
   */
  partial?: boolean;
}

/**
 * What a view shows for a tab. Served from the background's cache while neither the tab nor the
 * store changed; otherwise built from indexed reads only: the article, its event's articles
 * (eventId index), its story's events and their articles (storyId index), the terms' document
 * frequencies, and the outlets named. The framing is computed once per version of the event.
 */
export async function buildTabContext(db: ThreadlineDB, tabId: number, state: TabState | null, options: ContextOptions): Promise<TabContext> {
  const empty = { tabId, outlets: {}, enabledSources: options.enabledSources.length };
  if (!state) return { ...empty, status: 'unknown' };
  if (!state.articleId) return { ...empty, status: state.status, url: state.url };
  const cache = contextCacheFor(db);
  const enabled = [...new Set(options.enabledSources)].sort();
  const key = JSON.stringify([state.url, state.articleId, state.lastOpenedAt ?? null, enabled]);
  const entry = cache.tabEntry(tabId, key, () => baseContext(db, cache, tabId, { ...state, articleId: state.articleId as string }, enabled));
  if (!options.partial) return completeContext(cache, tabId, entry);
  const base = await entry.base;
  // Nothing left to compute, or already being computed: the complete context.
  if (entry.full || !base.finish) return entry.done ?? completeContext(cache, tabId, entry);
  // The framing is computed once this answer is on its way, for the view's next request.
  setTimeout(() => void completeContext(cache, tabId, entry).catch(() => undefined), 0);
  return base.context;
}

/** The entry's complete context: its framing computed (once) if the base left it pending. */
function completeContext(cache: ContextCache, tabId: number, entry: TabEntry): Promise<TabContext> {
  entry.full ??= entry.base.then((base) => {
    const finish = base.finish;
    // Computed once; the event's articles the closure holds are let go.
    base.finish = undefined;
    entry.done = finish ? finish() : base.context;
    return entry.done;
  });
  entry.full.catch(() => cache.forget(tabId, entry));
  return entry.full;
}

async function baseContext(db: ThreadlineDB, cache: ContextCache, tabId: number, state: TabState & { articleId: string }, enabled: string[]): Promise<BaseContext> {
  const empty = { tabId, outlets: {}, enabledSources: enabled.length };
  const article = await db.articles.get(state.articleId);
  if (!article) return { context: { ...empty, status: 'unknown', url: state.url } };

  const store = new RequestReadStore(new DexieEngineStore(db));
  store.remember([article]);
  // The trail reads the story, then its events: both are asked for at once (the request store
  // keeps the answers for the trail).
  if (article.storyId) void Promise.all([store.getStory(article.storyId), store.getEventsByStory(article.storyId)]).catch(() => undefined);
  // The trail (the story's events and articles) and the perspectives (the event's articles and
  // their terms' document frequencies) are read side by side.
  const eventRead = article.eventId ? store.getArticlesByEvent(article.eventId) : Promise.resolve([article]);
  const [trail, [eventArticles, perspectives]] = await Promise.all([
    getTrail(store, article.id, Date.now(), state.lastOpenedAt),
    eventRead.then(async (rows) => [rows, await eventPerspectives(store, article, rows)] as const),
  ]);
  const outletIds = new Set([article.outletId, ...eventArticles.map((a) => a.outletId), ...trail.dots.flatMap((d) => d.outlets.map((o) => o.id))]);
  for (const e of perspectives.nearbyEvents) e.outlets.forEach((o) => outletIds.add(o.id));
  // The registry framing gets holds the event's outlets and the reader's sources: enough for
  // coverage, blindspots among the reader's sources, and the axes they span.
  const rows = await cache.outletRows([...new Set([...outletIds, ...enabled])]);
  const outlets: Record<string, OutletView> = {};
  for (const id of outletIds) {
    const row = rows.get(id);
    if (row) outlets[id] = toOutletView(row);
  }
  const context: TabContext = {
    ...empty,
    status: 'article',
    url: state.url,
    article: toArticleView(article, rows.get(article.outletId)),
    trail,
    perspectives,
    leads: Object.fromEntries(eventArticles.map((a) => [a.id, leadOf(a)]).filter(([, lead]) => lead)),
    outlets,
  };

  // How the event's outlets told it, when more than one outlet covered it: computed once per
  // version of the event (its articles, the reader's sources, the outlet registry).
  if (new Set(eventArticles.map((a) => a.outletId)).size < 2) return { context };
  const registry = [...rows.values()];
  const eventId = article.eventId || article.id;
  const version = eventArticles
    .map((a) => `${a.id}:${a.updatedAt}:${a.title.length}:${a.body.length}:${a.quotes.length}`)
    .sort()
    .join(',');
  const framingKey = `${cache.outletGeneration}|${enabled.join(',')}|${version}`;
  const withFraming = (framing: EventFraming): TabContext => ({
    ...context,
    outlets: withBlindspotOutlets(outlets, framing.coverage, rows),
    framing,
    framingTextSource: textSourceOf(eventArticles),
  });
  const cached = cache.framing(eventId, framingKey);
  if (cached) return { context: withFraming(cached) };
  // The coverage counts outlets, not words: it is ready now, and is the same as the framing's.
  const coverage = computeCoverage(eventArticles.slice(0, MAX_EVENT_ARTICLES), registry, enabled);
  return {
    context: { ...context, outlets: withBlindspotOutlets(outlets, coverage, rows), pendingFraming: { coverage } },
    finish: () => {
      const framing = frameEvent(eventArticles, registry, { enabledOutlets: enabled });
      cache.keepFraming(eventId, framingKey, framing);
      return withFraming(framing);
    },
  };
}
