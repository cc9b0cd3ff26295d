// Sources and feeds through the background's handlers, against feeds served on 127.0.0.1 with
// Node's real fetch: enabling, refreshing, 304s, errors kept against the feed, no duplicates.
import { Dexie } from 'dexie';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { parseHTML } from 'linkedom';
import { extractArticle } from '../../lib/article/extract';
import { NO_HOST_PERMISSION, refreshDueFeeds, retryUngrantedFeeds } from '../../lib/background/feeds';
import { createHandlers, type BackgroundDeps } from '../../lib/background/handlers';
import { openDatabase, type ThreadlineDB } from '../../lib/store/db';
import { getFeeds } from '../../lib/store/feeds';
import type { Outlet } from '../../lib/types';

const PAGE = { tabId: undefined };
let server: Server;
let origin: string;
const requests: string[] = [];
let failing = false;
/** Whether the reader granted the feed's host (127.0.0.1). */
let granted = true;

function rss(items: Array<{ guid: string; title: string }>): string {
  const entries = items
    .map((i) => `<item><guid>${i.guid}</guid><title>${i.title}</title><link>${origin}/news/${i.guid}</link><description>Demo summary of ${i.title}.</description><pubDate>Thu, 30 Oct 2025 10:00:00 GMT</pubDate></item>`)
    .join('');
  return `<?xml version="1.0"?><rss version="2.0"><channel><title>Test Daily</title><link>${origin}/</link>${entries}</channel></rss>`;
}

const FEED = rss([
  { guid: 'istanbul-talks', title: 'Istanbul talks end without agreement' },
  { guid: 'doha-ceasefire', title: 'Doha ceasefire holds for a second day' },
  { guid: 'doha-ceasefire', title: 'Doha ceasefire holds for a second day (duplicate guid)' },
]);

beforeAll(async () => {
  server = createServer((req, res) => {
    requests.push(`${req.url} ${req.headers['if-none-match'] ?? ''}`);
    if (failing) {
      res.writeHead(500).end('boom');
      return;
    }
    if (req.headers['if-none-match'] === '"v1"') {
      res.writeHead(304).end();
      return;
    }
    res.writeHead(200, { 'Content-Type': 'application/rss+xml', ETag: '"v1"' }).end(FEED);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));

let db: ThreadlineDB;
let handlers: ReturnType<typeof createHandlers>;
let now = Date.UTC(2025, 9, 30, 12);

beforeEach(async () => {
  fakeBrowser.reset();
  requests.length = 0;
  failing = false;
  granted = true;
  db?.close();
  await Dexie.delete('feeds-integration');
  db = openDatabase('feeds-integration');
  const deps: BackgroundDeps = {
    db,
    now: () => now,
    fetch: globalThis.fetch,
    canFetch: async (url) => granted && new URL(url).hostname === '127.0.0.1',
    setBadge: async () => undefined,
    notifyTabChanged: async () => undefined,
    notifyStoreChanged: async () => undefined,
    injectContentScript: async () => undefined,
    scheduleFeedRefresh: async () => undefined,
    syncContentScripts: async () => undefined,
    extractHtml: async (html, url) => extractArticle(parseHTML(html).document as unknown as Document, url) ?? null,
  };
  handlers = createHandlers(deps);
  const outlet: Outlet = { id: 'test-daily', name: 'Test Daily', domains: ['test-daily.localhost'], country: 'PK', language: 'en', ownership: 'private', stateAffiliated: false, feeds: [`${origin}/feed.xml`] };
  await handlers.saveOutlet({ outlet }, PAGE);
});

describe('feeds through the background', () => {
  it('fetches nothing until the reader enables a source', async () => {
    expect(await handlers.refreshFeeds({}, PAGE)).toEqual({ fetched: 0, items: 0, failed: 0 });
    expect(requests).toEqual([]);
  });

  it('enabling a source fetches its feed; items become articles; a second refresh is a 304', async () => {
    const view = await handlers.setSourceEnabled({ outletId: 'test-daily', enabled: true }, PAGE);
    expect(view.enabled).toBe(true);
    const first = await handlers.refreshFeeds({}, PAGE);
    expect(first).toMatchObject({ fetched: 1, failed: 0, items: 2 });
    const articles = (await db.articles.toArray()).sort((a, b) => a.title.localeCompare(b.title));
    expect(articles.map((a) => [a.title, a.source, a.outletId])).toEqual([
      ['Doha ceasefire holds for a second day', 'feed', 'test-daily'],
      ['Istanbul talks end without agreement', 'feed', 'test-daily'],
    ]);
    now += 3_600_000;
    const second = await handlers.refreshFeeds({}, PAGE);
    expect(second).toMatchObject({ fetched: 1, items: 0, failed: 0 });
    expect(requests.at(-1)).toContain('"v1"');
    expect(await db.articles.count()).toBe(2);
    const [feed] = await getFeeds(db);
    expect(feed.state).toMatchObject({ lastStatus: 304, failures: 0, etag: '"v1"' });
  });

  it('a feed whose host is not granted waits without a request, and is fetched as soon as the reader grants it', async () => {
    granted = false;
    await handlers.setSourceEnabled({ outletId: 'test-daily', enabled: true }, PAGE);
    expect(await handlers.refreshFeeds({}, PAGE)).toMatchObject({ items: 0, failed: 1 });
    expect(requests).toEqual([]);
    const [waiting] = await getFeeds(db);
    expect(waiting.state.lastError).toBe(NO_HOST_PERMISSION);
    const deps = { db, fetch: globalThis.fetch, now: () => now, canFetch: async (url: string) => granted && new URL(url).hostname === '127.0.0.1' };
    expect(await refreshDueFeeds(deps)).toMatchObject({ fetched: 0 });
    granted = true;
    expect(await retryUngrantedFeeds(db)).toBe(1);
    expect(await refreshDueFeeds(deps)).toMatchObject({ items: 2, failed: 0 });
    expect(await db.articles.count()).toBe(2);
    expect(await retryUngrantedFeeds(db)).toBe(0);
  });

  it('keeps the error against the feed and loses no stored item', async () => {
    await handlers.setSourceEnabled({ outletId: 'test-daily', enabled: true }, PAGE);
    await handlers.refreshFeeds({}, PAGE);
    failing = true;
    now += 3_600_000;
    const result = await handlers.refreshFeeds({}, PAGE);
    expect(result).toMatchObject({ fetched: 1, failed: 1 });
    const [source] = (await handlers.listSources({}, PAGE)).filter((s) => s.outlet.id === 'test-daily');
    expect(source.feeds[0]).toMatchObject({ lastStatus: 500, failures: 1 });
    expect(source.feeds[0].lastError).toMatch(/500/);
    expect(source.feeds[0].nextFetchAt).toBeGreaterThan(now);
    expect(await db.articles.count()).toBe(2);
  });

  it('adds a feed by URL only after reading it once', async () => {
    await expect(handlers.addFeed({ url: 'https://elsewhere.example/feed.xml' }, PAGE)).rejects.toThrow(/no permission/);
    failing = true;
    await expect(handlers.addFeed({ url: `${origin}/other.xml`, outletId: 'test-daily' }, PAGE)).rejects.toThrow(/not added/);
    failing = false;
    const view = await handlers.addFeed({ url: `${origin}/other.xml`, outletId: 'test-daily' }, PAGE);
    expect(view.enabled).toBe(true);
    expect(view.feeds.map((f) => f.url)).toEqual([`${origin}/feed.xml`, `${origin}/other.xml`]);
    expect(await db.articles.count()).toBe(2);
  });

  it('round-trips the source list as OPML', async () => {
    const { xml } = await handlers.exportOpml({}, PAGE);
    expect(xml).toContain('Test Daily');
    await handlers.removeOutlet({ outletId: 'test-daily' }, PAGE);
    const result = await handlers.importOpml({ xml }, PAGE);
    expect(result).toMatchObject({ added: 1, updated: 0 });
    expect(await db.outlets.get('test-daily')).toMatchObject({ country: 'PK', ownership: 'private', feeds: [`${origin}/feed.xml`] });
  });
});
