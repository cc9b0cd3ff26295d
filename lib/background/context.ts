// Builds what the popup and side panel show for one tab: the article, its story's trail, the
// other outlets' coverage of its event, and how they framed it. Everything comes from the store;
// framing is computed on the event's articles when asked for (a few ms for ten articles).
import { frameEvent } from '../framing/index';
import { getPerspectives } from '../match/perspectives';
import { FULL_TEXT_MIN_WORDS } from '../match/prepare';
import { getTrail } from '../match/trail';
import type { ThreadlineDB } from '../store/db';
import { DexieEngineStore } from '../store/engine-store';
import type { TabState } from '../store/tab-state';
import type { Article, Outlet } from '../types';
import type { ArticleView, FramingTextSource, OutletView, SearchHit, TabContext } from '../views';
import { toOutletView } from './sources';

/** Per-term index read limit for search: a few hundred index entries per query (EVAL.md). */
const SEARCH_PER_TERM = 200;
const SEARCH_RESULTS = 20;

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

/** The lead each article opens with, verbatim: the dek, or the first paragraph of the body. */
function leadOf(article: Article): string {
  return article.dek || article.body.split('\n\n')[0] || '';
}

export interface ContextOptions {
  enabledSources: string[];
}

export async function buildTabContext(db: ThreadlineDB, tabId: number, state: TabState | null, options: ContextOptions): Promise<TabContext> {
  const empty = { tabId, outlets: {}, enabledSources: options.enabledSources.length };
  if (!state) return { ...empty, status: 'unknown' };
  if (!state.articleId) return { ...empty, status: state.status, url: state.url };
  const article = await db.articles.get(state.articleId);
  if (!article) return { ...empty, status: 'unknown', url: state.url };

  const store = new DexieEngineStore(db);
  const [trail, perspectives, eventArticles] = await Promise.all([
    getTrail(store, article.id, Date.now(), state.lastOpenedAt),
    getPerspectives(store, article.id),
    article.eventId ? db.articles.where('eventId').equals(article.eventId).toArray() : Promise.resolve([article]),
  ]);
  const outletIds = new Set([article.outletId, ...eventArticles.map((a) => a.outletId), ...trail.dots.flatMap((d) => d.outlets.map((o) => o.id))]);
  for (const e of perspectives.nearbyEvents) e.outlets.forEach((o) => outletIds.add(o.id));
  const outletRows = (await db.outlets.bulkGet([...outletIds])).filter((o): o is Outlet => o !== undefined);
  const enabledRows = (await db.outlets.bulkGet(options.enabledSources)).filter((o): o is Outlet => o !== undefined);
  const outlets: Record<string, OutletView> = {};
  for (const o of outletRows) outlets[o.id] = toOutletView(o);

  const multiOutlet = new Set(eventArticles.map((a) => a.outletId)).size > 1;
  // The registry passed to framing holds the event's outlets and the reader's sources: enough
  // for coverage, blindspots among the reader's sources, and the axes they span.
  const framing = multiOutlet ? frameEvent(eventArticles, [...outletRows, ...enabledRows], { enabledOutlets: options.enabledSources }) : undefined;
  const leads = Object.fromEntries(eventArticles.map((a) => [a.id, leadOf(a)]).filter(([, lead]) => lead));
  return {
    ...empty,
    status: 'article',
    url: state.url,
    article: toArticleView(article, outletRows.find((o) => o.id === article.outletId)),
    trail,
    perspectives,
    framing,
    framingTextSource: framing ? textSourceOf(eventArticles) : undefined,
    leads,
    outlets,
  };
}

/** Word search over the local store: per-term index keys in parallel, then the best records. */
export async function searchStore(db: ThreadlineDB, query: string): Promise<SearchHit[]> {
  const words = [...new Set(query.toLowerCase().match(/[\p{L}\p{N}]{2,}/gu) ?? [])].slice(0, 8);
  if (words.length === 0) return [];
  const keyLists = await Promise.all(words.map((w) => db.articles.where('termKeys').startsWith(w).limit(SEARCH_PER_TERM).primaryKeys()));
  const hits = new Map<string, number>();
  for (const keys of keyLists) for (const key of new Set(keys)) hits.set(key, (hits.get(key) ?? 0) + 1);
  const best = [...hits].sort((a, b) => b[1] - a[1]).slice(0, SEARCH_RESULTS * 2).map(([id]) => id);
  const rows = (await db.articles.bulkGet(best)).filter((a): a is Article => a !== undefined);
  return rows
    .map((a) => ({ ...toArticleView(a), storyId: a.storyId, matchedTerms: words.filter((w) => a.termKeys.some((t) => t.startsWith(w))) }))
    .sort((a, b) => b.matchedTerms.length - a.matchedTerms.length || b.published - a.published)
    .slice(0, SEARCH_RESULTS);
}
