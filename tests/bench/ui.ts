// `npm run --silent bench -- ui`: the reader-facing speed of the views in real headless Chromium on
// the demo story, with the store filled to 10,000 articles (the demo's articles plus copies with
// new ids, imported through importData as a reader's backup would be):
//   popup_first_paint_median_ms  the popup's open (its navigation start) → the browser's paint of
//                                its article header and its trail with the data (Element Timing:
//                                the later of the two elements' first presentation, read here from
//                                the page's own entries), over RUNS opens on a tab whose context
//                                the background has cached (the reader opens the popup again);
//   popup_first_paint_cold_median_ms  the same, each open after the reader's article was stored
//                                again (as a revisit does): the background's cache of the tab and
//                                of the event's framing is cold, so the whole context is rebuilt;
//   sidepanel_switch_median_ms   tab activation (the side panel's clock read just before the
//                                tab is brought to the front) → the real side panel's
//                                `threadline:context-painted' mark for the new tab (committed with
//                                the header and the trail; a headless side panel is never painted,
//                                so no paint time exists), over RUNS switches between two article tabs;
//   sidepanel_switch_cold_median_ms  the same, each switch after a write to the store;
//   popup_js_gzip_kb             gzipped JS the popup loads (its script and every chunk it imports),
//                                read from the built extension; the other entrypoints are printed.
// The first popup open and the first switch warm the service worker and are not counted.
// Needs the demo build: `npx wxt build --mode demo` (pass --build to run it first, or --ext-dir
// <dir> to measure another build; --runs N to change RUNS, --verbose for every run).
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
const DEFAULT_RUNS = 15;
const TARGET_ARTICLES = 10_000;
const IMPORT_CHUNK = 1_000;

function median(samples: number[]): number {
  const sorted = [...samples].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** Nearest-rank 95th percentile. */
function p95(samples: number[]): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(0.95 * sorted.length) - 1)];
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

/**
 * When the popup painted its header and its trail with the data, in ms from its navigation start:
 * the later first-paint time Element Timing reports for the two (components/ArticleHeader.tsx and
 * Trail.tsx carry the `elementtiming` attributes), once the page shows the trail of `dots` dots.
 * Where Element Timing is missing, the popup's own mark (the frame after the commit).
 */
async function popupDataPaint(popup: Page, dots: number): Promise<number> {
  const script = `new Promise((resolve) => {
    const shown = document.querySelector('h1.headline') && (${dots} === 0 || (document.querySelector('.trail .summary')?.textContent ?? '').startsWith('${dots} '));
    if (!shown) return resolve(0);
    if (!(PerformanceObserver.supportedEntryTypes ?? []).includes('element')) {
      return resolve(performance.getEntriesByName('threadline:data-painted')[0]?.startTime ?? 0);
    }
    const seen = {};
    const observer = new PerformanceObserver((list) => {
      for (const e of list.getEntries()) if (!(e.identifier in seen)) seen[e.identifier] = e.renderTime || e.startTime;
    });
    observer.observe({ type: 'element', buffered: true });
    setTimeout(() => {
      observer.disconnect();
      const wanted = ${dots} === 0 ? ['threadline:headline'] : ['threadline:headline', 'threadline:trail'];
      resolve(wanted.every((id) => id in seen) ? Math.max(...wanted.map((id) => seen[id])) : 0);
    }, 0);
  })`;
  return waitFor(() => popup.evaluate<number>(script), 'the popup to paint its header and trail', 60_000);
}

function argValue(args: string[], name: string): string | undefined {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
}

export async function bench(args: string[]): Promise<Record<string, unknown>> {
  const extDir = resolve(argValue(args, '--ext-dir') ?? CHROME_BUILD_DIR);
  const RUNS = Math.max(1, Number(argValue(args, '--runs') ?? DEFAULT_RUNS) || DEFAULT_RUNS);
  if (args.includes('--build') || !existsSync(join(extDir, 'popup.html'))) {
    if (extDir !== CHROME_BUILD_DIR) throw new Error(`no build in ${extDir}`);
    const built = spawnSync('npx', ['wxt', 'build', '--mode', 'demo'], { cwd: ROOT, encoding: 'utf8' });
    if (built.status !== 0) throw new Error(`wxt build failed: ${built.stderr || built.stdout}`);
  }
  const sizes = Object.fromEntries(['popup', 'sidepanel', 'options'].map((name) => [name, round(entrypointJsGzipBytes(extDir, `${name}.html`) / 1024)]));
  console.log(`JS per entrypoint, gzipped (KB): ${JSON.stringify(sizes)}`);

  const server = await startDemoServer();
  const ext = await launchExtension({ extDir });
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

    const { articleId, dots } = await sendFromPage<{ article?: { id: string }; trail?: { dots: unknown[] } }>(ext, 'getTabContext', { tabId }).then((c) => ({ articleId: c.article?.id ?? '', dots: c.trail?.dots.length ?? 0 }));
    /** Stores the article again with a new version, as a revisit does: the tab's context and its event's framing go cold. */
    const storeArticleAgain = async () =>
      (await currentWorker(ext)).evaluate(async (id) => {
        const db = (globalThis as unknown as { __threadlineDb: { articles: { get(id: string): Promise<{ updatedAt: number }>; put(a: unknown): Promise<unknown> } } }).__threadlineDb;
        const stored = await db.articles.get(id);
        await db.articles.put({ ...stored, updatedAt: stored.updatedAt + 1 });
      }, articleId);

    const popupRuns = async (cold: boolean) => {
      const paints: number[] = [];
      const contexts: number[] = [];
      const loads: number[] = [];
      for (let i = 0; i < RUNS + 1; i++) {
        if (cold) await storeArticleAgain();
        const popup = await ext.context.newPage();
        await popup.setViewportSize({ width: 400, height: 600 });
        await popup.goto(`${ext.pageUrl('popup')}?tabId=${tabId}`);
        const at = await popupDataPaint(popup, dots);
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
        if (args.includes('--verbose')) console.log(`  ${cold ? 'cold ' : ''}run ${i}: painted ${Math.round(at)} ms, DOMContentLoaded ${Math.round(detail.dcl)} ms, getTabContext ${Math.round(detail.context)} ms`);
        await popup.close();
      }
      return { paints, contexts, loads };
    };
    const warm = await popupRuns(false);
    const cold = await popupRuns(true);
    for (const [name, run] of [['', warm], [' (cold: article stored again before each open)', cold]] as const) {
      console.log(`Popup first paint with data${name}: median ${round(median(run.paints))} ms, p95 ${round(p95(run.paints))} ms (${run.paints.map((p) => Math.round(p)).join(', ')})`);
      console.log(`  of which: page loaded (DOMContentLoaded) median ${round(median(run.loads))} ms; getTabContext round trip afterwards median ${round(median(run.contexts))} ms`);
    }

    await article.bringToFront();
    const panel = await openRealSidePanel(ext);
    const tabs = [article, other];
    const ids = [tabId, await tabIdOf(ext, other)];
    const switchRuns = async (cold: boolean) => {
      const switches: number[] = [];
      for (let i = 0; i < RUNS + 1; i++) {
        const to = (i + 1) % 2;
        // A write anywhere in the store drops the background's cached contexts.
        if (cold) await storeArticleAgain();
        // Both ends on the side panel's own clock (Node's and the browser's wall clocks may differ).
        const before = await panel.evaluate<number>('performance.now()');
        await tabs[to].bringToFront();
        const painted = await waitFor(
          () => panel.evaluate<number>(`(() => { const m = performance.getEntriesByName('threadline:context-painted').filter((e) => e.detail && e.detail.tabId === ${ids[to]} && e.startTime >= ${before}).at(-1); return m ? m.startTime : 0; })()`),
          'the side panel to follow the tab',
          60_000,
        );
        if (i > 0) switches.push(painted - before);
      }
      return switches;
    };
    const switches = await switchRuns(false);
    const coldSwitches = await switchRuns(true);
    await panel.detach();
    console.log(`Side panel tab switch: median ${round(median(switches))} ms, p95 ${round(p95(switches))} ms (${switches.map((p) => Math.round(p)).join(', ')})`);
    console.log(`Side panel tab switch (cold: after a write to the store): median ${round(median(coldSwitches))} ms, p95 ${round(p95(coldSwitches))} ms (${coldSwitches.map((p) => Math.round(p)).join(', ')})`);
    return {
      bench: 'ui',
      popup_first_paint_median_ms: round(median(warm.paints)),
      sidepanel_switch_median_ms: round(median(switches)),
      popup_js_gzip_kb: sizes.popup,
      popup_first_paint_p95_ms: round(p95(warm.paints)),
      popup_first_paint_cold_median_ms: round(median(cold.paints)),
      popup_first_paint_cold_p95_ms: round(p95(cold.paints)),
      sidepanel_switch_p95_ms: round(p95(switches)),
      sidepanel_switch_cold_median_ms: round(median(coldSwitches)),
      sidepanel_switch_cold_p95_ms: round(p95(coldSwitches)),
      popup_dom_loaded_median_ms: round(median(warm.loads)),
      get_tab_context_median_ms: round(median(warm.contexts)),
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
