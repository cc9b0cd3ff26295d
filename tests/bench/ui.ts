// `npm run --silent bench -- ui`: the reader-facing speed of the views in real headless Chromium on
// the demo story, with the store filled to 10,000 articles (the demo's articles plus copies with
// new ids, imported through importData as a reader's backup would be):
//   popup_first_paint_median_ms  navigation start → the popup's `threadline:data-painted' mark
//                                (its first paint with the article), over RUNS opens;
//   sidepanel_switch_median_ms   tab activation → the real side panel's `threadline:context-painted'
//                                mark for the new tab, over RUNS switches;
//   popup_js_gzip_kb             gzipped JS the popup loads (its script and every chunk it imports),
//                                read from the built extension; the other entrypoints are printed.
// Needs the demo build: `npx wxt build --mode demo` (pass --build to run it first).
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Page } from 'playwright-core';
import { demoArticles, newestDemoArticle } from '../../lib/demo/articles';
import { outletsToOpml } from '../../lib/outlets/opml';
import { startDemoServer } from '../harness/demo-server';
import { CHROME_BUILD_DIR, currentWorker, launchExtension, sendFromPage, setUpDemoSources, tabStateFor, waitFor, type LoadedExtension } from '../harness/extension';
import { openRealSidePanel } from '../harness/panels';

const ROOT = resolve(import.meta.dirname, '..', '..');
const RUNS = 15;
const TARGET_ARTICLES = 10_000;
const IMPORT_CHUNK = 1_000;

function median(samples: number[]): number {
  const sorted = [...samples].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}
const round = (n: number, digits = 1) => Math.round(n * 10 ** digits) / 10 ** digits;

/** Gzipped size of the JS an entrypoint's HTML loads: its module script and everything it imports. */
export function entrypointJsGzipBytes(dir: string, html: string): number {
  const seen = new Set<string>();
  const visit = (rel: string) => {
    const path = join(dir, rel.replace(/^\//, ''));
    if (seen.has(path) || !existsSync(path)) return;
    seen.add(path);
    const code = readFileSync(path, 'utf8');
    for (const m of code.matchAll(/(?:import|from)\s*\(?\s*["'](\.{1,2}\/[^"']+\.js|\/[^"']+\.js)["']/g)) {
      const target = m[1].startsWith('/') ? m[1] : join(rel, '..', m[1]);
      visit(target);
    }
  };
  const page = readFileSync(join(dir, html), 'utf8');
  for (const m of page.matchAll(/<(?:script[^>]+src|link[^>]+rel="modulepreload"[^>]+href)="([^"]+\.js)"/g)) visit(m[1]);
  let total = 0;
  for (const path of seen) total += gzipSync(readFileSync(path), { level: 9 }).length;
  return total;
}

async function openArticle(ext: LoadedExtension, url: string): Promise<Page> {
  const page = await ext.context.newPage();
  await page.goto(url);
  await waitFor(async () => (await tabStateFor(ext, page))?.status === 'article', `the article state of ${url}`, 20_000);
  return page;
}

async function tabIdOf(ext: LoadedExtension, page: Page): Promise<number> {
  const worker = await currentWorker(ext);
  return worker.evaluate(async (url) => (await chrome.tabs.query({})).find((t) => t.url === url)?.id ?? -1, page.url());
}

/** Copies the stored articles under new ids until the store holds `target` of them. */
async function fillStore(ext: LoadedExtension, target: number): Promise<number> {
  const { jsonl } = await sendFromPage<{ jsonl: string }>(ext, 'exportData', {});
  const [header, ...rows] = jsonl.trim().split('\n');
  const articles = rows.map((r) => JSON.parse(r) as { table: string; record: Record<string, unknown> }).filter((r) => r.table === 'articles');
  if (articles.length === 0) return 0;
  let made = articles.length;
  while (made < target) {
    const chunk: string[] = [header];
    for (let i = 0; i < IMPORT_CHUNK && made < target; i++, made++) {
      const base = articles[made % articles.length].record;
      const id = `bench-${made}`;
      // Same words (the term index gets realistic fan-out), but its own event and story, a year back.
      chunk.push(JSON.stringify({ table: 'articles', record: { ...base, id, url: `https://bench.example/${id}`, eventId: `bench-ev-${made % 700}`, storyId: `bench-st-${made % 120}`, published: Number(base.published) - (made % 365) * 86_400_000, readAt: 0 } }));
    }
    await sendFromPage(ext, 'importData', { jsonl: chunk.join('\n') + '\n' });
  }
  const stats = await sendFromPage<{ articles: number }>(ext, 'getStoreStats', {});
  return stats.articles;
}

export async function bench(args: string[]): Promise<Record<string, unknown>> {
  if (args.includes('--build') || !existsSync(join(CHROME_BUILD_DIR, 'popup.html'))) {
    const built = spawnSync('npx', ['wxt', 'build', '--mode', 'demo'], { cwd: ROOT, encoding: 'utf8' });
    if (built.status !== 0) throw new Error(`wxt build failed: ${built.stderr || built.stdout}`);
  }
  const sizes = Object.fromEntries(['popup', 'sidepanel', 'options'].map((name) => [name, round(entrypointJsGzipBytes(CHROME_BUILD_DIR, `${name}.html`) / 1024)]));
  console.log(`JS per entrypoint, gzipped (KB): ${JSON.stringify(sizes)}`);

  const server = await startDemoServer();
  const ext = await launchExtension();
  try {
    await setUpDemoSources(ext, outletsToOpml(server.outlets), server.outlets.map((o) => o.id));
    const newest = newestDemoArticle();
    for (const a of demoArticles.filter((x) => x.id !== newest.id)) await (await openArticle(ext, server.articleUrl(a.id))).close();
    const article = await openArticle(ext, server.articleUrl(newest.id));
    const other = await openArticle(ext, server.articleUrl(demoArticles.filter((a) => a.story === newest.story && a.outletId !== newest.outletId).at(-1)!.id));
    let storeArticles = 0;
    try {
      storeArticles = args.includes('--demo-store') ? 0 : await fillStore(ext, TARGET_ARTICLES);
      if (storeArticles === 0) storeArticles = (await sendFromPage<{ articles: number }>(ext, 'getStoreStats', {})).articles;
    } catch (error) {
      console.log(`Could not fill the store to ${TARGET_ARTICLES} articles (${error instanceof Error ? error.message : String(error)}); measuring with the demo's articles.`);
      storeArticles = (await sendFromPage<{ articles: number }>(ext, 'getStoreStats', {})).articles;
    }
    console.log(`Store: ${storeArticles} articles`);
    const tabId = await tabIdOf(ext, article);

    const paints: number[] = [];
    const contexts: number[] = [];
    const loads: number[] = [];
    for (let i = 0; i < RUNS + 1; i++) {
      const popup = await ext.context.newPage();
      await popup.setViewportSize({ width: 400, height: 600 });
      await popup.goto(`${ext.pageUrl('popup')}?tabId=${tabId}`);
      const at = await waitFor(
        () => popup.evaluate(() => performance.getEntriesByName('threadline:data-painted')[0]?.startTime ?? 0),
        'the popup data-painted mark',
      );
      // The background's share: one more getTabContext round trip from the same page.
      const detail = await popup.evaluate(async (id) => {
        const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
        const t0 = performance.now();
        await chrome.runtime.sendMessage({ type: 'getTabContext', data: { tabId: id } });
        return { dcl: nav.domContentLoadedEventEnd, context: performance.now() - t0 };
      }, tabId);
      if (i > 0) {
        // The first open warms the service worker and the disk cache.
        paints.push(at);
        contexts.push(detail.context);
        loads.push(detail.dcl);
      }
      if (args.includes('--verbose')) console.log(`  run ${i}: painted ${Math.round(at)} ms, DOMContentLoaded ${Math.round(detail.dcl)} ms, getTabContext ${Math.round(detail.context)} ms`);
      await popup.close();
    }
    console.log(`Popup first paint with data: median ${round(median(paints))} ms (${paints.map((p) => Math.round(p)).join(', ')})`);
    console.log(`  of which: page loaded (DOMContentLoaded) median ${round(median(loads))} ms; getTabContext round trip median ${round(median(contexts))} ms`);

    await article.bringToFront();
    const panel = await openRealSidePanel(ext);
    const tabs = [article, other];
    const ids = [tabId, await tabIdOf(ext, other)];
    const switches: number[] = [];
    for (let i = 0; i < RUNS + 1; i++) {
      const to = (i + 1) % 2;
      const before = Date.now();
      await tabs[to].bringToFront();
      const painted = await waitFor(
        () => panel.evaluate<number>(`(() => { const m = performance.getEntriesByName('threadline:context-painted').filter((e) => e.detail && e.detail.tabId === ${ids[to]}).at(-1); return m && performance.timeOrigin + m.startTime >= ${before} ? performance.timeOrigin + m.startTime : 0; })()`),
        'the side panel to follow the tab',
      );
      if (i > 0) switches.push(painted - before);
    }
    await panel.detach();
    console.log(`Side panel tab switch: median ${round(median(switches))} ms (${switches.map((p) => Math.round(p)).join(', ')})`);
    return {
      bench: 'ui',
      popup_first_paint_median_ms: round(median(paints)),
      sidepanel_switch_median_ms: round(median(switches)),
      popup_js_gzip_kb: sizes.popup,
      popup_dom_loaded_median_ms: round(median(loads)),
      get_tab_context_median_ms: round(median(contexts)),
      sidepanel_js_gzip_kb: sizes.sidepanel,
      options_js_gzip_kb: sizes.options,
      store_articles: storeArticles,
      runs: RUNS,
    };
  } finally {
    await ext.close();
    await server.close();
  }
}
