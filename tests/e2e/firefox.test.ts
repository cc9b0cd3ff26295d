/// <reference types="chrome" />
// End to end in real headless Firefox (ESR): the product firefox-mv3 build installed as a
// temporary add-on, the demo site on 127.0.0.1 (outlets on *.localhost, which Firefox resolves
// to loopback by itself), a fresh profile. The reader's path: enable the demo sources and grant
// host access to them (the optional-permission flow, which headless Chromium cannot answer),
// open articles and other pages, the toolbar popup, the sidebar following tab switches; the
// store read back from the extension's real IndexedDB.
// Run: npx wxt build -b firefox --mv3 && node --import tsx --test tests/e2e/firefox.test.ts
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Page } from 'puppeteer-core';
import { demoArticles } from '../../lib/demo/articles';
import { spaPath } from '../../lib/demo/render-spa';
import { SPA_OUTLET_ID, spaArticles } from '../../lib/demo/spa';
import { domainPatterns } from '../../lib/background/content-scripts';
import { outletsToOpml } from '../../lib/outlets/opml';
import { startDemoServer, type DemoServer } from '../harness/demo-server';
import { launchFirefoxExtension, setUpDemoSources, waitFor, type FirefoxExtension, type ViewReading } from '../harness/firefox';

const ARTIFACTS = resolve(import.meta.dirname, '..', '..', 'test-results', 'e2e-firefox');

let server: DemoServer;
let ext: FirefoxExtension;
/** The content script's match patterns once the demo sites were granted, and once enabled too. */
let registration: { grantedOnly: string[]; enabled: string[] };
/** Host access asked for: each demo outlet's domain and subdomains, http and https. */
let requestedOrigins: string[];

/** The headline of a demo article page. */
const pageHeadline = async (page: Page): Promise<string> => (await page.evaluate(() => document.querySelector('h1')?.textContent?.trim())) ?? '';
/** The article headline an extension page (popup or side panel opened as a tab) shows. */
const viewHeadline = async (page: Page): Promise<string> => (await page.evaluate(() => document.querySelector('h1.headline')?.textContent?.trim())) ?? '';

/** Opens a page in a new tab and waits until the background has placed it as an article. */
async function openArticle(url: string): Promise<Page> {
  const page = await ext.openPage(url);
  await waitFor(async () => (await ext.tabState(page))?.status === 'article', `the article state of ${url}`);
  return page;
}

/** Titles of other stored articles (read from IndexedDB) that the view's text shows. */
async function storedTitlesShown(text: string, headline: string): Promise<string[]> {
  const titles = (await ext.storedArticles()).map((r) => r.title).filter((t) => t !== headline);
  return titles.filter((t) => text.includes(t));
}

async function screenshot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: join(ARTIFACTS, `${name}.png`) as `${string}.png`, fullPage: true });
}

describe('Threadline in Firefox', () => {
  before(async () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    server = await startDemoServer();
    ext = await launchFirefoxExtension();
    requestedOrigins = server.outlets.flatMap((o) => o.domains.flatMap(domainPatterns));
    registration = await setUpDemoSources(ext, outletsToOpml(server.outlets), server.outlets.map((o) => o.id), requestedOrigins);
  });
  after(async () => {
    await ext?.close();
    await server?.close();
  });

  it('registers the content script for the sources the reader granted and enabled', async () => {
    assert.deepEqual(registration.grantedOnly, [], 'nothing registered for granted sites no source is enabled for');
    assert.deepEqual([...registration.enabled].sort(), [...new Set(requestedOrigins)].sort());
    const granted = await ext.inExtension(async () => (await (globalThis as unknown as { browser: typeof chrome }).browser.permissions.getAll()).origins ?? []);
    for (const pattern of requestedOrigins) assert.ok(granted.includes(pattern), `${pattern} granted`);
  });

  it('runs no content script on a site the reader did not enable', async () => {
    const landing = await ext.openPage(`${server.origin}/`);
    await new Promise((r) => setTimeout(r, 1500));
    assert.equal(await ext.tabState(landing), null);
    await landing.close();
  });

  it('fills the store from the enabled sources’ feeds when the alarm fires', async () => {
    const fromFeeds = await waitFor(async () => {
      const rows = (await ext.storedArticles()).filter((r) => r.source === 'feed');
      return rows.length >= demoArticles.length ? rows : null;
    }, 'the demo feeds’ items', 30_000);
    assert.ok(fromFeeds.every((r) => r.url.startsWith('http://')));
  });

  it('detects an article, stores it in IndexedDB and shows a badge', async () => {
    const url = server.newestArticleUrl();
    const page = await openArticle(url);
    // The outlet's *.localhost host reached the demo server on 127.0.0.1.
    const { host, pathname } = new URL(url);
    assert.ok(server.log.includes(`GET ${host} ${pathname} 200`), 'the demo server served the article by its Host');
    const rows = await ext.storedArticles();
    const row = rows.find((r) => r.url === url || url.startsWith(r.url));
    assert.ok(row, `stored record for ${url} among [${rows.map((r) => r.url).join(', ')}]`);
    assert.equal(row.source, 'visit');
    assert.equal(row.title, await pageHeadline(page));
    assert.equal((await ext.tabState(page))?.articleId, row.id);
    assert.match(await waitFor(() => ext.badgeText(page), 'the badge'), /^\d+$/);
    await page.close();
  });

  it('does not treat a section front as an article', async () => {
    const home = await ext.openPage(server.homeUrl(server.outlets[0].id));
    await waitFor(async () => (await ext.tabState(home))?.status === 'not-article', 'the not-article state');
    assert.equal(await ext.badgeText(home), '');
    const urls = (await ext.storedArticles()).map((r) => r.url);
    assert.ok(!urls.includes(home.url()), 'the home page is not stored');
    await home.close();
  });

  it('the toolbar popup shows the article and the stored articles that share its words', async () => {
    // A few more articles of the same story, from other outlets, opened one by one (a background
    // tab's idle callbacks, where the content script extracts, are throttled).
    const others = demoArticles.filter((a) => a.id !== demoArticles.at(-1)?.id).slice(-3);
    for (const other of others) await (await openArticle(server.articleUrl(other.id))).close();
    const newest = await openArticle(server.newestArticleUrl());
    const headline = await pageHeadline(newest);
    await newest.bringToFront();

    // The real popup: action.openPopup() describes the active tab.
    const popup = await ext.openPopup((r) => r.headline === headline && !r.busy, `the popup to show "${headline}"`);
    assert.ok(popup.url.startsWith(ext.pageUrl('popup')), popup.url);
    // Firefox sizes the popup from its content: viewport-relative CSS can collapse it to 0 px.
    assert.ok(popup.width >= 300, `the real popup is ${popup.width} px wide`);
    const shown = await waitFor(async () => {
      const titles = await storedTitlesShown((await ext.readPopup())?.text ?? '', headline);
      return titles.length > 0 ? titles : null;
    }, 'stored articles of the same story in the popup');
    assert.ok(shown.length >= 1, `related stored articles shown: ${shown.length}`);
    assert.ok(popup.time.length > 0, 'the article’s time is shown');
    await ext.screenshotView('popup', join(ARTIFACTS, 'popup-real.png'));
    await ext.closePopup();

    // The popup opened as a page, pinned to the article's tab with ?tabId=N.
    const tabId = await ext.tabIdOf(newest);
    const page = await ext.openExtensionPage('popup', { query: { tabId }, width: 400, height: 600 });
    await waitFor(async () => (await viewHeadline(page)) === headline, `the popup page to show "${headline}"`);
    await waitFor(async () => (await storedTitlesShown(await page.evaluate(() => document.body.innerText), headline)).length > 0, 'stored articles on the popup page');
    await screenshot(page, 'popup-page');
    await Promise.all([page.close(), newest.close()]);
  });

  it('the sidebar shows the active tab’s article and follows tab switches and navigations', async () => {
    const [first, second] = demoArticles.filter((a) => a.outletId !== demoArticles.at(-1)?.outletId).slice(-2);
    const pageA = await openArticle(server.articleUrl(first.id));
    const pageB = await openArticle(server.articleUrl(second.id));
    const [titleA, titleB] = [await pageHeadline(pageA), await pageHeadline(pageB)];
    assert.notEqual(titleA, titleB);

    // Firefox opens the sidebar at install (open_at_install); open it by a click otherwise.
    if (!(await ext.readSidebar())) await ext.openSidebar();
    const sidebarShows = (title: string) => async (): Promise<ViewReading | null> => {
      const reading = await ext.readSidebar();
      return reading?.headline === title ? reading : null;
    };

    await pageA.bringToFront();
    const readingA = await waitFor(sidebarShows(titleA), `the sidebar to show "${titleA}"`);
    assert.ok(readingA.url.startsWith(ext.pageUrl('sidepanel')), readingA.url);
    await waitFor(async () => (await storedTitlesShown((await ext.readSidebar())?.text ?? '', titleA)).length > 0, 'stored articles of the same story in the sidebar');

    await pageB.bringToFront();
    await waitFor(sidebarShows(titleB), `the sidebar to follow to "${titleB}"`);
    await ext.screenshotView('sidebar', join(ARTIFACTS, 'sidebar-real.png'));

    // A navigation in the active tab is followed too.
    await pageB.bringToFront();
    await pageB.goto(server.articleUrl(first.id), { waitUntil: 'load' });
    await waitFor(sidebarShows(titleA), 'the sidebar to follow a navigation');

    // To a page that is not an article: the sidebar drops the article.
    await pageB.goto(server.homeUrl(server.outlets[0].id), { waitUntil: 'load' });
    await waitFor(async () => (await ext.tabState(pageB))?.status === 'not-article', 'the not-article state');
    await waitFor(async () => {
      const reading = await ext.readSidebar();
      return reading && !reading.busy && reading.headline === '' && reading.text.length > 0;
    }, 'the sidebar to show no article for a section front');

    // The side panel page opened as a tab, pinned with ?tabId=N.
    const tabId = await ext.tabIdOf(pageA);
    const panel = await ext.openExtensionPage('sidepanel', { query: { tabId }, width: 360, height: 800 });
    await waitFor(async () => (await viewHeadline(panel)) === titleA, `the side panel page to show "${titleA}"`);
    await screenshot(panel, 'sidepanel-page');
    await Promise.all([panel.close(), pageA.close(), pageB.close()]);
  });

  it('the popup’s "Open side panel" button opens the Firefox sidebar', async () => {
    const article = await openArticle(server.newestArticleUrl());
    const headline = await pageHeadline(article);
    await ext.closeSidebar();
    assert.equal(await ext.readSidebar(), null, 'the sidebar is closed');

    const tabId = await ext.tabIdOf(article);
    const popup = await ext.openExtensionPage('popup', { query: { tabId }, width: 400, height: 600 });
    await waitFor(async () => (await viewHeadline(popup)) === headline, 'the popup page to render');
    const [button] = await popup.$$('xpath/.//button[contains(., "Open side panel")]');
    assert.ok(button, 'the "Open side panel" button');
    await button.click(); // a trusted click: sidebarAction.open() accepts it as the user gesture
    await waitFor(() => ext.readSidebar(), 'the sidebar to open from the popup button');

    // The harness's own open/close (used when a profile starts with the sidebar closed).
    await ext.closeSidebar();
    await ext.openSidebar();
    await article.bringToFront();
    await waitFor(async () => (await ext.readSidebar())?.headline === headline, `the reopened sidebar to show "${headline}"`);
    // The popup page closes itself after opening the sidebar (window.close()); it may be gone.
    await popup.close().catch(() => undefined);
    await article.close();
  });

  it('the options page shows what is stored', async () => {
    const options = await ext.openExtensionPage('options');
    const count = await waitFor(() => options.evaluate(() => document.querySelector('dl.stats dd')?.textContent ?? ''), 'the stats');
    assert.equal(Number(count), (await ext.storedArticles()).length);
    await screenshot(options, 'options');
    await options.close();
  });

  it('follows single-page-app route changes', async () => {
    const spa = await ext.openPage(new URL(spaPath(spaArticles()[0]), server.homeUrl(SPA_OUTLET_ID)).href);
    const firstState = await waitFor(async () => {
      const s = await ext.tabState(spa);
      return s?.status === 'article' ? s : null;
    }, 'the SPA article');
    await spa.click('a[data-spa-route]');
    await waitFor(async () => {
      const s = await ext.tabState(spa);
      return s?.status === 'article' && s.articleId !== firstState.articleId ? s : null;
    }, 'a new article after the route change');
    await spa.close();
  });
});
