// `npm run --silent bench -- match [sizes] [options]`: the story engine's speed on stores of
// synthetic news (tests/bench/synthetic-news.ts: Zipf vocabulary, events of several articles,
// stories of several events; made from a seed, nothing read from ../shared), at each size:
// ingest rate, match latency of a new article (p50/p95: ingest up to storing, nothing kept,
// tests/bench/match-new.ts; `match_all_candidates_*`: every retrieved candidate read whole and
// scored; in Chromium also `match_window_*`: the candidate scoring ingest does, whole records
// only within the event window, and `related_*`: the ranking the popup and the side panel
// show, lib/match/related.ts), bytes
// per article, and the full-scan cosine matcher as the baseline, measured in the same run on
// the same store.
//   chromium  real Chromium with the built extension: the engine and DexieEngineStore run in
//             its service worker on the extension's real IndexedDB (tests/bench/match-chromium.ts);
//             bytes per article = files on disk of a copy of every engine table (records, index
//             entries and posting lists as Chromium stores them, without body text).
//   node      the same stream in Node with the in-memory store (the engine's floor without
//             persistence); `--node-dexie` adds DexieEngineStore over fake-indexeddb (slow).
// Options: sizes as "10000,100000" (default; one store grows through them), --only chromium|node,
// --node-sizes <list>, --seed <n>, --batch <n> (articles per ingest transaction, default the
// extension's feed batch), --probes <n>, --scans <n>, --build (rebuild the extension first),
// --verbose (store calls per step).
import 'fake-indexeddb/auto';
import { scoreCandidates } from '../../lib/match/candidates';
import { ingestArticles } from '../../lib/match/ingest';
import { MemoryEngineStore } from '../../lib/match/memory-store';
import type { EngineStore } from '../../lib/match/types';
import { LIMITS } from '../../lib/limits';
import { encodeArticle } from '../../lib/store/compact-records';
import { openDatabase } from '../../lib/store/db';
import { DexieEngineStore } from '../../lib/store/engine-store';
import type { Article } from '../../lib/types';
import { fullScanTopK } from './full-scan';
import { matchAndUndo, matchInAbortedTransaction } from './match-new';
import { benchChromium, quantile, round, type MatchOptions } from './match-chromium';
import { preparedArticle, syntheticNews, type SyntheticStream } from './synthetic-news';

const DEFAULT_SIZES = [10_000, 100_000];

interface Options extends MatchOptions {
  nodeSizes: number[];
  only?: 'chromium' | 'node';
  nodeDexie: boolean;
}

function parse(args: string[]): Options {
  const flag = (name: string) => {
    const i = args.indexOf(name);
    return i >= 0 ? args[i + 1] : undefined;
  };
  const list = (text: string | undefined) => text?.split(',').map(Number).filter((n) => Number.isInteger(n) && n > 0);
  const positional = args.find((a, i) => /^\d[\d,]*$/.test(a) && !args[i - 1]?.startsWith('--'));
  const sizes = list(positional) ?? DEFAULT_SIZES;
  const only = flag('--only');
  if (only !== undefined && only !== 'chromium' && only !== 'node') throw new Error(`--only takes chromium or node, not ${only}`);
  return {
    sizes,
    nodeSizes: list(flag('--node-sizes')) ?? sizes,
    only,
    seed: Number(flag('--seed') ?? 1),
    batch: Number(flag('--batch') ?? LIMITS.ingestBatch),
    probes: Number(flag('--probes') ?? 100),
    scans: Number(flag('--scans') ?? 5),
    build: args.includes('--build'),
    verbose: args.includes('--verbose'),
    nodeDexie: args.includes('--node-dexie'),
  };
}

/**
 * JSON of the stored form (as the database writes it) without body, the keys of its index
 * entries, and its id once per posting list it is in (no cap: an upper bound), for a sample
 * spread over the store.
 */
function jsonBytesPerArticle(store: MemoryEngineStore, sample = 1000): number {
  const all = [...store.articles.values()];
  const step = Math.max(1, Math.floor(all.length / sample));
  const articles = all.filter((_, i) => i % step === 0);
  let bytes = 0;
  for (const a of articles) {
    bytes += JSON.stringify({ ...(encodeArticle(a) as object), body: '' }).length;
    bytes += [a.outletId, a.published, a.eventId, a.source].reduce<number>((s, k) => s + JSON.stringify(k).length + a.id.length, 0);
    bytes += new Set(a.termKeys).size * JSON.stringify(a.id).length;
  }
  return Math.round(bytes / Math.max(articles.length, 1));
}

/** One store grown through `sizes`; at each, the numbers of the stream's next articles. */
async function measureNode(store: EngineStore, stream: SyntheticStream, sizes: number[], opts: Options, memory?: MemoryEngineStore): Promise<Record<string, Record<string, number>>> {
  const out: Record<string, Record<string, number>> = {};
  let stored = 0;
  let engineMs = 0;
  let prepareMs = 0;
  for (const size of sizes) {
    while (stored < size) {
      const end = Math.min(size, stored + opts.batch);
      let t = performance.now();
      const batch: Article[] = [];
      for (let i = stored; i < end; i++) batch.push(preparedArticle(stream, i));
      prepareMs += performance.now() - t;
      t = performance.now();
      await ingestArticles(store, batch, batch[0].published);
      engineMs += performance.now() - t;
      stored = end;
      if (stored % 10_000 === 0) console.log(`  node: ${stored} stored, ${Math.round(stored / (engineMs / 1000))} articles/s in the engine`);
    }
    const match: number[] = [];
    const matchAll: number[] = [];
    const scan: number[] = [];
    for (let k = 0; k < opts.probes && size + k < stream.size; k++) {
      const probe = preparedArticle(stream, size + k);
      let t = performance.now();
      if (memory) {
        const { undo } = await matchAndUndo(memory, probe, probe.published);
        match.push(performance.now() - t);
        await undo();
      } else {
        await matchInAbortedTransaction(store, probe, probe.published);
        match.push(performance.now() - t);
      }
      t = performance.now();
      await scoreCandidates(store, probe);
      matchAll.push(performance.now() - t);
      if (!memory || k >= opts.scans) continue;
      t = performance.now();
      const all = [...memory.articles.values()];
      const stats = await memory.getDocFreqs([...new Set(all.flatMap((a) => a.termKeys))]);
      await fullScanTopK((async function* () { yield all; })(), probe, stats, 10);
      scan.push(performance.now() - t);
    }
    if (memory && memory.articles.size !== size) throw new Error(`the probes left ${memory.articles.size} articles in a store of ${size}`);
    out[String(size)] = {
      ingest_per_s: Math.round(stored / (engineMs / 1000)),
      prepare_ms_per_article: round(prepareMs / stored),
      match_p50_ms: round(quantile(match, 0.5)),
      match_p95_ms: round(quantile(match, 0.95)),
      match_all_candidates_p50_ms: round(quantile(matchAll, 0.5)),
      match_all_candidates_p95_ms: round(quantile(matchAll, 0.95)),
      ...(memory ? { bytes_per_article: jsonBytesPerArticle(memory) } : {}),
      ...(scan.length > 0 ? { baseline_match_p50_ms: round(quantile(scan, 0.5)), baseline_match_p95_ms: round(quantile(scan, 0.95)) } : {}),
    };
  }
  return out;
}

async function benchNode(opts: Options): Promise<Record<string, unknown>> {
  const started = performance.now();
  const sizes = [...opts.nodeSizes].sort((a, b) => a - b);
  const stream = syntheticNews(Math.max(...sizes) + opts.probes, opts.seed);
  const memory = new MemoryEngineStore();
  const mem = await measureNode(memory, stream, sizes, opts, memory);
  const node: Record<string, unknown> = {};
  for (const size of sizes) {
    const m = mem[String(size)];
    node[String(size)] = { ...m, baseline_ratio_p95: round(m.baseline_match_p95_ms / Math.max(m.match_p95_ms, 1e-9), 1), store: 'memory', bytes_per_article_note: 'JSON of the stored form without body, plus index keys and posting list entries' };
    console.log(`node ${size} (memory store): ${JSON.stringify(m)}`);
  }
  if (opts.nodeDexie) {
    const db = openDatabase(`bench-match-${Date.now()}`);
    const dexie = await measureNode(new DexieEngineStore(db), stream, sizes, opts);
    db.close();
    for (const size of sizes) {
      (node[String(size)] as Record<string, unknown>).dexie_fake_indexeddb = dexie[String(size)];
      console.log(`node ${size} (Dexie over fake-indexeddb): ${JSON.stringify(dexie[String(size)])}`);
    }
  }
  return { ...node, node_version: process.version, seconds: Math.round((performance.now() - started) / 1000) };
}

export async function bench(args: string[]): Promise<Record<string, unknown>> {
  const opts = parse(args);
  const started = performance.now();
  console.log(`bench match: sizes ${opts.sizes.join(', ')}; synthetic stream, seed ${opts.seed}; ${opts.batch} articles per ingest transaction`);
  const chromium = opts.only === 'node' ? null : await benchChromium({ ...opts, log: (line) => console.log(line) });
  const node = opts.only === 'chromium' ? null : await benchNode(opts);
  return { bench: 'match', chromium, node, corpus: `synthetic seed ${opts.seed}`, seconds: Math.round((performance.now() - started) / 1000) };
}
