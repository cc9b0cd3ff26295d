// Builds what the popup and side panel show for one tab from the store.
import { articlesByTerms, recentByOutlet } from '../store/articles';
import type { ThreadlineDB } from '../store/db';
import type { TabState } from '../store/tab-state';
import type { Article, Outlet } from '../types';
import type { ArticleView, OutletView, RelatedArticle, SearchHit, TabContext } from '../views';
import { toOutletView } from './sources';

/** How many related articles the stand-in shows; enough to fill the popup without scrolling far. */
const RELATED_LIMIT = 12;
/** Per-term index read limit: keeps one lookup to a few hundred index entries (EVAL.md benchmarks). */
const PER_TERM_LIMIT = 50;

export function toArticleView(article: Article, outlet?: Outlet): ArticleView {
  return {
    id: article.id,
    url: article.url,
    title: article.title,
    outletId: article.outletId,
    outletName: outlet?.name ?? article.outletName,
    country: outlet?.country,
    ownership: outlet?.ownership,
    published: article.published,
    publishedKnown: article.publishedKnown,
    readAt: article.readAt,
  };
}

/** Stored articles sharing the outlet or headline words, ranked by shared words then recency. */
export async function findRelated(db: ThreadlineDB, article: Article): Promise<RelatedArticle[]> {
  const [sameOutlet, sameWords] = await Promise.all([
    recentByOutlet(db, article.outletId, RELATED_LIMIT + 1),
    articlesByTerms(db, article.termKeys.slice(0, 10), PER_TERM_LIMIT),
  ]);
  const own = new Set(article.termKeys);
  const byId = new Map<string, RelatedArticle>();
  for (const other of [...sameWords, ...sameOutlet]) {
    if (other.id === article.id || byId.has(other.id)) continue;
    const sharedTerms = other.termKeys.filter((t) => own.has(t));
    byId.set(other.id, { ...toArticleView(other), reason: { sameOutlet: other.outletId === article.outletId, sharedTerms } });
  }
  return [...byId.values()]
    .sort((a, b) => b.reason.sharedTerms.length - a.reason.sharedTerms.length || b.published - a.published)
    .slice(0, RELATED_LIMIT);
}

/** The axes of the given outlets, by id, for the views' chips and coverage bars. */
async function outletViews(db: ThreadlineDB, ids: Iterable<string>): Promise<Record<string, OutletView>> {
  const unique = [...new Set(ids)];
  const rows = await db.outlets.bulkGet(unique);
  const views: Record<string, OutletView> = {};
  rows.forEach((o) => {
    if (o) views[o.id] = toOutletView(o);
  });
  return views;
}

export async function buildTabContext(db: ThreadlineDB, tabId: number, state: TabState | null, enabledSources: number): Promise<TabContext> {
  const empty = { tabId, related: [], outlets: {}, enabledSources };
  if (!state) return { ...empty, status: 'unknown' };
  if (!state.articleId) return { ...empty, status: state.status, url: state.url };
  const article = await db.articles.get(state.articleId);
  if (!article) return { ...empty, status: 'unknown', url: state.url };
  const outlet = await db.outlets.get(article.outletId);
  const related = await findRelated(db, article);
  const outlets = await outletViews(db, [article.outletId, ...related.map((r) => r.outletId)]);
  return { ...empty, status: 'article', url: state.url, article: toArticleView(article, outlet), related, outlets };
}

/** Word search over the local store through the term index. */
export async function searchStore(db: ThreadlineDB, query: string): Promise<SearchHit[]> {
  const words = [...new Set(query.toLowerCase().match(/[\p{L}\p{N}]{2,}/gu) ?? [])].slice(0, 8);
  if (words.length === 0) return [];
  const rows = await articlesByTerms(db, words, PER_TERM_LIMIT);
  return rows
    .map((a) => ({ ...toArticleView(a), storyId: a.storyId, matchedTerms: a.termKeys.filter((t) => words.includes(t)) }))
    .sort((a, b) => b.matchedTerms.length - a.matchedTerms.length || b.published - a.published)
    .slice(0, 20);
}
