/// <reference types="chrome" />
// The Chromium half of `bench match`: real Chromium with the built extension loaded, and the
// extension's own engine (tests/bench/match-browser.ts, bundled here with Vite) running in its
// service worker over the extension's real IndexedDB. One store grows through every requested
// size; at each size: ingest rate, match latency, bytes per article, the worker's heap and the
// full-scan baseline, all in the same run.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Worker } from 'playwright-core';
import { chromiumVersion, ensureChromium } from '../harness/browsers';
import { attachTarget } from '../harness/cdp';
import { CHROME_BUILD_DIR, launchExtension, type LoadedExtension } from '../harness/extension';
import type { StoreSchema } from './match-browser';
import { liveBytes, profileDir, settledIndexedDbBytes } from './store-bytes';

const ROOT = resolve(import.meta.dirname, '..', '..');
const PRODUCT_BUILD_DIR = join(ROOT, '.output', 'chrome-mv3');

/** What both halves of the bench are asked (tests/bench/match.ts parses it). */
export interface MatchOptions {
  /** Store sizes to measure at; one store grows through them. */
  sizes: number[];
  seed: number;
  /** Articles per ingest transaction (the extension's feed batches are LIMITS.ingestBatch). */
  batch: number;
  probes: number;
  scans: number;
  /** Rebuild the extension first. */
  build: boolean;
  /** Print the store's calls (count and time per method) after each step. */
  verbose: boolean;
}

type Numbers = Record<string, number>;

/** The built extension to load: the product build, else the demo build, else a fresh build. */
export function extensionDir(build: boolean): string {
  if (!build && existsSync(join(PRODUCT_BUILD_DIR, 'manifest.json'))) return PRODUCT_BUILD_DIR;
  if (!build && existsSync(join(CHROME_BUILD_DIR, 'manifest.json'))) return CHROME_BUILD_DIR;
  const built = spawnSync('npx', ['wxt', 'build'], { cwd: ROOT, encoding: 'utf8' });
  if (built.status !== 0) throw new Error(`wxt build failed: ${built.stderr || built.stdout}`);
  return PRODUCT_BUILD_DIR;
}

/** match-browser.ts and what it imports as one classic script (the worker evaluates it). */
export async function bundle(): Promise<string> {
  const { build } = await import('vite');
  const out = await build({
    configFile: false,
    logLevel: 'silent',
    root: ROOT,
    build: { write: false, minify: false, target: 'es2022', lib: { entry: join(ROOT, 'tests', 'bench', 'match-browser.ts'), formats: ['iife'], name: '__threadlineMatchBenchModule' } },
  });
  for (const o of Array.isArray(out) ? out : [out]) {
    if (!('output' in o)) continue;
    for (const chunk of o.output) if (chunk.type === 'chunk') return chunk.code;
  }
  throw new Error('vite produced no bundle for match-browser.ts');
}

/** The worker's V8 heap over the DevTools protocol (a session of its own, through the browser). */
async function heapProbe(ext: LoadedExtension): Promise<{ usedMb(gc: boolean): Promise<number>; detach(): Promise<void> }> {
  const cdp = await ext.context.browser()!.newBrowserCDPSession();
  const { targetInfos } = await cdp.send('Target.getTargets');
  const target = targetInfos.find((t) => t.type === 'service_worker' && t.url.startsWith(`chrome-extension://${ext.extensionId}/`));
  if (!target) throw new Error('no service worker target');
  const session = await attachTarget(cdp, target.targetId);
  return {
    async usedMb(gc) {
      if (gc) await session.send('HeapProfiler.collectGarbage');
      const { usedSize } = await session.send<{ usedSize: number }>('Runtime.getHeapUsage');
      return usedSize / 1024 / 1024;
    },
    async detach() {
      await session.detach();
      await cdp.detach().catch(() => undefined);
    },
  };
}

function call<T>(worker: Worker, method: string, ...args: unknown[]): Promise<T> {
  return worker.evaluate(
    ([m, a]) => {
      const api = (globalThis as unknown as { __threadlineMatchBench?: Record<string, (...x: unknown[]) => Promise<unknown>> }).__threadlineMatchBench;
      if (!api) throw new Error('the bench script is not loaded in the service worker (was it restarted?)');
      // The error's own text and stack: what crosses back from the worker is otherwise terse.
      return api[m as string](...(a as unknown[])).catch((e: unknown) => {
        throw new Error(e instanceof Error ? `${e.name}: ${e.message}\n${e.stack ?? ''}` : String(e));
      });
    },
    [method, args] as const,
  ) as Promise<T>;
}

export function quantile(values: readonly number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
}

export const round = (n: number, digits = 2) => Number(n.toFixed(digits));

/** Ingest is timed in chunks this large (progress, heap samples, the rate near each size). */
const CHUNK = 5_000;
/** Matches timed on a fresh connection (nothing kept in memory), after the others. */
const COLD_PROBES = 5;

export async function benchChromium(options: MatchOptions & { log: (line: string) => void }): Promise<Record<string, unknown>> {
  const { sizes, seed, batch, probes, scans, log } = options;
  const started = performance.now();
  const elapsed = () => `${Math.round((performance.now() - started) / 1000)} s`;
  const extDir = extensionDir(options.build);
  const code = await bundle();
  const browserPath = ensureChromium(log);
  const ext = await launchExtension({ extDir });
  const heap = await heapProbe(ext);
  const profile = await profileDir(ext);
  const results: Record<string, Numbers> = {};
  try {
    const worker = ext.worker;
    await worker.evaluate(code);
    const largest = Math.max(...sizes);
    const info = await call<Numbers>(worker, 'setup', largest + probes + COLD_PROBES, seed);
    log(`chromium: ${browserPath} (${chromiumVersion(browserPath)}), extension ${extDir}`);
    log(`chromium: synthetic stream of ${largest + probes + COLD_PROBES} articles over ${info.days} days, ${info.events} events, ${info.stories} stories`);
    const heapStart = await heap.usedMb(true);
    let heapPeak = heapStart;
    let engineMs = 0;
    let prepareMs = 0;
    let stored = 0;
    const verbose = async (what: string) => options.verbose && log(`    store calls ${what}: ${JSON.stringify(await call(worker, 'calls'))}`);
    for (const size of [...sizes].sort((a, b) => a - b)) {
      let lastChunk = { n: 0, ms: 0, batchMedianMs: 0, batchMaxMs: 0 };
      while (stored < size) {
        const step = await call<Numbers>(worker, 'ingest', Math.min(CHUNK, Math.max(1000, Math.ceil(largest / 20)), size - stored), batch);
        lastChunk = { n: step.stored - stored, ms: step.engine_ms, batchMedianMs: step.batch_median_ms, batchMaxMs: step.batch_max_ms };
        stored = step.stored;
        engineMs += step.engine_ms;
        prepareMs += step.prepare_ms;
        const heapNow = await heap.usedMb(false);
        heapPeak = Math.max(heapPeak, heapNow);
        await verbose('while ingesting');
        log(`  ${stored} stored: ${Math.round(lastChunk.n / (lastChunk.ms / 1000))} articles/s in the engine (batches of ${batch}: median ${Math.round(lastChunk.batchMedianMs)} ms, longest ${Math.round(lastChunk.batchMaxMs)} ms), ${elapsed()} elapsed, worker heap ${Math.round(heapNow)} MB (garbage included)`);
      }
      const heapAfterIngest = await heap.usedMb(true);
      const p = await call<Record<string, number[]>>(worker, 'probe', probes, scans, COLD_PROBES);
      await verbose('while probing');
      const counts = await call<Numbers>(worker, 'counts');
      // Every article ingested must still be there: a store trimmed behind the bench's back measures a smaller one.
      if (counts.articles !== stored) throw new Error(`${stored} articles ingested but ${counts.articles} stored`);
      log(`    copying the tables to count their bytes (${elapsed()})`);
      const live = await liveBytes(ext, { schema: () => call<StoreSchema[]>(worker, 'schema'), page: (table, after, limit) => call(worker, 'rawPage', table, after, limit) }, profile);
      const disk = await settledIndexedDbBytes(profile, `chrome-extension_${ext.extensionId}_`);
      const perArticle = (bytes: number) => Math.round(bytes / Math.max(counts.articles, 1));
      log(`    bytes per article by table: ${JSON.stringify(Object.fromEntries(Object.entries(live).map(([t, b]) => [t, perArticle(b)])))}`);
      const scan95 = quantile(p.scan, 0.95);
      const match95 = quantile(p.match, 0.95);
      results[String(size)] = {
        ingest_per_s: Math.round(stored / (engineMs / 1000)),
        ingest_per_s_at_size: Math.round(lastChunk.n / (lastChunk.ms / 1000)),
        prepare_ms_per_article: round(prepareMs / stored),
        // The last chunk's batches (one transaction each): a reader's article queued behind one waits this long.
        ingest_batch_median_ms_at_size: Math.round(lastChunk.batchMedianMs),
        ingest_batch_max_ms_at_size: Math.round(lastChunk.batchMaxMs),
        // A new article's match as ingest runs it, nothing stored (tests/bench/match-new.ts).
        match_p50_ms: round(quantile(p.match, 0.5)),
        match_p95_ms: round(match95),
        match_new_event_share: round(p.newEvent.reduce((x, y) => x + y, 0) / Math.max(p.newEvent.length, 1), 3),
        // Every retrieved candidate read whole and scored, no time window (no product path does this).
        match_all_candidates_p50_ms: round(quantile(p.matchAll, 0.5)),
        match_all_candidates_p95_ms: round(quantile(p.matchAll, 0.95)),
        match_window_p50_ms: round(quantile(p.matchWindow, 0.5)),
        match_window_p95_ms: round(quantile(p.matchWindow, 0.95)),
        related_p50_ms: round(quantile(p.related, 0.5)),
        related_p95_ms: round(quantile(p.related, 0.95)),
        // The lookup box's word search (two headline words), over the first 20 probes.
        search_p50_ms: round(quantile(p.search, 0.5)),
        search_p95_ms: round(quantile(p.search, 0.95)),
        search_cold_ms: round(p.searchCold[0] ?? 0),
        match_cold_median_ms: round(quantile(p.cold, 0.5)),
        // Reading the term log whole on a fresh connection, and its length then (moves; a fold empties it).
        cold_term_log_read_ms: round(p.coldLog[0] ?? 0),
        cold_term_log_moves: p.coldLogMoves[0] ?? 0,
        bytes_per_article: perArticle(Object.values(live).reduce((x, y) => x + y, 0)),
        disk_bytes_per_article: perArticle(disk),
        estimate_growth_bytes_per_article: perArticle(counts.usage_bytes),
        baseline_match_p50_ms: round(quantile(p.scan, 0.5)),
        baseline_match_p95_ms: round(scan95),
        baseline_ratio_p95: round(scan95 / Math.max(match95, 1e-9), 1),
        baseline_ratio_all_candidates_p95: round(scan95 / Math.max(quantile(p.matchAll, 0.95), 1e-9), 1),
        candidates_median: quantile(p.candidates, 0.5),
        recall_of_scan_top10: round(p.recall.reduce((s, x) => s + x, 0) / Math.max(p.recall.length, 1), 3),
        sw_heap_mb: round(heapAfterIngest, 1),
        sw_heap_growth_mb: round(heapAfterIngest - heapStart, 1),
        sw_heap_peak_mb: round(heapPeak, 1),
        articles: counts.articles,
        events: counts.events,
        stories: counts.stories,
        // Posting rows (one per term, the article count's included; in buckets since schema 7).
        terms: counts.terms,
        probes: p.match.length,
        scans: p.scan.length,
        elapsed_s: Math.round((performance.now() - started) / 1000),
      };
      log(`chromium ${size}: ${JSON.stringify(results[String(size)])}`);
    }
  } finally {
    await heap.detach();
    await ext.close();
  }
  return {
    ...results,
    browser: chromiumVersion(browserPath),
    store: 'DexieEngineStore in the extension service worker (real IndexedDB)',
    bytes_measure:
      'bytes_per_article: files on disk of a copy of every engine table (records and index entries as Chromium stores them, compacted, no old versions) per article, body text not stored; disk_bytes_per_article: the store itself, with what LevelDB has not compacted yet',
    batch,
    seconds: Math.round((performance.now() - started) / 1000),
  };
}
