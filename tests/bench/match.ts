// `npm run --silent bench -- match [sizes] [data-folder]`: the engine's speed over stores built
// from the real AllSides dev articles (read at run time from ../shared/data, never copied),
// multiplied with shifted dates and renamed outlets. Node part only: the in-memory store and the
// Dexie store over fake-indexeddb; the Chromium part is still to come. Per size: ingest rate,
// match latency of one new article (p50/p95), bytes per article (JSON of the stored record
// without body text, plus its index entries), and a full-scan cosine matcher as the baseline.
import 'fake-indexeddb/auto';
import { join, resolve } from 'node:path';
import { scoreCandidates } from '../../lib/match/candidates';
import { ingestArticles } from '../../lib/match/ingest';
import { MemoryEngineStore } from '../../lib/match/memory-store';
import { prepareArticle } from '../../lib/match/prepare';
import { cosine, toVector } from '../../lib/match/similarity';
import type { EngineStore } from '../../lib/match/types';
import type { Article } from '../../lib/types';
import { openDatabase } from '../../lib/store/db';
import { DexieEngineStore } from '../../lib/store/engine-store';
import { outletIdOf, readJsonl } from '../eval/engine-support/data';
import { toInput } from '../eval/engine-support/engine';

interface Row {
  article_id: string;
  story_date: string;
  outlet: string;
  title: string;
  url: string;
  body_excerpt: string[];
}

const DAY = 86_400_000;
/** Each copy of the corpus is shifted by this much, so copies never share an event window. */
const COPY_SHIFT_MS = 200 * DAY;
const BATCH = 500;
const PROBES = 50;

function corpus(folder: string, size: number): Article[] {
  const rows = readJsonl<Row>(join(folder, 'headline_roundups_2021', 'articles.jsonl'));
  const out: Article[] = [];
  for (let copy = 0; out.length < size; copy++) {
    for (const r of rows) {
      if (out.length >= size) break;
      const published = Date.parse(r.story_date) + copy * COPY_SHIFT_MS;
      const outlet = `${r.outlet} #${copy}`;
      const item = { key: r.article_id, url: `${r.url}?copy=${copy}`, title: r.title, paragraphs: r.body_excerpt ?? [], outlet, outletId: outletIdOf(outlet), published };
      out.push(prepareArticle(toInput(item), { id: item.outletId, name: outlet }, published));
    }
  }
  return out.sort((a, b) => a.published - b.published || (a.id < b.id ? -1 : 1));
}

function quantile(values: number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
}

function bytesPerArticle(articles: Article[]): number {
  const sample = articles.slice(0, 1000);
  const bytes = sample.reduce((s, a) => s + JSON.stringify({ ...a, body: '' }).length + a.termKeys.reduce((k, t) => k + t.length + a.id.length, 0), 0);
  return Math.round(bytes / Math.max(sample.length, 1));
}

async function fullScan(store: MemoryEngineStore, probe: Article): Promise<void> {
  const all = [...store.articles.values()];
  const stats = await store.getDocFreqs([...new Set(all.flatMap((a) => a.termKeys))].slice(0, 50_000));
  const q = toVector(probe.terms, stats);
  let best = 0;
  for (const a of all) best = Math.max(best, cosine(q, toVector(a.terms, stats)));
  if (best < 0) throw new Error('unreachable');
}

async function measure(store: EngineStore, articles: Article[], memory?: MemoryEngineStore): Promise<Record<string, number>> {
  const body = articles.slice(0, articles.length - PROBES);
  const probes = articles.slice(articles.length - PROBES);
  const started = performance.now();
  for (let i = 0; i < body.length; i += BATCH) await ingestArticles(store, body.slice(i, i + BATCH), body[i].published);
  const ingestPerS = body.length / ((performance.now() - started) / 1000);
  const match: number[] = [];
  const scan: number[] = [];
  for (const p of probes) {
    let t = performance.now();
    await scoreCandidates(store, p);
    match.push(performance.now() - t);
    if (memory) {
      t = performance.now();
      await fullScan(memory, p);
      scan.push(performance.now() - t);
    }
  }
  return {
    ingest_per_s: Math.round(ingestPerS),
    match_p50_ms: Number(quantile(match, 0.5).toFixed(2)),
    match_p95_ms: Number(quantile(match, 0.95).toFixed(2)),
    bytes_per_article: bytesPerArticle(articles),
    ...(scan.length > 0 ? { baseline_match_p95_ms: Number(quantile(scan, 0.95).toFixed(2)) } : {}),
  };
}

export async function bench(args: string[]): Promise<Record<string, unknown>> {
  const sizes = (args[0] ?? '10000,100000').split(',').map(Number).filter((n) => n > PROBES);
  const folder = args[1] ?? resolve(process.cwd(), '..', 'shared', 'data', 'allsides-neus', 'dev');
  const node: Record<string, unknown> = {};
  for (const size of sizes) {
    const articles = corpus(folder, size);
    const memory = new MemoryEngineStore();
    const mem = await measure(memory, articles, memory);
    const db = openDatabase(`bench-match-${size}-${Date.now()}`);
    const dexie = await measure(new DexieEngineStore(db), articles);
    db.close();
    node[String(size)] = { ...dexie, baseline_match_p95_ms: mem.baseline_match_p95_ms, memory: mem, store: 'dexie over fake-indexeddb' };
    console.log(`node ${size}: dexie ${JSON.stringify(dexie)}; memory ${JSON.stringify(mem)}`);
  }
  return { bench: 'match', chromium: null, node, node_version: process.version };
}
