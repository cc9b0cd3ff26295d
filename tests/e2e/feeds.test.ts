/// <reference types="chrome" />
// Feeds end to end in real headless Chromium (issue 5): three local feeds, one per format (RSS 2.0,
// Atom, JSON Feed), served on 127.0.0.1. The reader imports the three outlets (with the demo outlet
// whose article they will open) on the options page and switches them on there; enabling a source
// schedules the one-shot feed alarm, whose real run fetches the feeds. Then the reader opens the demo
// article on the same happening, and the toolbar popup lists the three feed items as its
// perspectives, with their outlets. Every request the browser makes goes through a recording proxy:
// none may go anywhere but the feed server and the demo server.
// Needs the demo build first: `npx wxt build --mode demo`.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { demoArticleById } from '../../lib/demo/articles';
import { outletsToOpml } from '../../lib/outlets/opml';
import { startDemoServer, type DemoServer } from '../harness/demo-server';
import { currentWorker, launchExtension, tabStateFor, waitFor, type LoadedExtension } from '../harness/extension';
import { LOCAL_FEED_OUTLETS, startLocalFeedServer, type LocalFeedServer } from '../harness/local-feeds';
import { openRealPopup } from '../harness/panels';
import { auditRequests, recordContextRequests, startRecordingProxy, type ContextRequest, type RecordingProxy } from '../harness/proxy';

/** The demo article the reader opens: The Indus Ledger on the end of the Istanbul talks. */
const DEMO_ARTICLE_ID = 'istanbul-talks-end-without-deal-ttp-guarantees';
/** A broken build (a background that never answers) fails the suite instead of hanging it. */
const SUITE_TIMEOUT_MS = 120_000;

let demo: DemoServer;
let feeds: LocalFeedServer;
let proxy: RecordingProxy;
let ext: LoadedExtension;
let contextRequests: ContextRequest[];

interface StoredRow { id: string; url: string; title: string; source: string; outletId: string; outletName: string; eventId: string }

/** The stored articles, read straight from the extension's IndexedDB (no app code). */
async function storedArticles(): Promise<StoredRow[]> {
  const worker = await currentWorker(ext);
  return worker.evaluate(
    () =>
      new Promise<StoredRow[]>((done, fail) => {
        const open = indexedDB.open('threadline');
        open.onerror = () => fail(open.error);
        open.onsuccess = () => {
          const request = open.result.transaction('articles').objectStore('articles').getAll();
          request.onsuccess = () => {
            done(request.result as StoredRow[]);
            open.result.close();
          };
          request.onerror = () => fail(request.error);
        };
      }),
  );
}

const regionName = new Intl.DisplayNames(['en'], { type: 'region' });
const isLoopbackHost = (hostname: string): boolean => hostname === '127.0.0.1' || hostname === 'localhost' || hostname.endsWith('.localhost');
/** The feed server and the demo server, and nothing else. */
const allowed = (hostname: string, port: number): boolean => isLoopbackHost(hostname) && (port === demo.port || port === feeds.port);

describe('three local feeds in Chromium', { timeout: SUITE_TIMEOUT_MS }, () => {
  before(async () => {
    demo = await startDemoServer();
    feeds = await startLocalFeedServer();
    proxy = await startRecordingProxy({ allow: allowed });
    ext = await launchExtension({ proxy: proxy.server });
    contextRequests = recordContextRequests(ext.context);
  }, { timeout: SUITE_TIMEOUT_MS });
  after(async () => {
    await ext?.close();
    await Promise.all([demo?.close(), feeds?.close(), proxy?.close()]);
  });

  it('the reader adds the three sources in the options page and the feed alarm fetches their items', async () => {
    const article = demoArticleById(DEMO_ARTICLE_ID);
    assert.ok(article, DEMO_ARTICLE_ID);
    const demoOutlet = demo.outlets.find((o) => o.id === article.outletId);
    assert.ok(demoOutlet);
    // Watch the extension's alarms from its own worker: the feeds must come in through one.
    const worker = await currentWorker(ext);
    await worker.evaluate(() => {
      const seen: string[] = [];
      (globalThis as { __alarmsSeen?: string[] }).__alarmsSeen = seen;
      chrome.alarms.onAlarm.addListener((alarm) => seen.push(alarm.name));
    });

    const options = await ext.context.newPage();
    await options.goto(ext.pageUrl('options'));
    // "Import OPML…": the three local outlets and the demo outlet whose article the reader opens.
    const opml = outletsToOpml([demoOutlet, ...feeds.outlets]);
    await options.locator('input[type="file"][accept*=".opml"]').setInputFiles({ name: 'sources.opml', mimeType: 'text/x-opml', buffer: Buffer.from(opml) });
    await options.getByText(/Imported 4 new and 0 updated sources/).waitFor({ timeout: 15_000 });
    for (const outlet of [demoOutlet, ...feeds.outlets]) {
      const filter = options.getByRole('searchbox', { name: /Filter sources/ });
      await filter.fill(outlet.name);
      const toggle = options.locator('li.source').filter({ has: options.locator('.outlet-name', { hasText: outlet.name }) }).getByRole('checkbox');
      await toggle.check();
      await waitFor(() => toggle.isChecked(), `the switch of ${outlet.name}`);
    }
    await options.getByRole('searchbox', { name: /Filter sources/ }).fill('');

    const wanted = LOCAL_FEED_OUTLETS.map((o) => feeds.pageUrl(o.id));
    const rows = await waitFor(async () => {
      const all = await storedArticles();
      const found = wanted.map((url) => all.find((r) => r.url === url));
      return found.every(Boolean) ? (found as StoredRow[]) : null;
    }, 'the three feed items in the store', 30_000);
    for (const [i, row] of rows.entries()) {
      const outlet = LOCAL_FEED_OUTLETS[i];
      assert.equal(row.source, 'feed');
      assert.equal(row.outletId, outlet.id, `${row.url} is stored under its feed's outlet`);
      assert.equal(row.title, outlet.item.headline);
    }
    const alarms = await (await currentWorker(ext)).evaluate(() => (globalThis as { __alarmsSeen?: string[] }).__alarmsSeen ?? []);
    assert.ok(alarms.some((name) => name.startsWith('threadline-feeds')), `a feed alarm fired (saw: ${alarms.join(', ') || 'none'})`);
    for (const outlet of LOCAL_FEED_OUTLETS) {
      assert.ok(feeds.log.some((line) => line === `GET 127.0.0.1:${feeds.port} ${new URL(feeds.feedUrl(outlet.id)).pathname} 200`), `${outlet.format} feed of ${outlet.name} fetched (log: ${feeds.log.join('; ')})`);
    }
    // The options page reports each feed as fetched.
    for (const outlet of feeds.outlets) {
      const row = options.locator('li.source').filter({ has: options.locator('.outlet-name', { hasText: outlet.name }) });
      await row.getByText(/fetched/).waitFor({ timeout: 10_000 });
    }
    await options.close();
  });

  it('the popup on the demo article lists the three feed items as perspectives, with their outlets', async () => {
    const page: Page = await ext.context.newPage();
    await page.goto(demo.articleUrl(DEMO_ARTICLE_ID));
    const state = await waitFor(async () => {
      const s = await tabStateFor(ext, page);
      return s?.status === 'article' ? s : null;
    }, 'the demo article to be read', 20_000);

    // The engine put the feed items in the article's event.
    const rows = await storedArticles();
    const eventId = rows.find((r) => r.id === state.articleId)?.eventId;
    assert.ok(eventId, 'the article has an event');
    for (const outlet of LOCAL_FEED_OUTLETS) {
      const row = rows.find((r) => r.url === feeds.pageUrl(outlet.id));
      assert.equal(row?.eventId, eventId, `${outlet.name}'s item is in the article's event`);
    }

    await page.bringToFront();
    const popup = await openRealPopup(ext);
    type Card = { outlet: string; title: string; href: string; meta: string };
    const cards = await waitFor(async () => {
      const shown = await popup.evaluate<Card[]>(`[...document.querySelectorAll('.cards > li.perspective')].map((li) => ({
        outlet: li.querySelector('.outlet-name')?.textContent?.trim() ?? '',
        title: li.querySelector('.card-title')?.textContent?.trim() ?? '',
        href: li.querySelector('.card-title a')?.getAttribute('href') ?? '',
        meta: li.querySelector('.who .meta')?.textContent?.trim() ?? '',
      }))`);
      return LOCAL_FEED_OUTLETS.every((o) => shown.some((c) => c.outlet === o.name)) ? shown : null;
    }, 'the three feed outlets among the popup\'s perspectives', 20_000);
    const headline = await popup.evaluate<string>(`document.querySelector('h1')?.textContent?.trim() ?? ''`);
    assert.equal(headline, demoArticleById(DEMO_ARTICLE_ID)?.headline);
    for (const outlet of LOCAL_FEED_OUTLETS) {
      const card = cards.find((c) => c.outlet === outlet.name);
      assert.ok(card);
      assert.equal(card.title, outlet.item.headline, `${outlet.name}'s card shows its item`);
      assert.equal(card.href, feeds.pageUrl(outlet.id), `${outlet.name}'s card links to its item`);
      assert.ok(card.meta.includes(regionName.of(outlet.country) ?? outlet.country), `${outlet.name}'s card names its country (${card.meta})`);
    }
    console.log(`# popup perspectives: ${cards.map((c) => `${c.outlet} (${c.meta})`).join('; ')}`);
    await popup.detach();
    await page.close();
  });

  it('made no request to any host but the feed server and the demo server', () => {
    const audit = auditRequests(proxy, contextRequests, allowed);
    const seen = [...new Set(proxy.requests.filter((r) => r.forwarded).map((r) => `${r.hostname}:${r.port}`))].sort();
    console.log(`# hosts reached through the proxy: ${seen.join(', ')}; refused, Chromium's own services: ${audit.chromiumServices.join(', ') || 'none'}`);
    // The extension's worker and every page (extension pages and the article tab).
    assert.deepEqual(audit.fromContexts, [], 'requests of the extension or the pages to other hosts');
    // Everything the browser sent at all, through the proxy.
    assert.deepEqual(audit.otherRefused, [], 'requests to other hosts seen by the proxy');
    assert.ok(seen.every((h) => h === `127.0.0.1:${feeds.port}` || h.endsWith(`.localhost:${demo.port}`)), `hosts reached: ${seen.join(', ')}`);
    assert.ok(contextRequests.some((r) => r.from.endsWith('/background.js') && r.url === feeds.feedUrl(LOCAL_FEED_OUTLETS[0].id)), 'the worker\'s feed requests were recorded');
    // The proxy really was in the path: it saw the feeds and the demo page.
    for (const outlet of LOCAL_FEED_OUTLETS) {
      assert.ok(proxy.requests.some((r) => r.hostname === '127.0.0.1' && r.port === feeds.port && r.path === new URL(feeds.feedUrl(outlet.id)).pathname), `${outlet.name}'s feed went through the proxy`);
    }
    assert.ok(proxy.requests.some((r) => r.port === demo.port && r.path === new URL(demo.articleUrl(DEMO_ARTICLE_ID)).pathname), 'the demo article went through the proxy');
    // The items' pages were not fetched: nothing asked for the full text.
    assert.deepEqual(feeds.log.filter((line) => !line.includes(' /feeds/')), [], 'only the feeds were requested from the feed server');
  });
});
