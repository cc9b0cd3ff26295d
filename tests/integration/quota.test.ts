// A batch that hits the storage quota is not lost: room is made (oldest unread feed articles go)
// and the same batch is stored; if storage is still full, the feed is not advanced, so the same
// items come again on the next refresh.
import { Dexie } from 'dexie';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';

const quota = vi.hoisted(() => ({ failuresLeft: 0 }));
vi.mock('../../lib/background/ingest', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../lib/background/ingest')>();
  return {
    ...real,
    ingestInputs: async (...args: Parameters<typeof real.ingestInputs>) => {
      if (quota.failuresLeft > 0) {
        quota.failuresLeft--;
        throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      }
      return real.ingestInputs(...args);
    },
  };
});

const { createHandlers } = await import('../../lib/background/handlers');
const { openDatabase } = await import('../../lib/store/db');
const { getFeeds } = await import('../../lib/store/feeds');

let server: Server;
let origin: string;
beforeAll(async () => {
  server = createServer((_req, res) => {
    const items = Array.from({ length: 5 }, (_, i) => `<item><guid>q${i}</guid><title>Quota item ${i}</title><link>${origin}/q/${i}</link></item>`).join('');
    res.writeHead(200, { 'Content-Type': 'application/rss+xml' }).end(`<?xml version="1.0"?><rss version="2.0"><channel><title>Q</title>${items}</channel></rss>`);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));

let db: ReturnType<typeof openDatabase>;
let handlers: ReturnType<typeof createHandlers>;
beforeEach(async () => {
  fakeBrowser.reset();
  db?.close();
  await Dexie.delete('quota');
  db = openDatabase('quota');
  const noop = async () => undefined;
  handlers = createHandlers({ db, now: () => Date.UTC(2025, 9, 30), fetch: globalThis.fetch, canFetch: async () => true, setBadge: noop, notifyTabChanged: noop, notifyStoreChanged: noop, injectContentScript: noop, scheduleFeedRefresh: noop, syncContentScripts: noop, extractHtml: async () => null });
  await handlers.saveOutlet({ outlet: { id: 'q', name: 'Q', domains: ['q.localhost'], country: 'PK', language: 'en', ownership: 'private', stateAffiliated: false, feeds: [`${origin}/feed.xml`] } }, {});
  await handlers.setSourceEnabled({ outletId: 'q', enabled: true }, {});
  // An old unread feed article that the quota relief may remove.
  await db.articles.put({ ...((await import('../fixtures/store-versions')).RECORDS_BY_VERSION[1].articles[0] as object), id: 'old', url: 'https://old.example/a', source: 'feed', readAt: 0, published: 1 } as never);
});

describe('storage quota during ingest', () => {
  it('frees room and stores the batch in flight', async () => {
    quota.failuresLeft = 1;
    const result = await handlers.refreshFeeds({}, {});
    expect(result).toMatchObject({ fetched: 1, items: 5, failed: 0 });
    expect(await db.articles.get('old')).toBeUndefined();
    expect(await db.articles.count()).toBe(5);
  });

  it('when storage stays full, records the error and fetches the same items again later', async () => {
    quota.failuresLeft = 2;
    const first = await handlers.refreshFeeds({}, {});
    expect(first.failed).toBe(1);
    const [feed] = await getFeeds(db);
    expect(feed.state.lastError).toMatch(/Could not store items/);
    expect(feed.state.etag).toBeUndefined();
    const second = await handlers.refreshFeeds({}, {});
    expect(second).toMatchObject({ items: 5, failed: 0 });
    expect(await db.articles.where('outletId').equals('q').count()).toBe(5);
  });
});
