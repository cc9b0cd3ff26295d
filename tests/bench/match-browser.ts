// The in-browser half of `bench match` (tests/bench/match-chromium.ts bundles this file and runs
// it in the extension's service worker): the extension's own modules — prepareArticle, the
// engine's ingest and candidate scoring, DexieEngineStore over the `threadline` database — on
// the real IndexedDB of the extension's origin. Each call does one step and returns its numbers;
// the state between calls lives on globalThis.
import { pickQueryTerms, scoreCandidates } from '../../lib/match/candidates';
import { ingestArticles } from '../../lib/match/ingest';
import { prepareArticle } from '../../lib/match/prepare';
import { cosine, toVector, type DocStats } from '../../lib/match/similarity';
import { MAX_CANDIDATES } from '../../lib/match/thresholds';
import { openDatabase, type ThreadlineDB } from '../../lib/store/db';
import { DexieEngineStore, DOC_COUNT_KEY } from '../../lib/store/engine-store';
import type { Article } from '../../lib/types';
import { fullScanTopK } from './full-scan';
import { syntheticNews, type SyntheticStream } from './synthetic-news';

interface State {
  db: ThreadlineDB;
  store: DexieEngineStore;
  stream: SyntheticStream;
  next: number;
  usageBefore: number;
}

let state: State | undefined;

const ENGINE_TABLES = ['articles', 'events', 'stories', 'terms'];

/** Time and calls per store method (the engine awaits them one at a time, so times add up). */
const calls: Record<string, { n: number; ms: number }> = {};

function timed<T extends object>(target: T): T {
  return new Proxy(target, {
    get(obj, key, receiver) {
      const value = Reflect.get(obj, key, receiver);
      if (typeof value !== 'function') return value;
      if (key === 'transaction' || typeof key !== 'string' || key.startsWith('_')) return value.bind(obj);
      return async (...args: unknown[]) => {
        const t = performance.now();
        try {
          return await value.apply(obj, args);
        } finally {
          const entry = (calls[String(key)] ??= { n: 0, ms: 0 });
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
  return out;
}

function need(): State {
  if (!state) throw new Error('bench state lost (was the service worker restarted?)');
  return state;
}

/** Article i of the stream as stored without body text (the size target excludes it). */
function prepared(stream: SyntheticStream, i: number): Article {
  const a = stream.article(i);
  return { ...prepareArticle(a.input, a.outlet, a.published), body: '' };
}

async function usage(): Promise<number> {
  return (await navigator.storage.estimate()).usage ?? 0;
}

async function setup(size: number, seed: number): Promise<Record<string, number>> {
  const stream = syntheticNews(size, seed);
  const db = openDatabase();
  await db.open();
  if ((await db.articles.count()) > 0) throw new Error('the store is not empty');
  state = { db, store: timed(new DexieEngineStore(db)), stream, next: 0, usageBefore: await usage() };
  return { days: stream.days, events: stream.events, stories: stream.stories, usage_before: state.usageBefore };
}

/** Ingests the next `count` articles of the stream in batches (one transaction each). */
async function ingest(count: number, batch: number): Promise<Record<string, number>> {
  const s = need();
  const end = Math.min(s.stream.size, s.next + count);
  let engineMs = 0;
  let prepareMs = 0;
  let generateMs = 0;
  while (s.next < end) {
    const stop = Math.min(end, s.next + batch);
    let t = performance.now();
    const raw = [];
    for (let i = s.next; i < stop; i++) raw.push(s.stream.article(i));
    generateMs += performance.now() - t;
    t = performance.now();
    const articles = raw.map((a) => ({ ...prepareArticle(a.input, a.outlet, a.published), body: '' }));
    prepareMs += performance.now() - t;
    t = performance.now();
    await ingestArticles(s.store, articles, articles[0].published);
    engineMs += performance.now() - t;
    s.next = stop;
  }
  return { stored: s.next, engine_ms: engineMs, prepare_ms: prepareMs, generate_ms: generateMs };
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

/**
 * What scoreCandidates would cost with another retrieval (diagnostics for lib/match, which this
 * bench does not change): `parallel` reads the query terms' index entries with records all at
 * once instead of one term after the other; `ids` reads only their keys, all at once, then the
 * best MAX_CANDIDATES records by id. Scoring is the engine's.
 */
async function variant(s: State, article: Article, how: 'parallel' | 'ids'): Promise<number> {
  const queryStats = await s.store.getDocFreqs(article.termKeys);
  const terms = pickQueryTerms(article, queryStats);
  const hits = new Map<string, number>();
  let records = new Map<string, Article>();
  if (how === 'parallel') {
    for (const list of await Promise.all(terms.map((t) => s.store.getArticlesByTerm(t)))) {
      for (const a of list) {
        hits.set(a.id, (hits.get(a.id) ?? 0) + 1);
        records.set(a.id, a);
      }
    }
  } else {
    for (const keys of await Promise.all(terms.map((t) => s.db.articles.where('termKeys').equals(t).primaryKeys()))) for (const id of keys) hits.set(id, (hits.get(id) ?? 0) + 1);
  }
  hits.delete(article.id);
  const best = [...hits].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).slice(0, MAX_CANDIDATES).map(([id]) => id);
  if (how === 'ids') records = new Map((await s.store.getArticles(best)).filter((a): a is Article => a !== undefined).map((a) => [a.id, a]));
  const found = best.map((id) => records.get(id)).filter((a): a is Article => a !== undefined);
  const stats = await s.store.getDocFreqs([...new Set([...article.termKeys, ...found.flatMap((c) => c.termKeys)])]);
  const vector = toVector(article.terms, stats);
  let top = 0;
  for (const c of found) top = Math.max(top, cosine(vector, toVector(c.terms, stats)));
  return top;
}

/**
 * Match latency of the next `count` articles of the stream (not stored): the engine's candidate
 * retrieval and scoring; and for the first `scans` of them the full-scan baseline, with the
 * share of the baseline's top 10 that the engine's candidates hold.
 */
async function probe(count: number, scans: number): Promise<Record<string, number[]>> {
  const s = need();
  const match: number[] = [];
  const candidates: number[] = [];
  const scan: number[] = [];
  const recall: number[] = [];
  const parallel: number[] = [];
  const ids: number[] = [];
  const cold: number[] = [];
  for (let k = 0; k < count && s.next + k < s.stream.size; k++) {
    const article = prepared(s.stream, s.next + k);
    let t = performance.now();
    const query = await scoreCandidates(s.store, article);
    match.push(performance.now() - t);
    candidates.push(query.candidates.length);
    t = performance.now();
    await variant(s, article, 'parallel');
    parallel.push(performance.now() - t);
    t = performance.now();
    await variant(s, article, 'ids');
    ids.push(performance.now() - t);
    if (k >= scans) continue;
    t = performance.now();
    const rows = await s.db.terms.toArray();
    const stats: DocStats = { docs: 0, df: new Map() };
    for (const r of rows) {
      if (r.term === DOC_COUNT_KEY) stats.docs = r.df;
      else stats.df.set(r.term, r.df);
    }
    const top = await fullScanTopK(pages(s.db), article, stats, 10);
    scan.push(performance.now() - t);
    const found = new Set(query.candidates.map((c) => c.article.id));
    const relevant = top.filter((h) => h.score > 0);
    if (relevant.length > 0) recall.push(relevant.filter((h) => found.has(h.id)).length / relevant.length);
  }
  // The first match after the worker started: nothing kept in memory yet (a fresh connection).
  for (let k = 0; k < Math.min(count, 5); k++) {
    const db = openDatabase();
    await db.open();
    const fresh = new DexieEngineStore(db);
    const article = prepared(s.stream, s.next + count + k);
    const t = performance.now();
    await scoreCandidates(fresh, article);
    cold.push(performance.now() - t);
    db.close();
  }
  return { match, candidates, scan, recall, parallel, ids, cold };
}

/**
 * What the store holds: the origin's usage growth since setup (navigator.storage.estimate),
 * and, read raw from IndexedDB (bypassing Dexie), the JSON size of a sample of stored article
 * records without body plus the keys of their index entries.
 */
async function bytes(sample = 1000): Promise<Record<string, number>> {
  const s = need();
  const raw = await new Promise<{ records: Record<string, unknown>[]; indexes: { keyPath: string | string[]; multiEntry: boolean }[]; counts: Record<string, number> }>((done, fail) => {
    const open = indexedDB.open(s.db.name);
    open.onerror = () => fail(open.error);
    open.onsuccess = () => {
      const idb = open.result;
      const tx = idb.transaction([...idb.objectStoreNames], 'readonly');
      const articles = tx.objectStore('articles');
      const indexes = [...articles.indexNames].map((n) => articles.index(n)).map((ix) => ({ keyPath: ix.keyPath, multiEntry: ix.multiEntry }));
      const counts: Record<string, number> = {};
      for (const name of idb.objectStoreNames) {
        const req = tx.objectStore(name).count();
        req.onsuccess = () => (counts[name] = req.result);
      }
      const req = articles.getAll(null, sample);
      tx.oncomplete = () => {
        done({ records: req.result as Record<string, unknown>[], indexes, counts });
        idb.close();
      };
      tx.onerror = () => fail(tx.error);
    };
  });
  let json = 0;
  let index = 0;
  for (const record of raw.records) {
    json += JSON.stringify({ ...record, body: '' }).length;
    const id = String(record.id);
    for (const ix of raw.indexes) {
      if (typeof ix.keyPath !== 'string') continue;
      const value = record[ix.keyPath];
      const keys = ix.multiEntry && Array.isArray(value) ? value : value === undefined ? [] : [value];
      for (const key of keys) index += JSON.stringify(key).length + id.length;
    }
  }
  const n = Math.max(raw.records.length, 1);
  const articles = raw.counts.articles ?? 0;
  const grown = (await usage()) - s.usageBefore;
  return {
    articles,
    usage_bytes: grown,
    usage_bytes_per_article: Math.round(grown / Math.max(articles, 1)),
    json_bytes_per_article: Math.round(json / n),
    index_key_bytes_per_article: Math.round(index / n),
    events: raw.counts.events ?? 0,
    stories: raw.counts.stories ?? 0,
    terms: raw.counts.terms ?? 0,
  };
}

interface StoreSchema {
  name: string;
  keyPath: string;
  indexes: { name: string; keyPath: string; multiEntry: boolean; unique: boolean }[];
}

function rawDb(name: string): Promise<IDBDatabase> {
  return new Promise((done, fail) => {
    const open = indexedDB.open(name);
    open.onsuccess = () => done(open.result);
    open.onerror = () => fail(open.error);
  });
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
  const rows = await new Promise<unknown[]>((done, fail) => {
    const req = idb.transaction(table).objectStore(table).getAll(after === null ? null : IDBKeyRange.lowerBound(after, true), limit);
    req.onsuccess = () => done(req.result);
    req.onerror = () => fail(req.error);
  });
  idb.close();
  return rows;
}

/**
 * What one term lookup costs at this size, straight from IndexedDB (no Dexie): the index
 * entries of the query terms of the next `count` articles, read with their records (getAll)
 * and as keys only (getAllKeys).
 */
async function reads(count: number): Promise<Record<string, number>> {
  const s = need();
  const terms: string[] = [];
  for (let k = 0; k < count && s.next + k < s.stream.size; k++) {
    const article = prepared(s.stream, s.next + k);
    terms.push(...pickQueryTerms(article, await s.store.getDocFreqs(article.termKeys)));
  }
  const idb = await new Promise<IDBDatabase>((done, fail) => {
    const open = indexedDB.open(s.db.name);
    open.onsuccess = () => done(open.result);
    open.onerror = () => fail(open.error);
  });
  const time = async (how: 'getAll' | 'getAllKeys') => {
    let entries = 0;
    const t = performance.now();
    for (const term of terms) {
      entries += await new Promise<number>((done, fail) => {
        const req = idb.transaction('articles').objectStore('articles').index('termKeys')[how](term);
        req.onsuccess = () => done(req.result.length);
        req.onerror = () => fail(req.error);
      });
    }
    return { ms: performance.now() - t, entries };
  };
  const records = await time('getAll');
  const keys = await time('getAllKeys');
  idb.close();
  return {
    lookups: terms.length,
    entries_per_lookup: records.entries / Math.max(terms.length, 1),
    records_ms_per_lookup: records.ms / Math.max(terms.length, 1),
    keys_ms_per_lookup: keys.ms / Math.max(terms.length, 1),
    records_us_per_entry: (1000 * records.ms) / Math.max(records.entries, 1),
    keys_us_per_entry: (1000 * keys.ms) / Math.max(keys.entries, 1),
  };
}

(globalThis as { __threadlineMatchBench?: unknown }).__threadlineMatchBench = { setup, ingest, probe, bytes, schema, rawPage, reads, calls: async () => takeCalls() };
