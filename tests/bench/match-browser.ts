// The in-browser half of `bench match` (tests/bench/match-chromium.ts bundles this file and runs
// it in the extension's service worker): the extension's own modules — prepareArticle, the
// engine's ingest and candidate scoring, DexieEngineStore over the `threadline` database — on
// the real IndexedDB of the extension's origin. Each call does one step and returns its numbers;
// the state between calls lives in this bundle's closure.
import { searchStore } from '../../lib/background/search';
import { scoreCandidates } from '../../lib/match/candidates';
import { ingestArticles } from '../../lib/match/ingest';
import { rankRelated } from '../../lib/match/related';
import type { DocStats } from '../../lib/match/similarity';
import { EVENT_WINDOW_MS } from '../../lib/match/thresholds';
import { openDatabase, type ThreadlineDB } from '../../lib/store/db';
import { DexieEngineStore } from '../../lib/store/engine-store';
import { batchTimings } from '../../lib/store/engine-writes';
import { bucketStore } from '../../lib/store/posting-buckets';
import { DOC_COUNT_KEY } from '../../lib/store/postings';
import { foldTimings, readTermLog } from '../../lib/store/term-log';
import type { Article } from '../../lib/types';
import { fullScanTopK } from './full-scan';
import { matchInAbortedTransaction } from './match-new';
import { preparedArticle, syntheticNews, type SyntheticStream } from './synthetic-news';

interface State {
  db: ThreadlineDB;
  store: DexieEngineStore;
  stream: SyntheticStream;
  next: number;
  usageBefore: number;
}

let state: State | undefined;

/** Probes that also time a word search. */
const SEARCH_PROBES = 20;

/** The tables the engine writes (the bytes per article count all of them). */
const ENGINE_TABLES = ['articles', 'events', 'stories', 'postingBuckets', 'termLog'];

/** Time and calls per store method (the engine awaits them one at a time, so times add up). */
const calls: Record<string, { n: number; ms: number }> = {};

function timed<T extends object>(target: T): T {
  return new Proxy(target, {
    get(obj, key, receiver) {
      const value = Reflect.get(obj, key, receiver);
      if (typeof value !== 'function') return value;
      if (key === 'transaction' || typeof key !== 'string') return value.bind(obj);
      return async (...args: unknown[]) => {
        const t = performance.now();
        try {
          return await value.apply(obj, args);
        } finally {
          const entry = (calls[key] ??= { n: 0, ms: 0 });
          entry.n += 1;
          entry.ms += performance.now() - t;
        }
      };
    },
  });
}

function takeCalls(): Record<string, { n: number; ms: number }> {
  const out = Object.fromEntries(Object.entries(calls).map(([k, v]) => [k, { n: v.n, ms: Math.round(v.ms) }]));
  for (const k of Object.keys(calls)) delete calls[k];
  // The ends of the ingest transactions (records and term log written, folds) and their commits.
  for (const [k, v] of [...Object.entries(batchTimings), ...Object.entries(foldTimings).map(([k, v]) => [`fold:${k}`, v] as const)]) {
    out[`batch:${k}`] = { n: v.n, ms: Math.round(v.ms) };
    v.n = 0;
    v.ms = 0;
  }
  return out;
}

function need(): State {
  if (!state) throw new Error('bench state lost (was the service worker restarted?)');
  return state;
}

async function usage(): Promise<number> {
  return (await navigator.storage.estimate()).usage ?? 0;
}

async function setup(size: number, seed: number): Promise<Record<string, number>> {
  const stream = syntheticNews(size, seed);
  const db = openDatabase();
  await db.open();
  if ((await db.articles.count()) > 0) throw new Error('the store is not empty');
  // The extension's own upkeep must not run meanwhile: its feed alarm (every 5 minutes) trims
  // unread feed articles past the reader's cap (50,000 by default) and scans them to count,
  // which removed half of a 100,000-article bench store while it was measured.
  await (globalThis as unknown as { chrome: { alarms: { clearAll(): Promise<boolean> } } }).chrome.alarms.clearAll();
  state = { db, store: timed(new DexieEngineStore(db)), stream, next: 0, usageBefore: await usage() };
  return { days: stream.days, events: stream.events, stories: stream.stories };
}

/** Ingests the next `count` articles of the stream in batches (one transaction each). */
async function ingest(count: number, batch: number): Promise<Record<string, number>> {
  const s = need();
  const end = Math.min(s.stream.size, s.next + count);
  let engineMs = 0;
  let prepareMs = 0;
  // How long each batch held the database: a reader's article queued behind one waits as long.
  const batchMs: number[] = [];
  while (s.next < end) {
    const stop = Math.min(end, s.next + batch);
    let t = performance.now();
    const articles: Article[] = [];
    for (let i = s.next; i < stop; i++) articles.push(preparedArticle(s.stream, i));
    prepareMs += performance.now() - t;
    t = performance.now();
    await ingestArticles(s.store, articles, articles[0].published);
    const ms = performance.now() - t;
    batchMs.push(ms);
    engineMs += ms;
    s.next = stop;
  }
  batchMs.sort((a, b) => a - b);
  const median = batchMs[Math.floor((batchMs.length - 1) / 2)] ?? 0;
  return { stored: s.next, engine_ms: engineMs, prepare_ms: prepareMs, batch_median_ms: median, batch_max_ms: batchMs[batchMs.length - 1] ?? 0 };
}

async function* pages(db: ThreadlineDB, size = 2000): AsyncGenerator<Article[]> {
  let last: string | undefined;
  for (;;) {
    const page = last === undefined ? await db.articles.orderBy(':id').limit(size).toArray() : await db.articles.where(':id').above(last).limit(size).toArray();
    if (page.length === 0) return;
    yield page;
    last = page[page.length - 1].id;
  }
}

/** The full-scan baseline's statistics: every posting row's document frequency, as the term log leaves them. */
async function allStats(db: ThreadlineDB): Promise<DocStats> {
  const stats: DocStats = { docs: 0, df: new Map() };
  const { rows, log } = await db.transaction('r', [db.postingBuckets, db.termLog], async (tx) => ({ rows: await bucketStore(tx.table('postingBuckets')).all(), log: await readTermLog(tx.table('termLog')) }));
  const all = new Map(rows.map((r) => [r.term, r.df ?? 0]));
  for (const [term, df] of log.df) all.set(term, df);
  for (const [term, df] of all) {
    if (df <= 0) continue;
    if (term === DOC_COUNT_KEY) stats.docs = df;
    else stats.df.set(term, df);
  }
  return stats;
}

/**
 * Match latency of the next `count` articles of the stream (not stored): the engine's match of a
 * new article (tests/bench/match-new.ts: ingest up to storing, in a transaction then aborted);
 * its candidate retrieval and scoring over every candidate and (as ingest does) within the event
 * window; and the related ranking the views show; for the first SEARCH_PROBES of them the lookup
 * box's word search (two words of the headline); for the first `scans` the full-scan baseline,
 * with the share of the baseline's top 10 that the engine's candidates hold; then `cold` more on
 * a fresh connection each (nothing kept in memory, as after the worker restarts), and one word
 * search so.
 */
async function probe(count: number, scans: number, cold: number): Promise<Record<string, number[]>> {
  const s = need();
  const out: Record<string, number[]> = { match: [], newEvent: [], matchAll: [], matchWindow: [], related: [], search: [], searchCold: [], candidates: [], scan: [], recall: [], cold: [], coldLog: [], coldLogMoves: [] };
  for (let k = 0; k < count && s.next + k < s.stream.size; k++) {
    const article = preparedArticle(s.stream, s.next + k);
    // First, so that nothing the other reads leave in memory helps it.
    let t = performance.now();
    const landed = await matchInAbortedTransaction(s.store, article, article.published);
    out.match.push(performance.now() - t);
    out.newEvent.push(landed.newEvent ? 1 : 0);
    t = performance.now();
    const query = await scoreCandidates(s.store, article);
    out.matchAll.push(performance.now() - t);
    // What ingest and the perspectives run: whole records only within the event window.
    t = performance.now();
    await scoreCandidates(s.store, article, EVENT_WINDOW_MS);
    out.matchWindow.push(performance.now() - t);
    // What the popup and the side panel ask for (lib/match/related.ts): more candidates, hub-penalised.
    t = performance.now();
    await rankRelated(s.store, article);
    out.related.push(performance.now() - t);
    out.candidates.push(query.candidates.length);
    if (k < SEARCH_PROBES) {
      // What the lookup box asks as the reader types (lib/background/context.ts): two of the headline's words.
      const words = article.title.split(/\s+/).filter((w) => w.length >= 3).slice(0, 2).join(' ');
      t = performance.now();
      await searchStore(s.db, words);
      out.search.push(performance.now() - t);
    }
    if (k >= scans) continue;
    t = performance.now();
    const top = await fullScanTopK(pages(s.db), article, await allStats(s.db), 10);
    out.scan.push(performance.now() - t);
    const found = new Set(query.candidates.map((c) => c.article.id));
    const relevant = top.filter((h) => h.score > 0);
    if (relevant.length > 0) out.recall.push(relevant.filter((h) => found.has(h.id)).length / relevant.length);
  }
  for (let k = 0; k < cold && s.next + count + k < s.stream.size; k++) {
    const db = openDatabase();
    await db.open();
    const article = preparedArticle(s.stream, s.next + count + k);
    const t = performance.now();
    await matchInAbortedTransaction(new DexieEngineStore(db), article, article.published);
    out.cold.push(performance.now() - t);
    db.close();
  }
  // What reading the term log takes of a cold match, and how long the log is (it is read whole
  // on a fresh connection; FOLD_AT bounds it): the cold figure holds whatever log ingest left.
  if (cold > 0) {
    const db = openDatabase();
    await db.open();
    const t = performance.now();
    const log = await readTermLog(db.termLog);
    out.coldLog.push(performance.now() - t);
    out.coldLogMoves.push(log.moveCount);
    db.close();
    // A word search on a fresh connection: it lists the stored terms first (lib/store/term-list.ts).
    const fresh = openDatabase();
    await fresh.open();
    const words = preparedArticle(s.stream, s.next).title.split(/\s+/).filter((w) => w.length >= 3).slice(0, 2).join(' ');
    const started = performance.now();
    await searchStore(fresh, words);
    out.searchCold.push(performance.now() - started);
    fresh.close();
  }
  return out;
}

function rawDb(name: string): Promise<IDBDatabase> {
  return new Promise((done, fail) => {
    const open = indexedDB.open(name);
    open.onsuccess = () => done(open.result);
    open.onerror = () => fail(open.error);
  });
}

function request<T>(req: IDBRequest<T>): Promise<T> {
  return new Promise((done, fail) => {
    req.onsuccess = () => done(req.result);
    req.onerror = () => fail(req.error);
  });
}

/** Rows per engine table, and the origin's usage growth since setup (navigator.storage.estimate). */
async function counts(): Promise<Record<string, number>> {
  const s = need();
  const idb = await rawDb(s.db.name);
  const tx = idb.transaction(ENGINE_TABLES);
  const out: Record<string, number> = {};
  for (const name of ENGINE_TABLES) out[name] = await request(tx.objectStore(name).count());
  // Posting rows: the terms of every bucket.
  const buckets = (await request(tx.objectStore('postingBuckets').getAll())) as { t: string[] }[];
  out.terms = buckets.reduce((sum, bucket) => sum + bucket.t.length, 0);
  idb.close();
  return { ...out, usage_bytes: (await usage()) - s.usageBefore };
}

export interface StoreSchema {
  name: string;
  keyPath: string;
  indexes: { name: string; keyPath: string; multiEntry: boolean; unique: boolean }[];
}

/** The engine's tables as IndexedDB declares them (for a copy elsewhere). */
async function schema(): Promise<StoreSchema[]> {
  const idb = await rawDb(need().db.name);
  const tx = idb.transaction(ENGINE_TABLES);
  const out = ENGINE_TABLES.map((name) => {
    const store = tx.objectStore(name);
    const indexes = [...store.indexNames].map((n) => store.index(n)).map((ix) => ({ name: ix.name, keyPath: ix.keyPath as string, multiEntry: ix.multiEntry, unique: ix.unique }));
    return { name, keyPath: store.keyPath as string, indexes };
  });
  idb.close();
  return out;
}

/** Up to `limit` records of a table as stored (no Dexie), after primary key `after`. */
async function rawPage(table: string, after: string | null, limit: number): Promise<unknown[]> {
  const idb = await rawDb(need().db.name);
  const rows = await request(idb.transaction(table).objectStore(table).getAll(after === null ? null : IDBKeyRange.lowerBound(after, true), limit));
  idb.close();
  return rows;
}

(globalThis as { __threadlineMatchBench?: unknown }).__threadlineMatchBench = { setup, ingest, probe, counts, schema, rawPage, calls: async () => takeCalls() };
