/// <reference types="chrome" />
// The reader experience in real headless Chromium: the built extension on the demo story. Opens
// the story's articles, then the popup, the side panel (as pages pinned with ?tabId, and the real
// side panel once) and the options page; asserts what the reader sees, runs axe-core on every view
// (no serious or critical violation) and saves screenshots in light and dark, at 100% and 200%,
// to test-results/ui/. Needs the demo build first: `npx wxt build --mode demo`.
import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { after, before, describe, it } from 'node:test';
import axe from 'axe-core';
import type { Page } from 'playwright-core';
import { demoArticles, newestDemoArticle } from '../../lib/demo/articles';
import type { TabContext } from '../../lib/views';
import { mockContext, mockLongTrail } from '../fixtures/mock-context';
import { startDemoServer, type DemoServer } from '../harness/demo-server';
import { outletsToOpml } from '../../lib/outlets/opml';
import { currentWorker, launchExtension, setUpDemoSources, tabStateFor, waitFor, type LoadedExtension } from '../harness/extension';
import { openRealSidePanel } from '../harness/panels';

const SHOTS = resolve(import.meta.dirname, '..', '..', 'test-results', 'ui');

let server: DemoServer;
let ext: LoadedExtension;
let articlePage: Page;
let articleTabId: number;
let headline = '';
const axeReport: Record<string, string[]> = {};
/** The demo's blindspot on the Istanbul event: its Iranian outlet covered only the earlier events. */
const IRAN_BLINDSPOT = 'Blindspot: none of your sources from “Iran” covered this (Caspian Herald).';

async function openArticle(url: string): Promise<Page> {
  const page = await ext.context.newPage();
  await page.goto(url);
  await waitFor(async () => (await tabStateFor(ext, page))?.status === 'article', `the article state of ${url}`, 20_000);
  return page;
}

async function tabIdOf(page: Page): Promise<number> {
  const worker = await currentWorker(ext);
  const id = await worker.evaluate(async (url) => (await chrome.tabs.query({})).find((t) => t.url === url)?.id, page.url());
  assert.ok(id, `tab of ${page.url()}`);
  return id;
}

interface AxeViolation { id: string; impact: string | null; help: string; nodes: { target: string[] }[] }

/** Runs axe-core in the page; fails on serious or critical violations, records the rest. */
async function checkAxe(page: Page, view: string): Promise<void> {
  // Extension pages forbid inline scripts (CSP): inject through the DevTools protocol instead.
  await page.evaluate(axe.source);
  const violations = await page.evaluate(async () => {
    const run = (globalThis as unknown as { axe: { run(ctx: Document, o: object): Promise<{ violations: AxeViolation[] }> } }).axe.run;
    const result = await run(document, { resultTypes: ['violations'] });
    return result.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => ({ target: n.target.map(String) })) }));
  });
  axeReport[view] = violations.map((v) => `${v.impact}: ${v.id} (${v.nodes.length})`);
  const bad = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  assert.deepEqual(bad.map((v) => `${v.id}: ${v.help} at ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')}`), [], `axe on ${view}`);
}

/** Light and dark, at 100% and at 200% zoom (CSS zoom: the layout reflows as with browser zoom). */
async function shoot(page: Page, name: string, fullPage = true): Promise<void> {
  mkdirSync(SHOTS, { recursive: true });
  const size = page.viewportSize() ?? { width: 400, height: 600 };
  // A popup's width comes from its content (400 CSS px), so at 200% Chrome opens it twice as wide
  // (up to its 800 px limit); panels and pages keep their width and reflow.
  const isPopup = page.url().includes('/popup.html');
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    for (const zoom of [1, 2]) {
      if (isPopup) await page.setViewportSize({ width: size.width * zoom, height: size.height });
      await page.evaluate((z) => { document.documentElement.style.setProperty('zoom', String(z)); }, zoom);
      await page.waitForTimeout(50);
      // A sticky bar would be drawn in the middle of a full-page capture.
      if (fullPage) await page.addStyleTag({ content: '.topbar { position: static !important; }' }).catch(() => undefined);
      await page.screenshot({ path: join(SHOTS, `${name}-${scheme}${zoom === 2 ? '-200' : ''}.png`), fullPage });
    }
  }
  await page.evaluate(() => document.documentElement.style.removeProperty('zoom'));
  await page.setViewportSize(size);
  await page.emulateMedia({ colorScheme: 'light' });
}

async function openView(name: 'popup' | 'sidepanel' | 'options', tabId: number | null, size: { width: number; height: number }): Promise<Page> {
  const page = await ext.context.newPage();
  await page.setViewportSize(size);
  await page.goto(`${ext.pageUrl(name)}${tabId ? `?tabId=${tabId}` : ''}`);
  return page;
}

/** The link targets in the view are http(s) or in-page anchors only. */
async function assertSafeLinks(page: Page): Promise<void> {
  const hrefs = await page.locator('a[href]').evaluateAll((as) => as.map((a) => a.getAttribute('href') ?? ''));
  for (const href of hrefs) assert.match(href, /^(https?:\/\/|#)/, `link ${href}`);
}

/**
 * Opens a view whose getTabContext is answered with `context` (the demo story's full context from
 * tests/fixtures/mock-context.ts): the trail, coverage and compare views in the real extension page,
 * before the background delivers them. Every other message goes to the real background.
 */
async function openViewWithContext(name: 'popup' | 'sidepanel', context: TabContext, size: { width: number; height: number }): Promise<Page> {
  const page = await ext.context.newPage();
  await page.setViewportSize(size);
  // A plain string: tsx would wrap a serialised function's inner functions in a `__name` helper.
  await page.addInitScript({
    content: `(() => {
      const reply = ${JSON.stringify(context)};
      const runtime = chrome.runtime;
      const real = runtime.sendMessage.bind(runtime);
      const fake = (...args) => {
        const message = args.find((a) => a && typeof a === 'object' && 'type' in a);
        const callback = args.find((a) => typeof a === 'function');
        if (!message || message.type !== 'getTabContext') return real(...args);
        const copy = structuredClone(reply);
        if (callback) setTimeout(() => callback(copy), 0);
        return Promise.resolve(copy);
      };
      Object.defineProperty(runtime, 'sendMessage', { value: fake, configurable: true, writable: true });
    })();`,
  });
  await page.goto(`${ext.pageUrl(name)}?tabId=${articleTabId}`);
  return page;
}

describe('Threadline views in Chromium', () => {
  before(async () => {
    server = await startDemoServer();
    ext = await launchExtension();
    await setUpDemoSources(ext, outletsToOpml(server.outlets), server.outlets.map((o) => o.id));
    // A reader who followed the story: the earlier articles first, then the newest one.
    const newest = newestDemoArticle();
    for (const a of demoArticles.filter((x) => x.story === newest.story && x.id !== newest.id)) await (await openArticle(server.articleUrl(a.id))).close();
    articlePage = await openArticle(server.articleUrl(newest.id));
    articleTabId = await tabIdOf(articlePage);
    headline = (await articlePage.evaluate(() => document.querySelector('h1')?.textContent?.trim())) ?? '';
  });
  after(async () => {
    if (Object.keys(axeReport).length) writeFileSync(join(SHOTS, 'axe.json'), JSON.stringify(axeReport, null, 2));
    await ext?.close();
    await server?.close();
  });

  it('popup: the article, its trail and the other outlets', async () => {
    const popup = await openView('popup', articleTabId, { width: 400, height: 600 });
    const h1 = popup.getByRole('heading', { level: 1 });
    await h1.waitFor();
    assert.equal((await h1.textContent())?.trim(), headline);
    assert.equal(await h1.getAttribute('dir'), 'auto');
    assert.match((await popup.locator('.article-header time').textContent()) ?? '', /ago|last|yesterday|today|now/);
    assert.ok(await popup.getByRole('search').count(), 'a search box');
    assert.ok(await popup.getByRole('button', { name: 'Open side panel' }).count(), 'the side panel button');

    const context = await popup.evaluate((id) => chrome.runtime.sendMessage({ type: 'getTabContext', data: { tabId: id } }), articleTabId);
    if (context.trail?.dots?.length) {
      const n = context.trail.dots.length;
      await popup.getByText(new RegExp(`^${n} dots? · latest `)).waitFor();
      const dots = popup.getByRole('list', { name: /Events of the story/ }).locator(':scope > li[aria-label]');
      assert.ok((await dots.count()) >= Math.min(n, 4), 'the dots are listed with accessible names');
      assert.equal(await popup.locator('li[aria-current="true"]').count(), 1, 'the current dot is marked');
    } else {
      // Before the engine is wired: the stand-in list, or the "nothing yet" explanation.
      assert.ok((await popup.locator('.related-item').count()) + (await popup.locator('.nothing-yet').count()) >= 1);
    }
    if (context.perspectives?.outlets?.length) {
      const cards = popup.getByRole('list', { name: 'How other outlets told this event' }).getByRole('listitem');
      assert.equal(await cards.count(), context.perspectives.outlets.length);
    }
    if (context.framing?.coverage?.outletCount > 1) {
      assert.match((await popup.getByRole('img').first().getAttribute('aria-label')) ?? '', /^Country: /);
    }
    // The demo's Iranian outlet covered the earlier events but not Istanbul.
    await popup.getByText(IRAN_BLINDSPOT).first().waitFor();
    await assertSafeLinks(popup);
    await checkAxe(popup, 'popup');
    await shoot(popup, 'popup');

    // The lookup box searches the local store.
    await popup.getByRole('searchbox').fill('Istanbul');
    await popup.getByText(/articles? for “Istanbul”/).waitFor();
    assert.ok((await popup.locator('.hit').count()) >= 1, 'search hits');
    await checkAxe(popup, 'popup-search');
    await shoot(popup, 'popup-search', false);
    await popup.close();
  });

  it('popup: a page that is not an article offers "look up this page"', async () => {
    const home = await ext.context.newPage();
    await home.goto(server.homeUrl(server.outlets[0].id));
    await waitFor(async () => (await tabStateFor(ext, home))?.status === 'not-article', 'the not-article state');
    const popup = await openView('popup', await tabIdOf(home), { width: 400, height: 600 });
    await popup.getByRole('heading', { level: 1, name: "This page isn't a news article" }).waitFor();
    assert.ok(await popup.getByRole('button', { name: 'Look up this page' }).count());
    await checkAxe(popup, 'popup-not-article');
    await shoot(popup, 'popup-not-article', false);
    await Promise.all([popup.close(), home.close()]);
  });

  it('side panel: overview and compare', async () => {
    const panel = await openView('sidepanel', articleTabId, { width: 400, height: 900 });
    await panel.getByRole('heading', { level: 1 }).waitFor();
    assert.equal((await panel.getByRole('heading', { level: 1 }).textContent())?.trim(), headline);
    await panel.getByText(IRAN_BLINDSPOT).first().waitFor();
    await checkAxe(panel, 'sidepanel');
    await shoot(panel, 'sidepanel');
    const compareTab = panel.getByRole('tab', { name: 'Compare' });
    if (await compareTab.isEnabled()) {
      await compareTab.click();
      const table = panel.getByRole('table');
      await table.waitFor();
      assert.equal(await table.getByRole('columnheader').count(), 2, 'two outlets compared by default');
      assert.ok(await table.getByRole('rowheader', { name: 'Quotes by speaker' }).count());
      const boxes = panel.locator('.picker input[type=checkbox]:not(:checked)');
      if ((await boxes.count()) > 0) {
        await boxes.first().check();
        assert.equal(await table.getByRole('columnheader').count(), 3, 'a third outlet joins');
      }
      await checkAxe(panel, 'sidepanel-compare');
      await shoot(panel, 'sidepanel-compare');
    }
    await panel.close();
  });

  it('popup with the full context: trail, coverage and perspectives', async () => {
    const popup = await openViewWithContext('popup', mockContext, { width: 400, height: 600 });
    await popup.getByRole('heading', { level: 1, name: mockContext.article!.title }).waitFor();
    await popup.getByText(/^4 dots · latest /).waitFor();
    const dots = popup.getByRole('list', { name: /Events of the story/ }).locator(':scope > li[aria-label]');
    assert.equal(await dots.count(), 4);
    assert.match((await dots.first().getAttribute('aria-label')) ?? '', /The article you are reading/);
    assert.equal(await popup.locator('li[aria-current="true"]').count(), 1);
    assert.ok(await popup.getByText('New', { exact: true }).count(), 'the "new since you last opened" mark');
    assert.match((await popup.getByRole('img').first().getAttribute('aria-label')) ?? '', /^Country: Afghanistan 2 of 7 outlets/);
    assert.ok(await popup.getByText(/none of your sources from “Iran” covered this/).count(), 'the blindspot');
    const cards = popup.getByRole('list', { name: 'How other outlets told this event' }).getByRole('listitem');
    assert.equal(await cards.count(), 6);
    assert.ok(await cards.first().getByText('an unnamed source', { exact: false }).count(), 'whom the first outlet quotes');
    await assertSafeLinks(popup);
    await checkAxe(popup, 'popup-full');
    await shoot(popup, 'popup-full');
    await popup.close();

    const long = await openViewWithContext('popup', { ...mockContext, trail: mockLongTrail }, { width: 400, height: 600 });
    await long.getByRole('button', { name: 'Show all 12 dots' }).click();
    assert.equal(await long.getByRole('list', { name: /Events of the story/ }).locator(':scope > li[aria-label]').count(), 12);
    await checkAxe(long, 'popup-long-trail');
    await long.close();
  });

  it('side panel with the full context: compare two and three outlets', async () => {
    const panel = await openViewWithContext('sidepanel', mockContext, { width: 400, height: 900 });
    await panel.getByRole('heading', { level: 1 }).waitFor();
    await checkAxe(panel, 'sidepanel-full');
    await shoot(panel, 'sidepanel-full');
    await panel.getByRole('tab', { name: 'Compare' }).click();
    const table = panel.getByRole('table');
    await table.waitFor();
    assert.equal(await table.getByRole('columnheader').count(), 2);
    for (const speaker of ['Khawaja Asif', 'Abdul Basir Sadiqi']) assert.ok(await table.getByText(speaker, { exact: true }).count(), speaker);
    assert.ok(await panel.getByText(/compared from their feed summaries/).count(), 'the summaries note');
    assert.ok(await panel.getByRole('button', { name: 'Fetch the full articles' }).count());
    await panel.getByRole('checkbox', { name: /Oxus Dispatch/ }).check();
    assert.equal(await table.getByRole('columnheader').count(), 3);
    assert.ok(await table.getByText('an unnamed source', { exact: true }).count(), 'the unnamed source');
    assert.ok(await panel.getByRole('checkbox', { name: /Meridian Wire/ }).isDisabled(), 'at most three');
    // Keyboard: the tabs move with the arrow keys.
    await panel.getByRole('tab', { name: 'Compare' }).focus();
    await panel.keyboard.press('ArrowLeft');
    assert.equal(await panel.getByRole('tab', { name: 'Trail & perspectives' }).getAttribute('aria-selected'), 'true');
    await panel.keyboard.press('ArrowRight');
    await table.waitFor();
    assert.equal(await table.getByRole('columnheader').count(), 3, 'the picked outlets survive switching views');
    await checkAxe(panel, 'sidepanel-compare-full');
    await shoot(panel, 'sidepanel-compare-full');
    await panel.close();
  });

  it('the real side panel shows the active article', async () => {
    await articlePage.bringToFront();
    const panel = await openRealSidePanel(ext);
    await articlePage.bringToFront();
    await waitFor(async () => (await panel.evaluate<string>(`document.querySelector('h1')?.textContent?.trim() ?? ''`)) === headline, 'the real side panel');
    const violations = await panel.evaluate<string[]>(`(async () => { ${axe.source}; const r = await axe.run(document, { resultTypes: ['violations'] }); return r.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id); })()`);
    assert.deepEqual(violations, [], 'axe on the real side panel');
    mkdirSync(SHOTS, { recursive: true });
    writeFileSync(join(SHOTS, 'sidepanel-real.png'), await panel.screenshot());
    await panel.detach();
  });

  it('options: sources, reading, data and privacy', async () => {
    const options = await openView('options', null, { width: 1024, height: 900 });
    await options.locator('dl.stats').waitFor();
    for (const name of ['Sources', 'Reading', 'Data', 'Privacy']) assert.ok(await options.getByRole('heading', { level: 2, name }).count(), `${name} section`);
    // The reading section renders once the settings have loaded: wait for it, don't sample it.
    await options.getByRole('radio', { name: /On known news outlets/ }).waitFor({ timeout: 15_000 });
    await options.getByRole('button', { name: 'Clear stored articles…' }).click();
    const dialog = options.getByRole('alertdialog');
    await dialog.waitFor();
    await checkAxe(options, 'options-confirm');
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    assert.equal(await options.getByRole('alertdialog').count(), 0);
    await checkAxe(options, 'options');
    await shoot(options, 'options');
    await options.close();
  });
});
