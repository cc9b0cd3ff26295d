/// <reference types="chrome" />
// Full text on demand in real headless Chromium (issue 6, item 6). Three local feeds carry
// summaries only; their items link to full article pages. The reader opens a demo article on the
// same happening, then the real side panel's comparison: it says it was built from summaries.
// - Accept: the sites are granted, so "Fetch the full articles" fetches the three pages, the
//   offscreen document reads them with the article extractor, and the comparison refreshes with
//   what only the full text has (the quotes). Not while the reader has turned "Fetch full articles
//   for comparisons" off; not twice when two views ask at once; and a later feed refresh must not
//   undo it.
// - Decline: the sites are not granted (the reader said no), so nothing is fetched and the
//   comparison says it stays on summaries.
// Every request goes through a recording proxy: only the feed server and the demo server are
// reached. Needs the demo build first: `npx wxt build --mode demo`.
import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { demoArticleById } from '../../lib/demo/articles';
import { outletsToOpml } from '../../lib/outlets/opml';
import { startDemoServer, type DemoServer } from '../harness/demo-server';
import { currentWorker, launchExtension, sendFromPage, tabStateFor, waitFor, type LoadedExtension } from '../harness/extension';
import { LOCAL_FEED_OUTLETS, startLocalFeedServer, type LocalFeedServer } from '../harness/local-feeds';
import { openRealSidePanel, type CdpTarget } from '../harness/panels';
import { auditRequests, recordContextRequests, startRecordingProxy, type ContextRequest, type RecordingProxy } from '../harness/proxy';

const ARTIFACTS = resolve(import.meta.dirname, '..', '..', 'test-results', 'e2e');
/** The demo article the reader opens: The Indus Ledger on the end of the Istanbul talks. */
const DEMO_ARTICLE_ID = 'istanbul-talks-end-without-deal-ttp-guarantees';
/** A broken build (a background that never answers) fails the suite instead of hanging it. */
const SUITE_TIMEOUT_MS = 120_000;
/** What the comparison says about its text (components/locales/en/messages.json). */
const SUMMARIES_NOTE = /compared from their feed summaries only|used feed summaries only/;
const DECLINED_NOTE = 'Permission declined: the comparison stays on summaries.';

interface StoredRow { id: string; url: string; source: string; outletId: string; eventId: string; wordCount: number; body: string; quotes: Array<{ text: string; speaker: string }> }

interface Setup {
  demo: DemoServer;
  feeds: LocalFeedServer;
  proxy: RecordingProxy;
  ext: LoadedExtension;
  contextRequests: ContextRequest[];
  allowed: (hostname: string, port: number) => boolean;
  /** The options page, open in a background tab: messages are sent from it, as it does. */
  options: Page;
  article?: Page;
  panel?: CdpTarget;
}

async function storedArticles(ext: LoadedExtension): Promise<StoredRow[]> {
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

const isLoopbackHost = (hostname: string): boolean => hostname === '127.0.0.1' || hostname === 'localhost' || hostname.endsWith('.localhost');

/**
 * Both servers and the browser; the reader's sources (the three local outlets and the demo
 * outlet of the article) imported and enabled; the feed alarm has stored the three items.
 * `pageOrigin` says where the items' full pages live (each answered after 400 ms).
 */
async function setUp(pageOrigin?: (outletId: string, port: number) => string): Promise<Setup> {
  // Each resource is kept as soon as it exists, so that tearDown closes it even after a timeout.
  const s = {} as Setup;
  opened.push(s);
  s.demo = await startDemoServer();
  // Slow pages: a second request for the comparison arrives while the first is still fetching.
  s.feeds = await startLocalFeedServer({ pageOrigin, pageDelayMs: 400 });
  const { demo, feeds } = s;
  s.allowed = (hostname: string, port: number): boolean => isLoopbackHost(hostname) && (port === demo.port || port === feeds.port);
  s.proxy = await startRecordingProxy({ allow: s.allowed });
  s.ext = await launchExtension({ proxy: s.proxy.server });
  s.contextRequests = recordContextRequests(s.ext.context);
  const demoOutlet = demo.outlets.find((o) => o.id === demoArticleById(DEMO_ARTICLE_ID)?.outletId);
  assert.ok(demoOutlet);
  await sendFromPage(s.ext, 'importOpml', { xml: outletsToOpml([demoOutlet, ...feeds.outlets]) });
  for (const outlet of [demoOutlet, ...feeds.outlets]) await sendFromPage(s.ext, 'setSourceEnabled', { outletId: outlet.id, enabled: true });
  await waitFor(async () => {
    const urls = new Set((await storedArticles(s.ext)).map((r) => r.url));
    return LOCAL_FEED_OUTLETS.every((o) => urls.has(feeds.pageUrl(o.id)));
  }, 'the three feed items from the alarm\'s refresh', 30_000);
  s.options = await s.ext.context.newPage();
  await s.options.goto(s.ext.pageUrl('options'));
  return s;
}

/** Sends one protocol message from the open options page (no tab switch: the side panel stays on the article). */
async function send<T>(s: Setup, type: string, data: unknown): Promise<T> {
  return (await s.options.evaluate(([t, d]) => chrome.runtime.sendMessage({ type: t, data: d }), [type, data] as const)) as T;
}

/** Every setup started, finished or not. */
const opened: Setup[] = [];

/** Closes what the latest setup opened (all of it, even if it timed out half-way). */
async function tearDown(): Promise<void> {
  const s = opened.pop();
  await s?.panel?.detach().catch(() => undefined);
  await s?.ext?.close();
  await Promise.all([s?.demo?.close(), s?.feeds?.close(), s?.proxy?.close()]);
}

/** Opens the demo article, then the real side panel beside it, on its Compare tab with the three feed outlets picked. */
async function openComparison(s: Setup): Promise<CdpTarget> {
  const article = await s.ext.context.newPage();
  await article.goto(s.demo.articleUrl(DEMO_ARTICLE_ID));
  await waitFor(async () => (await tabStateFor(s.ext, article))?.status === 'article', 'the demo article to be read', 20_000);
  s.article = article;
  await article.bringToFront();
  const panel = await openRealSidePanel(s.ext);
  s.panel = panel;
  await article.bringToFront();
  const headline = demoArticleById(DEMO_ARTICLE_ID)?.headline ?? '';
  await waitFor(async () => (await panel.evaluate<string>(`document.querySelector('h1')?.textContent?.trim() ?? ''`)) === headline, 'the side panel on the demo article');
  await waitFor(() => panel.evaluate<boolean>(`(() => { const tab = document.querySelector('#tab-compare'); if (!tab || tab.disabled) return false; tab.click(); return !!document.querySelector('section.compare'); })()`), 'the Compare tab');
  // Pick the three feed outlets (at most three are compared side by side).
  const names = LOCAL_FEED_OUTLETS.map((o) => o.name);
  await waitFor(
    () =>
      panel.evaluate<boolean>(`(() => {
        const want = ${JSON.stringify(names)};
        const picks = [...document.querySelectorAll('section.compare label.pick')];
        if (picks.length < want.length) return false;
        const name = (label) => label.textContent.trim();
        // Unpick first, then pick: the picker refuses a fourth outlet.
        const wrong = picks.find((l) => l.querySelector('input').checked && !want.some((w) => name(l).endsWith(w)));
        if (wrong) { wrong.querySelector('input').click(); return false; }
        const missing = picks.find((l) => !l.querySelector('input').checked && want.some((w) => name(l).endsWith(w)));
        if (missing) { missing.querySelector('input').click(); return false; }
        return picks.filter((l) => l.querySelector('input').checked).length === want.length;
      })()`),
    'the three feed outlets picked',
  );
  return panel;
}

interface ComparisonView { note: string; columns: string[]; quotes: string[]; button: string; text: string }

async function comparison(panel: CdpTarget): Promise<ComparisonView> {
  return panel.evaluate<ComparisonView>(`(() => {
    const section = document.querySelector('section.compare');
    return {
      note: section?.querySelector('.note.warn')?.textContent?.trim() ?? '',
      columns: [...(section?.querySelectorAll('.col-head') ?? [])].map((c) => c.textContent.trim()),
      quotes: [...(section?.querySelectorAll('.compare-grid blockquote') ?? [])].map((q) => q.textContent.trim()),
      button: [...(section?.querySelectorAll('.note.warn button') ?? [])].map((b) => b.textContent.trim()).join(' '),
      text: section?.textContent ?? '',
    };
  })()`);
}

async function clickFetch(panel: CdpTarget): Promise<void> {
  const clicked = await panel.evaluate<boolean>(`(() => {
    const button = [...document.querySelectorAll('section.compare .note.warn button')].find((b) => /Fetch the full articles/.test(b.textContent));
    if (!button) return false;
    button.click();
    return true;
  })()`);
  assert.ok(clicked, 'the "Fetch the full articles" button');
}

function saveShot(name: string, png: Buffer): void {
  mkdirSync(ARTIFACTS, { recursive: true });
  writeFileSync(join(ARTIFACTS, `${name}.png`), png);
}

const pageRequests = (feeds: LocalFeedServer): string[] => feeds.log.filter((line) => !line.includes(' /feeds/'));

function assertOnlyLocalRequests(s: Setup): void {
  const audit = auditRequests(s.proxy, s.contextRequests, s.allowed);
  console.log(`# refused, Chromium's own services: ${audit.chromiumServices.join(', ') || 'none'}`);
  assert.deepEqual(audit.fromContexts, [], 'requests of the extension or the pages to other hosts');
  assert.deepEqual(audit.otherRefused, [], 'requests to other hosts seen by the proxy');
}

describe('full text on demand in Chromium: the reader accepts', { timeout: SUITE_TIMEOUT_MS }, () => {
  let s: Setup;
  before(async () => {
    s = await setUp();
  }, { timeout: SUITE_TIMEOUT_MS });
  after(tearDown);

  it('the comparison first says it used summaries, and has none of the full texts\' quotes', async () => {
    const panel = await openComparison(s);
    const view = await comparison(panel);
    assert.match(view.note, SUMMARIES_NOTE);
    assert.match(view.button, /Fetch the full articles/);
    assert.deepEqual(view.columns.map((c) => LOCAL_FEED_OUTLETS.find((o) => c.includes(o.name))?.name).filter(Boolean).sort(), LOCAL_FEED_OUTLETS.map((o) => o.name).sort());
    for (const outlet of LOCAL_FEED_OUTLETS) assert.ok(!view.text.includes(outlet.item.pageOnlyQuote), `no full-text quote of ${outlet.name} yet`);
    assert.deepEqual(pageRequests(s.feeds), [], 'no page fetched before the reader asks');
    saveShot('full-text-summaries', await panel.screenshot());
  });

  it('with "Fetch full articles for comparisons" off in the options, nothing is fetched', async () => {
    // A controlled checkbox: it shows the new state once the background has saved it.
    const setting = s.options.getByRole('checkbox', { name: /Fetch full articles for comparisons/ });
    assert.ok(await setting.isChecked(), 'on by default');
    await setting.click();
    await waitFor(async () => !(await send<{ fullTextOnDemand: boolean }>(s, 'getSettings', {})).fullTextOnDemand, 'the setting saved');
    await clickFetch(s.panel!);
    const view = await waitFor(async () => {
      const v = await comparison(s.panel!);
      return v.note.includes(DECLINED_NOTE) ? v : null;
    }, 'the declined note');
    assert.match(view.note, SUMMARIES_NOTE);
    assert.deepEqual(pageRequests(s.feeds), [], 'no page fetched');
    await setting.click();
    await waitFor(async () => (await send<{ fullTextOnDemand: boolean }>(s, 'getSettings', {})).fullTextOnDemand, 'the setting saved');
  });

  it('fetches the three pages, reads them offscreen and refreshes the comparison with their quotes', async () => {
    const panel = s.panel!;
    const rowsBefore = await storedArticles(s.ext);
    const eventId = rowsBefore.find((r) => r.url === s.feeds.pageUrl(LOCAL_FEED_OUTLETS[0].id))?.eventId;
    assert.ok(eventId);
    const started = Date.now();
    // A second view (another window's side panel) asks for the same event at the same time.
    const [, second] = await Promise.all([clickFetch(panel), send<{ fetched: number; failed: number; declined: boolean }>(s, 'fetchFullText', { eventId })]);
    assert.deepEqual(second, { fetched: LOCAL_FEED_OUTLETS.length, failed: 0, declined: false }, 'the second request shares the run');
    assert.equal(pageRequests(s.feeds).length, LOCAL_FEED_OUTLETS.length, `each page fetched once, though asked for twice (${pageRequests(s.feeds).join('; ')})`);
    const view = await waitFor(async () => {
      const v = await comparison(panel);
      return LOCAL_FEED_OUTLETS.every((o) => v.quotes.some((q) => q.includes(o.item.pageOnlyQuote))) ? v : null;
    }, 'the full texts\' quotes in the comparison', 30_000);
    console.log(`# full text fetched, read and shown in ${Date.now() - started} ms`);
    // Every article of the event has its full text now: the summaries note is gone.
    assert.equal(view.note, '', 'no summaries note once every article is full text');
    for (const outlet of LOCAL_FEED_OUTLETS) {
      assert.ok(s.feeds.log.includes(`GET ${new URL(s.feeds.pageUrl(outlet.id)).host} ${new URL(s.feeds.pageUrl(outlet.id)).pathname} 200`), `${outlet.name}'s page fetched (log: ${s.feeds.log.join('; ')})`);
    }
    // Read by the offscreen document (Chrome's worker has no DOM parser).
    const worker = await currentWorker(s.ext);
    const contexts = await worker.evaluate(async () => (await chrome.runtime.getContexts({ contextTypes: ['OFFSCREEN_DOCUMENT' as chrome.runtime.ContextType] })).map((c) => c.documentUrl ?? ''));
    assert.ok(contexts.some((u) => u.endsWith('/offscreen.html')), `the offscreen document (contexts: ${contexts.join(', ')})`);
    const rows = await storedArticles(s.ext);
    for (const outlet of LOCAL_FEED_OUTLETS) {
      const row = rows.find((r) => r.url === s.feeds.pageUrl(outlet.id));
      assert.ok(row, `${outlet.name}'s item stored`);
      assert.ok(row.wordCount >= 150 && row.body.length > 0, `${outlet.name}'s item now has its full text (${row.wordCount} words)`);
      assert.ok(row.quotes.some((q) => q.text.includes(outlet.item.pageOnlyQuote) && q.speaker.includes(outlet.item.pageOnlySpeaker)), `${outlet.name}'s quote by ${outlet.item.pageOnlySpeaker}`);
      assert.equal(rows.filter((r) => r.url === row.url).length, 1, 'updated in place, not duplicated');
    }
    saveShot('full-text-fetched', await panel.screenshot());
  });

  it('a later feed refresh keeps the full text', async () => {
    const before = pageRequests(s.feeds).length;
    const feedHits = s.feeds.log.filter((l) => l.includes(' /feeds/')).length;
    await send(s, 'refreshFeeds', {});
    await waitFor(async () => s.feeds.log.filter((l) => l.includes(' /feeds/')).length >= feedHits + LOCAL_FEED_OUTLETS.length, 'the three feeds fetched again');
    const rows = await storedArticles(s.ext);
    for (const outlet of LOCAL_FEED_OUTLETS) {
      const row = rows.find((r) => r.url === s.feeds.pageUrl(outlet.id));
      assert.ok(row && row.wordCount >= 150 && row.quotes.length > 0, `${outlet.name}'s full text survives the feed's summary (${row?.wordCount} words, ${row?.quotes.length} quotes)`);
    }
    const view = await comparison(s.panel!);
    assert.equal(view.note, '');
    assert.ok(LOCAL_FEED_OUTLETS.every((o) => view.quotes.some((q) => q.includes(o.item.pageOnlyQuote))), 'the quotes are still shown');
    assert.equal(pageRequests(s.feeds).length, before, 'the pages are not fetched again');
  });

  it('made no request to any host but the feed server and the demo server', () => {
    assertOnlyLocalRequests(s);
    assert.equal(pageRequests(s.feeds).length, LOCAL_FEED_OUTLETS.length, 'each page fetched once');
  });
});

describe('full text on demand in Chromium: the reader declines', { timeout: SUITE_TIMEOUT_MS }, () => {
  let s: Setup;
  // The pages live on sites the reader did not grant (the demo build grants only loopback).
  before(async () => {
    s = await setUp((outletId, port) => `http://${outletId}.test:${port}`);
  }, { timeout: SUITE_TIMEOUT_MS });
  after(tearDown);

  it('nothing is fetched and the comparison says it stays on summaries', async () => {
    const panel = await openComparison(s);
    assert.match((await comparison(panel)).note, SUMMARIES_NOTE);
    await clickFetch(panel);
    const view = await waitFor(async () => {
      const v = await comparison(panel);
      return v.note.includes(DECLINED_NOTE) ? v : null;
    }, 'the declined note', 15_000);
    assert.match(view.note, SUMMARIES_NOTE, 'it still says the comparison used summaries');
    for (const outlet of LOCAL_FEED_OUTLETS) assert.ok(!view.text.includes(outlet.item.pageOnlyQuote), `no full-text quote of ${outlet.name}`);
    const rows = await storedArticles(s.ext);
    for (const outlet of LOCAL_FEED_OUTLETS) {
      const row = rows.find((r) => r.url === s.feeds.pageUrl(outlet.id));
      assert.ok(row && row.wordCount < 150 && row.body === '', `${outlet.name}'s item is still its summary`);
    }
    saveShot('full-text-declined', await panel.screenshot());
  });

  it('made no request to the pages, nor to any host but the feed server and the demo server', () => {
    assertOnlyLocalRequests(s);
    assert.deepEqual(pageRequests(s.feeds), []);
    assert.ok(!s.proxy.requests.some((r) => r.hostname.endsWith('.test')), 'no request to the pages\' sites');
  });
});
