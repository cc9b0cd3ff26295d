// Full text on demand: feed items carry only a summary. When the reader opens a comparison and
// agrees, the compared articles' pages are fetched (bounded like feeds: timeout, size cap,
// http(s) only, no cookies) and read with the same extractor the content script uses, then
// stored over the summaries.
import { fetchFeed } from '../feeds/fetch';
import { initialFeedState } from '../feeds/schedule';
import { FULL_TEXT_MIN_WORDS } from '../match/prepare';
import { getSettings } from '../settings';
import type { ThreadlineDB } from '../store/db';
import type { ArticleInput } from '../types';
import { ingestInputs } from './ingest';

/** Pages per request: a comparison shows a handful of outlets. */
export const MAX_PAGES_PER_EVENT = 12;
/** A news page is far smaller; anything bigger is not worth parsing. */
const MAX_PAGE_BYTES = 5 * 1024 * 1024;

export interface FullTextDeps {
  db: ThreadlineDB;
  fetch: typeof fetch;
  now: () => number;
  canFetch: (url: string) => Promise<boolean>;
  /** Parses HTML into an article with the content script's extractor (offscreen document in Chrome). */
  extractHtml: (html: string, url: string) => Promise<ArticleInput | null>;
}

export interface FullTextResult {
  fetched: number;
  failed: number;
  /**
   * True when nothing could be asked for: the reader has not granted access to any of the pages'
   * sites, or has turned "Fetch full articles for comparisons" off.
   */
  declined: boolean;
}

interface Runs {
  /** The end of the last queued run. */
  queue: Promise<unknown>;
  /** The run of each event asked for and not finished yet. */
  byEvent: Map<string, Promise<FullTextResult>>;
}

const runs = new WeakMap<object, Runs>();

/**
 * Fetches the full pages of an event's summary-only feed items. One run at a time: the popup and
 * the side panel (or a second click) may ask together, and concurrent runs fetched every page
 * once per request and raced to create Chrome's single offscreen document (the loser's pages
 * counted as unreadable). A request for an event already being fetched shares that run.
 */
export function fetchFullText(deps: FullTextDeps, eventId: string): Promise<FullTextResult> {
  let state = runs.get(deps.db);
  if (!state) runs.set(deps.db, (state = { queue: Promise.resolve(), byEvent: new Map() }));
  const pending = state.byEvent.get(eventId);
  if (pending) return pending;
  const run = state.queue.then(() => fetchEventPages(deps, eventId));
  const done = (): void => void state.byEvent.delete(eventId);
  state.queue = run.then(done, done);
  state.byEvent.set(eventId, run);
  return run;
}

async function fetchEventPages(deps: FullTextDeps, eventId: string): Promise<FullTextResult> {
  const articles = (await deps.db.articles.where('eventId').equals(eventId).toArray())
    .filter((a) => a.source === 'feed' && a.wordCount < FULL_TEXT_MIN_WORDS)
    .slice(0, MAX_PAGES_PER_EVENT);
  const result: FullTextResult = { fetched: 0, failed: 0, declined: false };
  // The reader's setting is the first answer: off, no page is requested whatever was granted.
  if (articles.length > 0 && !(await getSettings()).fullTextOnDemand) return { ...result, declined: true };
  let allowed = 0;
  for (const article of articles) {
    if (!(await deps.canFetch(article.url))) continue;
    allowed++;
    const page = await fetchFeed(article.url, initialFeedState(article.url, deps.now()), { fetch: deps.fetch, now: deps.now, maxBytes: MAX_PAGE_BYTES });
    const input = page.text ? await deps.extractHtml(page.text, article.url).catch(() => null) : null;
    if (!input || input.paragraphs.length === 0) {
      result.failed++;
      continue;
    }
    const outlet = await deps.db.outlets.get(article.outletId);
    // Same canonical id as the feed item: the record is updated in place, not duplicated.
    await ingestInputs(deps.db, [{ ...input, url: article.url, canonicalUrl: article.url, source: 'feed' }], deps.now(), outlet);
    result.fetched++;
  }
  result.declined = articles.length > 0 && allowed === 0;
  return result;
}
