/// <reference types="chrome" />
// The Chromium half of `bench match`: real Chromium with the built extension loaded, and the
// extension's own engine (tests/bench/match-browser.ts, bundled here with Vite) running in its
// service worker over the extension's real IndexedDB. One store grows through every requested
// size; at each size: ingest rate, match latency, bytes per article, the worker's heap and the
// full-scan baseline, all in the same run.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join, resolve } from 'node:path';
import type { CDPSession, Worker } from 'playwright-core';
import { chromiumVersion, ensureChromium } from '../harness/browsers';
import { CHROME_BUILD_DIR, launchExtension, type LoadedExtension } from '../harness/extension';

const ROOT = resolve(import.meta.dirname, '..', '..');
const PRODUCT_BUILD_DIR = join(ROOT, '.output', 'chrome-mv3');

export interface ChromiumOptions {
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
  log: (line: string) => void;
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
export async function bundle(entry = join(ROOT, 'tests', 'bench', 'match-browser.ts')): Promise<string> {
  const { build } = await import('vite');
  const out = await build({
    configFile: false,
    logLevel: 'silent',
    root: ROOT,
    define: { 'process.env.NODE_ENV': JSON.stringify('production') },
    build: {
      write: false,
      minify: false,
      target: 'es2022',
      lib: { entry, formats: ['iife'], name: '__threadlineMatchBenchModule' },
    },
  });
  const outputs = Array.isArray(out) ? out : [out];
  for (const o of outputs) {
    if (!('output' in o)) continue;
    // Node-only code paths read process.env (tuning overrides): none are set in the browser.
    for (const chunk of o.output) if (chunk.type === 'chunk') return `(function (process) {\n${chunk.code}\n})({ env: {} });`;
  }
  throw new Error('vite produced no bundle for match-browser.ts');
}

/** The worker's V8 heap over the DevTools protocol (a session of its own, through the browser). */
async function heapProbe(ext: LoadedExtension): Promise<{ usedMb(gc: boolean): Promise<number>; detach(): Promise<void> }> {
  const cdp: CDPSession = await ext.context.browser()!.newBrowserCDPSession();
  const { targetInfos } = await cdp.send('Target.getTargets');
  const target = targetInfos.find((t) => t.type === 'service_worker' && t.url.startsWith(`chrome-extension://${ext.extensionId}/`));
  if (!target) throw new Error('no service worker target');
  const { sessionId } = await cdp.send('Target.attachToTarget', { targetId: target.targetId, flatten: false });
  let seq = 0;
  const waiting = new Map<number, (m: { result?: unknown; error?: { message: string } }) => void>();
  cdp.on('Target.receivedMessageFromTarget', (event) => {
    if (event.sessionId !== sessionId) return;
    const message = JSON.parse(event.message) as { id?: number; result?: unknown; error?: { message: string } };
    if (message.id !== undefined) waiting.get(message.id)?.(message);
  });
  const send = <T>(method: string, params: Record<string, unknown> = {}) =>
    new Promise<T>((done, fail) => {
      const id = ++seq;
      waiting.set(id, (m) => (m.error ? fail(new Error(m.error.message)) : done(m.result as T)));
      void cdp.send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id, method, params }) });
    });
  return {
    async usedMb(gc) {
      if (gc) await send('HeapProfiler.collectGarbage');
      const { usedSize } = await send<{ usedSize: number }>('Runtime.getHeapUsage');
      return usedSize / 1024 / 1024;
    },
    detach: async () => {
      await cdp.send('Target.detachFromTarget', { sessionId }).catch(() => undefined);
      await cdp.detach().catch(() => undefined);
    },
  };
}

function call<T>(worker: Worker, method: string, ...args: unknown[]): Promise<T> {
  return worker.evaluate(
    ([m, a]) => {
      const api = (globalThis as unknown as { __threadlineMatchBench?: Record<string, (...x: unknown[]) => Promise<unknown>> }).__threadlineMatchBench;
      if (!api) throw new Error('the bench script is not loaded in the service worker (was it restarted?)');
      return api[m as string](...(a as unknown[]));
    },
    [method, args] as const,
  ) as Promise<T>;
}

/** The browser profile's directory (chrome://version names it). */
async function profileDir(ext: LoadedExtension): Promise<string> {
  const page = await ext.context.newPage();
  try {
    await page.goto('chrome://version');
    const path = /Profile Path\s+(\S+)/.exec(await page.evaluate(() => document.body.innerText))?.[1];
    if (!path) throw new Error('chrome://version names no profile path');
    return path;
  } finally {
    await page.close();
  }
}

/** Bytes on disk of an origin's IndexedDB (LevelDB files and blobs), once it stops changing. */
async function settledIndexedDbBytes(profile: string, originPrefix: string): Promise<number> {
  const root = join(profile, 'IndexedDB');
  const size = () => {
    let total = 0;
    const walk = (dir: string) => {
      for (const entry of readdirSync(dir, { withFileTypes: true })) {
        const path = join(dir, entry.name);
        if (entry.isDirectory()) walk(path);
        else total += statSync(path, { throwIfNoEntry: false })?.size ?? 0;
      }
    };
    for (const entry of existsSync(root) ? readdirSync(root) : []) if (entry.startsWith(originPrefix)) walk(join(root, entry));
    return total;
  };
  // LevelDB compacts in the background after the writes: wait until three readings agree.
  let last = -1;
  let same = 0;
  for (let i = 0; i < 60 && same < 2; i++) {
    await new Promise((done) => setTimeout(done, 1000));
    const now = size();
    same = now === last ? same + 1 : 0;
    last = now;
  }
  return last;
}

interface StoreSchema {
  name: string;
  keyPath: string;
  indexes: { name: string; keyPath: string; multiEntry: boolean; unique: boolean }[];
}

/**
 * The live size of what the engine stored, per table: its records, as stored, copied into an
 * empty table of the same shape in a page of another origin (one per table: each its own
 * LevelDB), and the size of that origin's IndexedDB files once LevelDB has settled. The
 * store's own files also hold old versions of rewritten records until LevelDB compacts them
 * away; a copy written once has none.
 */
async function liveBytes(ext: LoadedExtension, worker: Worker, profile: string): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const t of await call<StoreSchema[]>(worker, 'schema')) {
    const server = createServer((_req, res) => res.writeHead(200, { 'Content-Type': 'text/html' }).end('<!doctype html><title>copy</title>'));
    await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
    const page = await ext.context.newPage();
    const port = (server.address() as AddressInfo).port;
    try {
      await page.goto(`http://127.0.0.1:${port}/`);
      await page.evaluate(
        (spec) =>
          new Promise<void>((done, fail) => {
            const open = indexedDB.open('copy', 1);
            open.onupgradeneeded = () => {
              const store = open.result.createObjectStore(spec.name, { keyPath: spec.keyPath });
              for (const ix of spec.indexes) store.createIndex(ix.name, ix.keyPath, { multiEntry: ix.multiEntry, unique: ix.unique });
            };
            open.onsuccess = () => {
              open.result.close();
              done();
            };
            open.onerror = () => fail(open.error);
          }),
        t,
      );
      let after: string | null = null;
      for (;;) {
        const rows: Record<string, unknown>[] = await call<Record<string, unknown>[]>(worker, 'rawPage', t.name, after, 2000);
        if (rows.length === 0) break;
        await page.evaluate(
          ([name, records]) =>
            new Promise<void>((done, fail) => {
              const open = indexedDB.open('copy');
              open.onsuccess = () => {
                const tx = open.result.transaction(name, 'readwrite');
                for (const r of records) tx.objectStore(name).add(r);
                tx.oncomplete = () => {
                  open.result.close();
                  done();
                };
                tx.onerror = () => fail(tx.error);
              };
              open.onerror = () => fail(open.error);
            }),
          [t.name, rows] as const,
        );
        after = String(rows[rows.length - 1][t.keyPath]);
      }
      out[t.name] = await settledIndexedDbBytes(profile, `http_127.0.0.1_${port}.`);
    } finally {
      await page.close();
      server.closeAllConnections();
      await new Promise<void>((done) => server.close(() => done()));
    }
  }
  return out;
}

export function quantile(values: readonly number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
}

const round = (n: number, digits = 2) => Number(n.toFixed(digits));

/** Ingest is timed in chunks this large (progress, heap samples, the rate near each size). */
const CHUNK = 5_000;
/** Matches timed on a fresh connection (nothing kept in memory), after the others. */
const COLD_PROBES = 5;

export async function benchChromium(options: ChromiumOptions): Promise<Record<string, unknown>> {
  const { sizes, seed, batch, probes, scans, log } = options;
  const started = performance.now();
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
    for (const size of [...sizes].sort((a, b) => a - b)) {
      let lastChunk: Numbers = {};
      while (stored < size) {
        const step = await call<Numbers>(worker, 'ingest', Math.min(CHUNK, Math.max(1000, Math.ceil(largest / 20)), size - stored), batch);
        const n = step.stored - stored;
        stored = step.stored;
        engineMs += step.engine_ms;
        prepareMs += step.prepare_ms;
        lastChunk = { n, ms: step.engine_ms };
        heapPeak = Math.max(heapPeak, await heap.usedMb(false));
        if (options.verbose) log(`    store calls: ${JSON.stringify(await call(worker, 'calls'))}`);
        log(`  ${stored} stored: ${Math.round(n / (step.engine_ms / 1000))} articles/s in the engine (prepare ${(step.prepare_ms / n).toFixed(2)} ms/article), ${Math.round((performance.now() - started) / 1000)} s elapsed`);
      }
      const heapAfterIngest = await heap.usedMb(true);
      if (options.verbose) log(`    probing (${Math.round((performance.now() - started) / 1000)} s)`);
      const p = await call<Record<string, number[]>>(worker, 'probe', probes, scans);
      if (options.verbose) log(`    store calls while probing: ${JSON.stringify(await call(worker, 'calls'))}`);
      if (options.verbose) log(`    counting bytes (${Math.round((performance.now() - started) / 1000)} s)`);
      const b = await call<Numbers>(worker, 'bytes');
      if (options.verbose) log(`    copying to count live bytes (${Math.round((performance.now() - started) / 1000)} s)`);
      const live = await liveBytes(ext, worker, profile);
      const disk = await settledIndexedDbBytes(profile, `chrome-extension_${ext.extensionId}_`);
      if (options.verbose) log(`    timing term lookups (${Math.round((performance.now() - started) / 1000)} s)`);
      const r = await call<Numbers>(worker, 'reads', 20);
      const liveTotal = Object.values(live).reduce((x, y) => x + y, 0);
      log(`    live bytes per table: ${JSON.stringify(live)}; term lookups: ${JSON.stringify(r)}`);
      const scan95 = quantile(p.scan, 0.95);
      const match95 = quantile(p.match, 0.95);
      results[String(size)] = {
        ingest_per_s: Math.round(stored / (engineMs / 1000)),
        ingest_per_s_at_size: Math.round(lastChunk.n / (lastChunk.ms / 1000)),
        prepare_ms_per_article: round(prepareMs / stored),
        ingest_with_prepare_per_s: Math.round(stored / ((engineMs + prepareMs) / 1000)),
        match_p50_ms: round(quantile(p.match, 0.5)),
        match_p95_ms: round(match95),
        match_cold_median_ms: round(quantile(p.cold, 0.5)),
        match_parallel_reads_p95_ms: round(quantile(p.parallel, 0.95)),
        match_ids_first_p95_ms: round(quantile(p.ids, 0.95)),
        bytes_per_article: Math.round(liveTotal / Math.max(b.articles, 1)),
        bytes_per_article_articles_table: Math.round(live.articles / Math.max(b.articles, 1)),
        disk_bytes_per_article: Math.round(disk / Math.max(b.articles, 1)),
        estimate_growth_bytes_per_article: b.usage_bytes_per_article,
        json_bytes_per_article: b.json_bytes_per_article,
        index_key_bytes_per_article: b.index_key_bytes_per_article,
        baseline_match_p50_ms: round(quantile(p.scan, 0.5)),
        baseline_match_p95_ms: round(scan95),
        baseline_ratio_p95: round(scan95 / Math.max(match95, 1e-9), 1),
        candidates_median: quantile(p.candidates, 0.5),
        term_lookup_entries: round(r.entries_per_lookup, 1),
        term_lookup_records_ms: round(r.records_ms_per_lookup),
        term_lookup_keys_ms: round(r.keys_ms_per_lookup),
        recall_of_scan_top10: round(p.recall.reduce((s, x) => s + x, 0) / Math.max(p.recall.length, 1), 3),
        sw_heap_mb: round(heapAfterIngest, 1),
        sw_heap_growth_mb: round(heapAfterIngest - heapStart, 1),
        sw_heap_peak_mb: round(heapPeak, 1),
        events: b.events,
        stories: b.stories,
        terms: b.terms,
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
      'bytes_per_article: files on disk of a copy of every engine table (records and index entries as Chromium stores them, compacted, no old versions) per article, body text not stored; disk_bytes_per_article: the store itself, with what LevelDB has not compacted yet; json_bytes_per_article: JSON of a stored article record without body; index_key_bytes_per_article: JSON of its index keys plus the article id per entry',
    batch,
    seconds: Math.round((performance.now() - started) / 1000),
  };
}
