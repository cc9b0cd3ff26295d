// The term log (lib/store/term-log.ts): what an ingest batch changes in `terms` and `postings`,
// one row per batch, folded into them now and then. The engine store must answer the same
// whether the log is folded or not, folded every batch or every ten, and so must everybody
// else who reads or writes those tables (word search, retention, export and import).
import { Dexie } from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { searchStore } from '../../../lib/background/search';
import { scoreCandidates } from '../../../lib/match/candidates';
import { ingestArticles } from '../../../lib/match/ingest';
import { MemoryEngineStore } from '../../../lib/match/memory-store';
import { prepareArticle } from '../../../lib/match/prepare';
import type { EngineStore } from '../../../lib/match/types';
import { openDatabase, type ThreadlineDB } from '../../../lib/store/db';
import { DexieEngineStore } from '../../../lib/store/engine-store';
import { withId, withoutId } from '../../../lib/store/postings';
import { removeArticles } from '../../../lib/store/retention';
import { appendBatch, appendRow, applyMoves, emptyLog, FOLD_AT, foldTermLog, logRow, type Move } from '../../../lib/store/term-log';
import { clearStore, exportStore, importStore } from '../../../lib/store/transfer';
import { DEMO_ARTICLES, DEMO_NOW } from '../match/fixtures/demo-story';
import { tableReads } from '../../fixtures/table-reads';

let counter = 0;
const freshName = () => `term-log-test-${Date.now()}-${counter++}`;
const demo = () => DEMO_ARTICLES.map((a) => prepareArticle(a.input, a.outlet, DEMO_NOW));
const defaults = { ...FOLD_AT };

afterEach(() => Object.assign(FOLD_AT, defaults));

/** A deterministic pseudo-random sequence. */
function random(seed: number): () => number {
  let x = seed;
  return () => {
    x = (x * 1_103_515_245 + 12_345) % 2 ** 31;
    return x / 2 ** 31;
  };
}

/** What the engine answers about every article: placement, candidates, document frequencies, term lookups (in any order). */
async function answers(store: EngineStore, ids: readonly string[]): Promise<unknown[]> {
  const out: unknown[] = [];
  for (const id of ids) {
    const article = (await store.getArticle(id))!;
    const query = await scoreCandidates(store, article);
    const { docs, df } = await store.getDocFreqs(article.termKeys);
    out.push({ id, eventId: article.eventId, storyId: article.storyId, candidates: query.candidates.map((c) => [c.article.id, c.score]), docs, df: [...df], ids: (await store.getArticleIdsByTerms(article.termKeys)).map((list) => list.sort()) });
  }
  return out;
}

async function ingestInBatches(store: EngineStore, articles: ReturnType<typeof demo>, size: number): Promise<void> {
  for (let i = 0; i < articles.length; i += size) await ingestArticles(store, articles.slice(i, i + size), DEMO_NOW);
}

describe('term log', () => {
  it('applies moves as withId and withoutId would one at a time, past the cap too', () => {
    const next = random(7);
    for (let round = 0; round < 30; round++) {
      let ids = Array.from({ length: Math.floor(next() * 420) }, (_, i) => `a${i}`);
      const moves: Move[] = Array.from({ length: 1 + Math.floor(next() * 600) }, () => ({ id: `a${Math.floor(next() * 900)}`, add: next() < 0.8 }));
      const expected = moves.reduce((list, m) => (m.add ? withId(list, m.id) : withoutId(list, m.id)), ids);
      expect(applyMoves(ids, moves)).toEqual(expected);
      ids = expected;
    }
  });

  it('applies a few moves as withId and withoutId would: new ids, ids already listed, repeats, removals, at the cap', () => {
    const next = random(11);
    for (let round = 0; round < 400; round++) {
      const length = next() < 0.3 ? 395 + Math.floor(next() * 6) : Math.floor(next() * 50);
      const ids = Array.from({ length }, (_, i) => `a${i}`);
      // Mostly ids not listed (new articles), sometimes a listed one, a repeat or a removal.
      const moves: Move[] = Array.from({ length: 1 + Math.floor(next() * 8) }, (_, k) => {
        const roll = next();
        const id = roll < 0.7 ? `n${round}-${k}` : roll < 0.85 ? `a${Math.floor(next() * Math.max(length, 1))}` : `n${round}-0`;
        return { id, add: next() < 0.9 };
      });
      const expected = moves.reduce((list, m) => (m.add ? withId(list, m.id) : withoutId(list, m.id)), ids as readonly string[]);
      expect(applyMoves(ids, moves)).toEqual(expected);
    }
  });

  it('stores a batch as one row and reads it back, ids as numbers or as strings', () => {
    const moves = new Map<string, Move[]>([
      ['talks', [{ id: 'a1', add: true }, { id: 'x-2', add: true }]],
      ['ferry', [{ id: 'a1', add: false }]],
    ]);
    const numeric = logRow(1, new Map([['talks', 2], ['#docs', 2]]), new Map([['ferry', [{ id: 'a1', add: false }]]]));
    expect(numeric.mn).toBeInstanceOf(Float64Array);
    const named = logRow(2, new Map([['talks', 2]]), moves);
    expect(named.ms).toEqual(['a1', 'x-2', 'a1']);
    const log = emptyLog();
    appendRow(log, structuredClone(numeric));
    appendRow(log, structuredClone(named));
    expect(log).toMatchObject({ next: 3, rows: 2, moveCount: 4 });
    expect([...log.df]).toEqual([['talks', 2], ['#docs', 2]]);
    expect(log.moves.get('ferry')).toEqual([{ id: 'a1', add: false }, { id: 'a1', add: false }]);
    expect(log.moves.get('talks')).toEqual(moves.get('talks'));
  });

  it('reads stored rows into the log as appending the batches that wrote them does: document frequencies, moves in order, ids as numbers or strings', () => {
    const next = random(5);
    const batches = Array.from({ length: 12 }, (_, seq) => {
      const moves = new Map<string, Move[]>();
      const df = new Map<string, number>();
      const named = next() < 0.3;
      for (let k = 0; k < 60; k++) {
        const term = `w${Math.floor(next() * 25)}`;
        if (next() < 0.5) df.set(term, Math.floor(next() * 9));
        if (next() < 0.7) {
          const id = named && next() < 0.5 ? `x-${Math.floor(next() * 30)}` : `a${Math.floor(next() * 30).toString(36)}`;
          let list = moves.get(term);
          if (!list) moves.set(term, (list = []));
          list.push({ id, add: next() < 0.8 });
        }
      }
      return { seq: seq + 1, df, moves };
    });
    const rows = batches.map((b) => structuredClone(logRow(b.seq, b.df, b.moves)));
    const expected = emptyLog();
    const read = emptyLog();
    for (const batch of batches) appendBatch(expected, batch);
    for (const row of rows) appendRow(read, row);
    expect(read.moveCount).toBeGreaterThan(0);
    expect(rows.some((row) => row.ms)).toBe(true);
    expect({ ...read, df: [...read.df], moves: [...read.moves] }).toEqual({ ...expected, df: [...expected.df], moves: [...expected.moves] });
  });

  it.each([1, 3, 1000])('the engine store answers as the in-memory store does, folding every %i batches or so', async (every) => {
    // The demo story's batches move about 400 ids each.
    FOLD_AT.moves = every === 1000 ? 1_000_000 : every * 400;
    const db = openDatabase(freshName());
    const dexie = new DexieEngineStore(db);
    const memory = new MemoryEngineStore();
    const articles = demo();
    await ingestInBatches(dexie, articles, 2);
    await ingestInBatches(memory, articles, 2);
    // Re-ingested with other words: ids leave posting lists.
    const first = DEMO_ARTICLES[0];
    const rewritten = prepareArticle({ ...first.input, paragraphs: ['Zanzibar ferry timetables were revised on Tuesday.'], wordCount: 7, source: 'visit' }, first.outlet, DEMO_NOW);
    await ingestArticles(dexie, [rewritten], DEMO_NOW);
    await ingestArticles(memory, [rewritten], DEMO_NOW);
    const ids = articles.map((a) => a.id);
    const expected = await answers(memory, ids);
    expect(await answers(dexie, ids)).toEqual(expected);
    // A fresh store (nothing in memory) reads the log back; after a fold the tables say the same.
    expect(await answers(new DexieEngineStore(db), ids)).toEqual(expected);
    if (every === 1000) expect(await db.termLog.count()).toBeGreaterThan(0);
    await foldTermLog(db);
    expect(await db.termLog.count()).toBe(0);
    expect(await answers(new DexieEngineStore(db), ids)).toEqual(expected);
    db.close();
    await Dexie.delete(db.name);
  });

  /** A store with its log unfolded, and the same store folded (the reference). */
  async function twoStores(): Promise<[ThreadlineDB, ThreadlineDB]> {
    FOLD_AT.moves = 1_000_000;
    const dbs = [openDatabase(freshName()), openDatabase(freshName())] as const;
    for (const db of dbs) await ingestInBatches(new DexieEngineStore(db), demo(), 3);
    await foldTermLog(dbs[1]);
    expect(await dbs[0].termLog.count()).toBeGreaterThan(0);
    return [dbs[0], dbs[1]];
  }

  async function close(...dbs: ThreadlineDB[]): Promise<void> {
    for (const db of dbs) {
      db.close();
      await Dexie.delete(db.name);
    }
  }

  it('word search, export, retention and import see the log as folded', async () => {
    const [logged, folded] = await twoStores();
    for (const query of ['istanb ttp', 'doha talks', 'ceasefire']) expect(await searchStore(logged, query), query).toEqual(await searchStore(folded, query));
    expect((await exportStore(logged, DEMO_NOW)).jsonl).toBe((await exportStore(folded, DEMO_NOW)).jsonl);
    const gone = demo().slice(1, 3).map((a) => a.id);
    await removeArticles(logged, gone);
    await removeArticles(folded, gone);
    const ids = demo().map((a) => a.id).filter((id) => !gone.includes(id));
    expect(await answers(new DexieEngineStore(logged), ids)).toEqual(await answers(new DexieEngineStore(folded), ids));
    await close(logged, folded);
  });

  it('word search reads the term log only when the engine store holds none in memory, and finds the same either way', async () => {
    const [logged, folded] = await twoStores();
    let logReads = 0;
    const countLogReads = (db: ThreadlineDB) => db.use(tableReads('termLog', { query: () => logReads++, openCursor: () => logReads++ }));
    countLogReads(logged);
    // `logged` was written by the engine store on this connection: memory holds its log.
    const queries = ['istanb ttp', 'doha talks', 'ceasefire'];
    const hits = [];
    for (const query of queries) hits.push(await searchStore(logged, query));
    expect(logReads).toBe(0);
    // A new connection has nothing in memory: it reads the log, once, and keeps it.
    const fresh = openDatabase(logged.name);
    countLogReads(fresh);
    for (const [i, query] of queries.entries()) expect(await searchStore(fresh, query), query).toEqual(hits[i]);
    expect(logReads).toBe(1);
    for (const [i, query] of queries.entries()) expect(hits[i], query).toEqual(await searchStore(folded, query));
    fresh.close();
    await close(logged, folded);
  });

  it('an import over a store with an unfolded log replaces its term rows', async () => {
    const [logged, folded] = await twoStores();
    const { jsonl } = await exportStore(folded, DEMO_NOW);
    // Imported into a store whose log still holds other counts: the imported ones win.
    await ingestArticles(new DexieEngineStore(logged), demo().slice(0, 2).map((a) => ({ ...a, id: `${a.id}-copy`, url: `${a.url}?copy` })), DEMO_NOW);
    await clearStore(folded);
    await importStore(folded, jsonl);
    await importStore(logged, jsonl);
    const terms = [...new Set(demo().flatMap((a) => a.termKeys))];
    const copies = await new DexieEngineStore(logged).getDocFreqs(terms);
    expect(copies.docs).toBe(demo().length);
    expect(await new DexieEngineStore(logged).getDocFreqs(terms)).toEqual(await new DexieEngineStore(folded).getDocFreqs(terms));
    await close(logged, folded);
  });
});
