/// <reference types="chrome" />
// End to end in real headless Chromium: the built extension, the demo site on 127.0.0.1, a fresh
// profile. What a reader does (open articles, other pages, the popup, the side panel, switch
// tabs) and what they see; the store read back from the extension's real IndexedDB.
import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { demoArticles } from '../../lib/demo/articles';
import { spaPath } from '../../lib/demo/render-spa';
import { SPA_OUTLET_ID, spaArticles } from '../../lib/demo/spa';
import { startDemoServer, type DemoServer } from '../harness/demo-server';
import { outletsToOpml } from '../../lib/outlets/opml';
import { badgeFor, currentWorker, launchExtension, setUpDemoSources, tabStateFor, waitFor, type LoadedExtension } from '../harness/extension';
import { openRealSidePanel } from '../harness/panels';

const ARTIFACTS = resolve(import.meta.dirname, '..', '..', 'test-results', 'e2e');

let server: DemoServer;
let ext: LoadedExtension;

async function openArticle(url: string): Promise<Page> {
  const page = await ext.context.newPage();
  await page.goto(url);
  await waitFor(async () => (await tabStateFor(ext, page))?.status === 'article', `the article state of ${url}`);
  return page;
}

async function tabIdOf(page: Page): Promise<number> {
  const worker = await currentWorker(ext);
  const id = await worker.evaluate(async (url) => (await chrome.tabs.query({})).find((t) => t.url === url)?.id, page.url());
  assert.ok(id, `tab of ${page.url()}`);
  return id;
}

/** Reads the stored articles straight from the extension's IndexedDB (no Dexie, no app code). */
async function storedArticles(): Promise<Array<{ id: string; url: string; title: string; source: string; outletName: string }>> {
  const worker = await currentWorker(ext);
  return worker.evaluate(
    () =>
      new Promise((resolveRows, rejectRows) => {
        const open = indexedDB.open('threadline');
        open.onerror = () => rejectRows(open.error);
        open.onsuccess = () => {
          const request = open.result.transaction('articles').objectStore('articles').getAll();
          request.onsuccess = () => resolveRows(request.result);
          request.onerror = () => rejectRows(request.error);
        };
      }),
  );
}

async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(ARTIFACTS, { recursive: true });
  await page.screenshot({ path: join(ARTIFACTS, `${name}.png`), fullPage: true });
}

describe('Threadline in Chromium', () => {
  before(async () => {
    server = await startDemoServer();
    ext = await launchExtension();
    await setUpDemoSources(ext, outletsToOpml(server.outlets), server.outlets.map((o) => o.id));
  });
  after(async () => {
    await ext?.close();
    await server?.close();
  });

  it('fills the store from the enabled sources\' feeds when the alarm fires', async () => {
    const fromFeeds = await waitFor(async () => {
      const rows = (await storedArticles()).filter((r) => r.source === 'feed');
      return rows.length >= demoArticles.length ? rows : null;
    }, 'the demo feeds\' items', 30_000);
    assert.ok(fromFeeds.every((r) => r.url.startsWith('http://')));
  });

  it('runs no content script on a site the reader did not enable', async () => {
    const landing = await ext.context.newPage();
    await landing.goto(`${server.origin}/`);
    await new Promise((r) => setTimeout(r, 1500));
    assert.equal(await tabStateFor(ext, landing), null);
    await landing.close();
  });

  it('detects an article, stores it in IndexedDB and shows a badge', async () => {
    const newest = await openArticle(server.newestArticleUrl());
    const rows = await storedArticles();
    const row = rows.find((r) => r.url === newest.url() || newest.url().startsWith(r.url));
    assert.ok(row, `stored record for ${newest.url()} among ${rows.map((r) => r.url).join(', ')}`);
    assert.equal(row.source, 'visit');
    assert.equal(row.title, await newest.evaluate(() => document.querySelector('h1')?.textContent?.trim()));
    assert.match(await waitFor(() => badgeFor(ext, newest), 'badge'), /^\d+$/);
  });

  it('does not treat a section front as an article', async () => {
    const home = await ext.context.newPage();
    await home.goto(server.homeUrl(server.outlets[0].id));
    await waitFor(async () => (await tabStateFor(ext, home))?.status === 'not-article', 'the not-article state');
    assert.equal(await badgeFor(ext, home), '');
    const urls = (await storedArticles()).map((r) => r.url);
    assert.ok(!urls.includes(home.url()), 'the home page is not stored');
    await home.close();
  });

  it('the popup shows the article and the stored articles that share its words', async () => {
    // A few more articles of the same story, from other outlets.
    const others = demoArticles.filter((a) => a.id !== demoArticles.at(-1)?.id).slice(-3);
    for (const other of others) await (await openArticle(server.articleUrl(other.id))).close();
    const newest = await openArticle(server.newestArticleUrl());
    const headline = (await newest.evaluate(() => document.querySelector('h1')?.textContent?.trim())) ?? '';
    const tabId = await tabIdOf(newest);

    const popup = await ext.context.newPage();
    await popup.setViewportSize({ width: 400, height: 600 });
    await popup.goto(`${ext.pageUrl('popup')}?tabId=${tabId}`);
    await popup.getByRole('heading', { level: 1 }).waitFor();
    assert.equal((await popup.getByRole('heading', { level: 1 }).textContent())?.trim(), headline);
    // Stored articles that share its words (the stand-in list), or, once the engine places it, its trail and other outlets.
    const related = await popup.locator('.related-item, .dots > li.dot, .cards > li.perspective').count();
    assert.ok(related >= 1, `related articles shown: ${related}`);
    assert.match((await popup.locator('.article-header time').textContent()) ?? '', /ago|last|yesterday|today|now/);
    await screenshot(popup, 'popup');

    const panel = await ext.context.newPage();
    await panel.setViewportSize({ width: 360, height: 800 });
    await panel.goto(`${ext.pageUrl('sidepanel')}?tabId=${tabId}`);
    await panel.getByRole('heading', { level: 1 }).waitFor();
    assert.equal((await panel.getByRole('heading', { level: 1 }).textContent())?.trim(), headline);
    await screenshot(panel, 'sidepanel-page');
    await Promise.all([popup.close(), panel.close(), newest.close()]);
  });

  it('the options page shows what is stored', async () => {
    const options = await ext.context.newPage();
    await options.goto(ext.pageUrl('options'));
    await options.locator('dl.stats').waitFor();
    const count = Number(await options.locator('dl.stats dd').first().textContent());
    assert.equal(count, (await storedArticles()).length);
    await screenshot(options, 'options');
    await options.close();
  });

  it('the real side panel follows tab switches', async () => {
    const [first, second] = demoArticles.filter((a) => a.outletId !== demoArticles.at(-1)?.outletId).slice(-2);
    const pageA = await openArticle(server.articleUrl(first.id));
    const pageB = await openArticle(server.articleUrl(second.id));
    const titleOf = async (p: Page) => (await p.evaluate(() => document.querySelector('h1')?.textContent?.trim())) ?? '';
    const [titleA, titleB] = [await titleOf(pageA), await titleOf(pageB)];

    await pageA.bringToFront();
    const panel = await openRealSidePanel(ext);
    await pageA.bringToFront();
    const panelHeadline = () => panel.evaluate<string>(`document.querySelector('h1')?.textContent?.trim() ?? ''`);
    await waitFor(async () => (await panelHeadline()) === titleA, `the side panel to show "${titleA}"`);

    await pageB.bringToFront();
    await waitFor(async () => (await panelHeadline()) === titleB, `the side panel to follow to "${titleB}"`);
    mkdirSync(ARTIFACTS, { recursive: true });
    writeFileSync(join(ARTIFACTS, 'sidepanel-real.png'), await panel.screenshot());

    // A navigation in the active tab is followed too.
    await pageB.goto(server.articleUrl(first.id));
    await waitFor(async () => (await panelHeadline()) === titleA, 'the side panel to follow a navigation');
    await panel.detach();
    await Promise.all([pageA.close(), pageB.close()]);
  });

  it('follows single-page-app route changes', async () => {
    const spa = await ext.context.newPage();
    // A reader lands on the first story's route, then the app swaps in another without a page load.
    await spa.goto(new URL(spaPath(spaArticles()[0]), server.homeUrl(SPA_OUTLET_ID)).href);
    const firstState = await waitFor(async () => {
      const s = await tabStateFor(ext, spa);
      return s?.status === 'article' ? s : null;
    }, 'the SPA article');
    await spa.locator('a[data-spa-route]').first().click();
    await waitFor(async () => {
      const s = await tabStateFor(ext, spa);
      return s?.status === 'article' && s.articleId !== firstState.articleId ? s : null;
    }, 'a new article after the route change');
    await spa.close();
  });
});
