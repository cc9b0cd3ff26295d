/// <reference types="chrome" />
// Durability in real Chromium: the service worker is stopped (DevTools protocol) in the middle of
// a large feed ingest. After it restarts there must be no partial batch and no duplicate, and the
// interrupted feeds are fetched again until every item is stored exactly once.
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { LIMITS } from '../../lib/limits';
import { launchExtension, sendFromPage, waitFor, type LoadedExtension } from '../harness/extension';

const FEEDS = 3;
const ITEMS_PER_FEED = 1000;
const TOTAL = FEEDS * ITEMS_PER_FEED;

let server: Server;
let port: number;
let ext: LoadedExtension;
let page: Page;

function bigFeed(n: number): string {
  const items = Array.from({ length: ITEMS_PER_FEED }, (_, i) => {
    const id = `${n}-${i}`;
    return `<item><guid>bulk-${id}</guid><title>Bulk wire item ${id} on border trade and transit talks</title><link>http://bulk.localhost:${port}/news/${id}</link><description>Test item ${id}: customs officials, truck queues and transit fees at the crossing, number ${i}.</description><pubDate>Thu, 30 Oct 2025 10:00:00 GMT</pubDate></item>`;
  }).join('');
  return `<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>Bulk Wire</title><link>http://bulk.localhost:${port}/</link>${items}</channel></rss>`;
}

/** Counts and URLs straight from the extension's IndexedDB, read by an extension page. */
async function storedUrls(): Promise<string[]> {
  return page.evaluate(
    () =>
      new Promise<string[]>((done, fail) => {
        const open = indexedDB.open('threadline');
        open.onerror = () => fail(open.error);
        open.onsuccess = () => {
          const request = open.result.transaction('articles').objectStore('articles').getAll();
          request.onsuccess = () => {
            done((request.result as Array<{ url: string }>).map((r) => r.url));
            open.result.close();
          };
          request.onerror = () => fail(request.error);
        };
      }),
  );
}

describe('durability in Chromium', () => {
  before(async () => {
    server = createServer((req, res) => {
      const n = Number(/^\/feed-(\d+)\.xml$/.exec(req.url ?? '')?.[1] ?? NaN);
      if (!Number.isInteger(n)) return void res.writeHead(404).end();
      res.writeHead(200, { 'Content-Type': 'application/rss+xml; charset=utf-8' }).end(bigFeed(n));
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    port = (server.address() as AddressInfo).port;
    ext = await launchExtension();
    page = await ext.context.newPage();
    await page.goto(ext.pageUrl('options'));
  });
  after(async () => {
    await page?.close();
    await ext?.close();
    await new Promise<void>((r) => server?.close(() => r()));
  });

  it('a worker stopped mid-ingest leaves whole batches only, and the retry stores every item once', async () => {
    const feeds = Array.from({ length: FEEDS }, (_, n) => `http://bulk.localhost:${port}/feed-${n}.xml`);
    await sendFromPage(ext, 'saveOutlet', {
      outlet: { id: 'bulk-wire', name: 'Bulk Wire', domains: ['bulk.localhost'], country: 'INT', language: 'en', ownership: 'private', stateAffiliated: false, feeds },
    });
    await sendFromPage(ext, 'setSourceEnabled', { outletId: 'bulk-wire', enabled: true });

    // Stop the worker as soon as the first batches are in, while the rest are still coming.
    const atStop = await waitFor(async () => {
      const n = (await storedUrls()).length;
      return n > 0 ? n : null;
    }, 'the first stored batch', 60_000);
    const cdp = await ext.context.newCDPSession(page);
    await cdp.send('ServiceWorker.enable');
    await cdp.send('ServiceWorker.stopAllWorkers');
    await cdp.detach();
    const afterStop = await storedUrls();
    console.log(`# stopped the worker with ${atStop} of ${TOTAL} items stored; ${afterStop.length} after the stop`);
    assert.ok(afterStop.length < TOTAL, 'the stop came before the ingest finished');
    assert.equal(afterStop.length % LIMITS.ingestBatch, 0, 'only whole batches are stored');
    assert.equal(new Set(afterStop).size, afterStop.length, 'no duplicates');

    // The next refresh (here asked for by the reader; the alarm would do the same) retries.
    await sendFromPage(ext, 'refreshFeeds', {});
    const final = await waitFor(async () => {
      const urls = await storedUrls();
      return urls.length >= TOTAL ? urls : null;
    }, 'every item after the retry', 60_000);
    assert.equal(final.length, TOTAL);
    assert.equal(new Set(final).size, TOTAL, 'every item exactly once');
    console.log(`# after restart and retry: ${final.length} records, ${new Set(final).size} distinct`);
  });
});
