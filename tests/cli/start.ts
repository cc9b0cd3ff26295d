/// <reference types="chrome" />
// `npm start`: the main job on the embedded default. Builds the extension, serves the demo story
// on 127.0.0.1, launches Chromium with Threadline loaded and opens the newest demo article.
// With a display the browser stays open for the reader; without one (SSH, CI) it runs headless,
// prints what the extension shows for that article, saves screenshots of the popup and the side
// panel, and exits 0.
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { demoArticles, newestDemoArticle } from '../../lib/demo/articles';
import type { TabContext } from '../../lib/views';
import { describeContext } from './describe-context';
import { chromiumVersion, ensureChromium } from '../harness/browsers';
import { startDemoServer } from '../harness/demo-server';
import { outletsToOpml } from '../../lib/outlets/opml';
import { currentWorker, launchExtension, setUpDemoSources, tabStateFor, waitFor, type LoadedExtension } from '../harness/extension';
import { openRealSidePanel } from '../harness/panels';

const ROOT = resolve(import.meta.dirname, '..', '..');
const SHOTS = join(ROOT, 'test-results', 'start');

function hasDisplay(): boolean {
  if (process.argv.includes('--headless')) return false;
  if (process.platform === 'darwin' || process.platform === 'win32') return true;
  return Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY);
}

function build(): void {
  if (process.argv.includes('--no-build')) return;
  console.log('Building the extension (wxt build --mode demo: the product plus access to the demo site on loopback)…');
  const result = spawnSync('npx', ['wxt', 'build', '--mode', 'demo'], { cwd: ROOT, encoding: 'utf8' });
  if (result.status !== 0) {
    console.error(result.stdout, result.stderr);
    throw new Error('The extension build failed (output above).');
  }
}

async function openAndWait(ext: LoadedExtension, url: string): Promise<Page> {
  const page = await ext.context.newPage();
  await page.goto(url);
  await waitFor(async () => (await tabStateFor(ext, page))?.status === 'article', `Threadline to read ${url}`, 20_000);
  return page;
}

async function contextOf(ext: LoadedExtension, page: Page): Promise<{ tabId: number; context: TabContext }> {
  const worker = await currentWorker(ext);
  const tabId = await worker.evaluate(async (url) => (await chrome.tabs.query({})).find((t) => t.url === url)?.id ?? -1, page.url());
  // Ask the background exactly as the popup does, from an extension page.
  const probe = await ext.context.newPage();
  await probe.goto(ext.pageUrl('options'));
  const context = await probe.evaluate((id) => chrome.runtime.sendMessage({ type: 'getTabContext', data: { tabId: id } }), tabId);
  await probe.close();
  return { tabId, context: context as TabContext };
}

async function waitForFeeds(ext: LoadedExtension, expected: number): Promise<void> {
  const worker = await currentWorker(ext);
  await waitFor(
    () => worker.evaluate(async (n) => ((await (globalThis as unknown as { __threadlineDb: { articles: { count(): Promise<number> } } }).__threadlineDb.articles.count()) >= n), expected),
    'the demo feeds',
    30_000,
  );
}

async function runHeadless(ext: LoadedExtension, serverUrls: { earlier: string[]; newest: string }): Promise<void> {
  console.log(`Opening ${serverUrls.earlier.length} earlier articles of the same outlet, as a reader would…`);
  for (const url of serverUrls.earlier) await (await openAndWait(ext, url)).close();
  const page = await openAndWait(ext, serverUrls.newest);
  const first = await contextOf(ext, page);
  const eventId = first.context.perspectives?.eventId;
  if (eventId) {
    // As the reader would from the side panel's compare tab: the feeds brought summaries only.
    console.log('Fetching the full articles of the event for the comparison, as the side panel offers…');
    const probe = await ext.context.newPage();
    await probe.goto(ext.pageUrl('options'));
    const fetched = (await probe.evaluate((id) => chrome.runtime.sendMessage({ type: 'fetchFullText', data: { eventId: id } }), eventId)) as { fetched: number; failed: number };
    await probe.close();
    console.log(`  ${fetched.fetched} pages read, ${fetched.failed} failed`);
  }
  const { tabId, context } = eventId ? await contextOf(ext, page) : first;
  console.log('');
  for (const line of describeContext(context)) console.log(line);

  mkdirSync(SHOTS, { recursive: true });
  const popup = await ext.context.newPage();
  await popup.setViewportSize({ width: 400, height: 600 });
  await popup.goto(`${ext.pageUrl('popup')}?tabId=${tabId}`);
  await popup.getByRole('heading', { level: 1 }).waitFor();
  const popupPng = join(SHOTS, 'popup.png');
  await popup.screenshot({ path: popupPng });
  await popup.close();

  await page.bringToFront();
  const panel = await openRealSidePanel(ext);
  await page.bringToFront();
  const headline = context.article?.title ?? '';
  await waitFor(async () => (await panel.evaluate<string>(`document.querySelector('h1')?.textContent?.trim() ?? ''`)) === headline, 'the side panel to show the article', 20_000);
  const panelPng = join(SHOTS, 'sidepanel.png');
  writeFileSync(panelPng, await panel.screenshot());
  await panel.detach();
  console.log('');
  console.log(`Screenshot of the popup:      ${popupPng}`);
  console.log(`Screenshot of the side panel: ${panelPng}`);
}

async function main(): Promise<number> {
  const chromiumPath = ensureChromium();
  build();
  const server = await startDemoServer({ port: Number(process.env.THREADLINE_DEMO_PORT ?? 0) || 0 });
  const newest = newestDemoArticle();
  // The reader opened a few earlier articles; the enabled feeds bring the rest of the coverage.
  const earlier = demoArticles.filter((a) => a.id !== newest.id && a.outletId === newest.outletId).map((a) => server.articleUrl(a.id));
  const headless = !hasDisplay();
  console.log(`Demo news site: ${server.origin}/ (demo content written for Threadline, not real articles)`);
  console.log(`Browser: ${chromiumVersion(chromiumPath)}${headless ? ' (headless: no display found)' : ''}`);
  const ext = await launchExtension({ headless });
  try {
    console.log(`Enabling the ${server.outlets.length} demo outlets as sources (OPML import), which fetches their feeds…`);
    await setUpDemoSources(ext, outletsToOpml(server.outlets), server.outlets.map((o) => o.id));
    await waitForFeeds(ext, demoArticles.length);
    if (headless) {
      await runHeadless(ext, { earlier, newest: server.articleUrl(newest.id) });
      return 0;
    }
    for (const url of earlier) await (await openAndWait(ext, url)).close();
    await openAndWait(ext, server.articleUrl(newest.id));
    console.log('Threadline is loaded. Click its toolbar icon, or open the side panel. Close the browser to stop.');
    await new Promise<void>((done) => ext.context.on('close', () => done()));
    return 0;
  } finally {
    await ext.close().catch(() => undefined);
    await server.close();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(`npm start failed: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  },
);
