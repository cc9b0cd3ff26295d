// Feed refresh: the alarm asks which enabled feeds are due, fetches them (conditional GET, with
// the feed module's timeouts, size cap and backoff), records each outcome against its feed and
// sends the new items through the same ingest as pages the reader opens.
import { refreshFeed } from '../feeds/fetch';
import { LIMITS } from '../limits';
import { dueFeeds, initialFeedState } from '../feeds/schedule';
import { articleIdFromUrl, FULL_TEXT_MIN_WORDS } from '../match/prepare';
import { getEnabledSources, setSourceEnabled } from '../settings';
import type { ThreadlineDB } from '../store/db';
import { getFeeds, putFeed, type StoredFeed } from '../store/feeds';
import { outletIndex, resolveOutlet } from '../store/outlets';
import { isQuotaError, releaseStorage } from '../store/retention';
import type { ArticleInput } from '../types';
import { MessageRefused } from './dispatch';
import { ingestInputs } from './ingest';

/** Feeds per alarm run: a run must finish well inside the MV3 worker's lifetime. */
const MAX_FEEDS_PER_RUN = 24;
/** Parallel requests: polite to hosts, and enough to refresh the default registry quickly. */
const CONCURRENCY = 4;

export interface FeedDeps {
  db: ThreadlineDB;
  fetch: typeof fetch;
  now: () => number;
  /** Whether the extension may request this URL (host permission granted). */
  canFetch: (url: string) => Promise<boolean>;
}

export interface RefreshSummary {
  fetched: number;
  items: number;
  failed: number;
}

/**
 * The items that would not make a stored article poorer. A feed item is usually a summary; the
 * same article may already be stored with more: the page the reader opened, or the full text
 * fetched for a comparison. Re-ingesting the summary over it would replace its words, quotes and
 * word count (the engine updates a known id in place), and the comparison would fall back to
 * summaries after the next refresh of a feed without validators. Such items are left out.
 */
async function withoutDowngrades(db: ThreadlineDB, inputs: ArticleInput[]): Promise<ArticleInput[]> {
  const stored = await db.articles.bulkGet(inputs.map((input) => articleIdFromUrl(input.canonicalUrl ?? input.url)));
  return inputs.filter((input, i) => {
    const existing = stored[i];
    if (!existing) return true;
    if (existing.source === 'visit') return false;
    return !(existing.wordCount >= FULL_TEXT_MIN_WORDS && input.wordCount < FULL_TEXT_MIN_WORDS);
  });
}

/**
 * Stores items in batches, one transaction each. A batch that hits the storage quota frees room
 * (oldest unread feed articles) and is tried once more; if it still fails the error propagates,
 * the feed's state is not advanced, and the same items are fetched again next time.
 */
async function inBatches(deps: FeedDeps, inputs: ArticleInput[], outletId: string): Promise<number> {
  const outlet = await deps.db.outlets.get(outletId);
  let stored = 0;
  for (let i = 0; i < inputs.length; i += LIMITS.ingestBatch) {
    const batch = await withoutDowngrades(deps.db, inputs.slice(i, i + LIMITS.ingestBatch));
    if (batch.length === 0) continue;
    try {
      stored += (await ingestInputs(deps.db, batch, deps.now(), outlet)).length;
    } catch (error) {
      if (!isQuotaError(error)) throw error;
      await releaseStorage(deps.db);
      stored += (await ingestInputs(deps.db, batch, deps.now(), outlet)).length;
    }
  }
  return stored;
}

/** The error recorded against a feed whose host the reader has not granted (yet). */
export const NO_HOST_PERMISSION = 'Host permission not granted: enable the source again to allow it.';

/**
 * After the reader grants hosts, feeds that were skipped for lack of permission are due at once
 * instead of an interval later. Returns how many became due.
 */
export async function retryUngrantedFeeds(db: ThreadlineDB): Promise<number> {
  const waiting = (await getFeeds(db)).filter((f) => f.state.lastError === NO_HOST_PERMISSION);
  for (const feed of waiting) await putFeed(db, { ...feed, state: { ...feed.state, nextFetchAt: 0 } });
  return waiting.length;
}

async function refreshOne(deps: FeedDeps, feed: StoredFeed): Promise<{ items: number; failed: boolean }> {
  const now = deps.now();
  if (!(await deps.canFetch(feed.state.url))) {
    const state = { ...feed.state, lastFetchAt: now, lastError: NO_HOST_PERMISSION, nextFetchAt: now + feed.state.intervalMs };
    await putFeed(deps.db, { ...feed, state });
    return { items: 0, failed: true };
  }
  const result = await refreshFeed(feed.state.url, feed.state, { fetch: deps.fetch, now: deps.now });
  const items = await inBatches(deps, result.items.map((i) => i.article), feed.outletId);
  // The state is written after the items: a worker stopped in between fetches them again next
  // time, and re-ingesting the same URLs updates records instead of duplicating them.
  await putFeed(deps.db, { ...feed, state: result.state });
  return { items, failed: result.outcome === 'failed' };
}

/** Fetches the enabled feeds that are due (all enabled ones when `force`). */
export async function refreshDueFeeds(deps: FeedDeps, options: { force?: boolean } = {}): Promise<RefreshSummary> {
  const enabled = await getEnabledSources();
  const feeds = (await getFeeds(deps.db)).filter((f) => enabled.has(f.outletId));
  const dueUrls = new Set((options.force ? feeds.map((f) => f.state) : dueFeeds(feeds.map((f) => f.state), deps.now(), MAX_FEEDS_PER_RUN)).map((s) => s.url));
  const queue = feeds.filter((f) => dueUrls.has(f.state.url));
  const summary: RefreshSummary = { fetched: 0, items: 0, failed: 0 };
  const worker = async () => {
    for (let feed = queue.shift(); feed; feed = queue.shift()) {
      try {
        const r = await refreshOne(deps, feed);
        summary.fetched++;
        summary.items += r.items;
        if (r.failed) summary.failed++;
      } catch (error) {
        // A storage failure (quota, closed database) is recorded and the feed retried later.
        summary.failed++;
        const state = { ...feed.state, lastError: `Could not store items: ${error instanceof Error ? error.message : String(error)}`, nextFetchAt: deps.now() + feed.state.intervalMs };
        await putFeed(deps.db, { ...feed, state }).catch(() => undefined);
      }
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  return summary;
}

/** The earliest time any enabled feed is due, for scheduling the next alarm. */
export async function nextFeedDue(db: ThreadlineDB): Promise<number | undefined> {
  const enabled = await getEnabledSources();
  const times = (await getFeeds(db)).filter((f) => enabled.has(f.outletId)).map((f) => f.state.nextFetchAt);
  return times.length ? Math.min(...times) : undefined;
}

/** Adds a feed by URL after fetching it once; attaches it to the given or the site's outlet. */
export async function addFeed(deps: FeedDeps, url: string, outletId?: string): Promise<string> {
  const { db } = deps;
  if (!(await deps.canFetch(url))) throw new MessageRefused(`no permission to fetch ${new URL(url).host}; allow it when asked`);
  const probe = await refreshFeed(url, initialFeedState(url, deps.now()), { fetch: deps.fetch, now: deps.now });
  if (probe.outcome === 'failed') throw new MessageRefused(`not added: ${probe.state.lastError ?? 'the feed could not be read'}`);
  let outlet = outletId ? await db.outlets.get(outletId) : undefined;
  if (outletId && !outlet) throw new MessageRefused(`no outlet "${outletId}"`);
  if (!outlet) {
    const site = probe.items[0]?.article.url ?? url;
    outlet = await resolveOutlet(db, await outletIndex(db), site, probe.title || undefined);
    if (!outlet) throw new MessageRefused('not added: the feed has no http(s) site to attach it to');
  }
  if (!outlet.feeds.includes(url)) await db.outlets.put({ ...outlet, feeds: [...outlet.feeds, url] });
  await setSourceEnabled(outlet.id, true);
  await putFeed(db, { outletId: outlet.id, state: probe.state });
  await inBatches(deps, probe.items.map((i) => i.article), outlet.id);
  return outlet.id;
}
