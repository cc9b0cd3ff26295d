// The posting list cache of lib/store/engine-memory.ts: bounded by ids, least recently used out
// first, and what it dropped is read again from IndexedDB; what it holds stays what IndexedDB
// says through batches that move ids in lists they never read, and through folds.
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../../lib/store/db';
import { CACHED_POSTING_IDS, LIST_WEIGHT, rememberLists, sharedFor, type Shared } from '../../../lib/store/engine-memory';
import { DexieEngineStore } from '../../../lib/store/engine-store';
import { ingestArticles } from '../../../lib/match/ingest';
import { prepareArticle } from '../../../lib/match/prepare';
import { FOLD_AT } from '../../../lib/store/term-log';
import { DEMO_ARTICLES, DEMO_NOW } from '../match/fixtures/demo-story';
import { putPostingRows } from '../../fixtures/posting-rows';
import { tableReads } from '../../fixtures/table-reads';
import { bucketOf } from '../../../lib/store/posting-buckets';

const foldDefaults = { ...FOLD_AT };
const postingBound = CACHED_POSTING_IDS.ids;
afterEach(() => {
  Object.assign(FOLD_AT, foldDefaults);
  CACHED_POSTING_IDS.ids = postingBound;
});

let counter = 0;
const freshName = () => `engine-memory-test-${Date.now()}-${counter++}`;

/** `n` article ids as the engine spells them ('a' and a base-36 number), from `from` on. */
const ids = (from: number, n: number): string[] => Array.from({ length: n }, (_, i) => `a${(from + i).toString(36)}`);

/** What the cached lists weigh, counted afresh. */
function weighed(shared: Shared): number {
  let sum = 0;
  for (const list of shared.postings.values()) sum += list.length + LIST_WEIGHT;
  return sum;
}

/** Records the buckets of every read of posting rows (lib/store/posting-buckets.ts). */
const postingReads = (keys: number[]) => tableReads('postingBuckets', { getMany: (req) => keys.push(...(req.keys as number[])) });

describe('the posting list cache', () => {
  it('never holds more ids than its bound, and counts what it holds', () => {
    const shared = sharedFor(openDatabase(freshName()));
    const bound = 100;
    // A fixed pseudo-random sequence of lists (Park–Miller), terms often remembered again.
    let seed = 1;
    const next = () => (seed = (seed * 48_271) % 2_147_483_647);
    for (let step = 0; step < 500; step++) {
      const term = `t${next() % 30}`;
      rememberLists(shared, [[term, ids(step * 100, 1 + (next() % 40))]], bound);
      expect(shared.postingWeight).toBeLessThanOrEqual(bound);
      expect(shared.postingWeight).toBe(weighed(shared));
    }
  });

  it('drops the least recently remembered lists first, down to nine tenths of the bound', () => {
    const shared = sharedFor(openDatabase(freshName()));
    const bound = 100;
    // Each list of 20 ids weighs 22.
    rememberLists(shared, [['a', ids(0, 20)], ['b', ids(100, 20)], ['c', ids(200, 20)]], bound);
    rememberLists(shared, [['a', ids(0, 20)]], bound);
    rememberLists(shared, [['d', ids(300, 30)]], bound);
    expect([...shared.postings.keys()]).toEqual(['b', 'c', 'a', 'd']);
    expect(shared.postingWeight).toBe(98);
    // 110 > 100: `b`, remembered longest ago, goes (88 ≤ 90); `a` was remembered again after it.
    rememberLists(shared, [['e', ids(400, 10)]], bound);
    expect([...shared.postings.keys()]).toEqual(['c', 'a', 'd', 'e']);
    expect(shared.postingWeight).toBe(88);
  });

  it('a list the store dropped from memory is read again from IndexedDB, the same ids', async () => {
    CACHED_POSTING_IDS.ids = 60_000;
    const db = openDatabase(freshName());
    const reads: number[] = [];
    db.use(postingReads(reads));
    // Sized from the real bound: `long` and `longer` together pass it, `longer` alone stays under nine tenths of it.
    const lists: Record<string, string[]> = {
      rare: ids(0, 10),
      long: ids(1_000_000, Math.floor(CACHED_POSTING_IDS.ids / 6)),
      longer: ids(2_000_000, Math.floor((CACHED_POSTING_IDS.ids * 5) / 6)),
    };
    await putPostingRows(db, Object.entries(lists).map(([term, list]) => ({ term, ids: list, df: list.length })));
    // Writing read the buckets it merged into.
    reads.length = 0;
    const store = new DexieEngineStore(db);
    const read = async (term: string): Promise<string[]> => (await store.transaction(() => store.getArticleIdsByTerms([term])))[0];
    expect(await read('rare')).toEqual(lists.rare);
    expect(await read('long')).toEqual(lists.long);
    // From memory, and now the most recently used.
    expect(await read('rare')).toEqual(lists.rare);
    expect(reads).toEqual([bucketOf('rare'), bucketOf('long')]);
    expect(await read('longer')).toEqual(lists.longer);
    const shared = sharedFor(db);
    expect([...shared.postings.keys()]).toEqual(['rare', 'longer']);
    expect(shared.postingWeight).toBeLessThanOrEqual(CACHED_POSTING_IDS.ids);
    expect(shared.postingWeight).toBe(weighed(shared));
    reads.length = 0;
    expect(await read('long')).toEqual(lists.long);
    expect(reads).toEqual([bucketOf('long')]);
    db.close();
  });

  it('a list in memory gets the moves of a batch that did not read it: read next from memory, as IndexedDB has it', async () => {
    const name = freshName();
    const db = openDatabase(name);
    const reads: number[] = [];
    db.use(postingReads(reads));
    const store = new DexieEngineStore(db);
    const [article] = DEMO_ARTICLES.map((a) => prepareArticle(a.input, a.outlet, DEMO_NOW));
    const term = article.termKeys[0];
    const read = async (): Promise<string[]> => (await store.transaction(() => store.getArticleIdsByTerms([term])))[0];
    expect(await read()).toEqual([]);
    expect(reads).toEqual([bucketOf(term)]);
    // Puts the article: its terms gain its id, and no list is read.
    await store.transaction(() => store.putArticles([article]));
    expect(reads).toEqual([bucketOf(term)]);
    expect(await read()).toEqual([article.id]);
    expect(reads).toEqual([bucketOf(term)]);
    // What a connection with nothing in memory reads from IndexedDB and the term log.
    const fresh = openDatabase(name);
    expect((await new DexieEngineStore(fresh).getArticleIdsByTerms([term]))[0]).toEqual([article.id]);
    fresh.close();
    db.close();
  });

  it('a list a fold read from IndexedDB is kept: read next from memory', async () => {
    Object.assign(FOLD_AT, { rows: 1 });
    const db = openDatabase(freshName());
    try {
      const reads: number[] = [];
      db.use(postingReads(reads));
      const [article] = DEMO_ARTICLES.map((a) => prepareArticle(a.input, a.outlet, DEMO_NOW));
      const term = article.termKeys[0];
      await putPostingRows(db, [{ term, ids: ['a1'], df: 1 }]);
      const store = new DexieEngineStore(db);
      // Folds at once: the fold reads the row (memory has not got it), moves the id in, writes it.
      await store.transaction(() => store.putArticles([article]));
      expect(reads).toContain(bucketOf(term));
      reads.length = 0;
      expect((await store.transaction(() => store.getArticleIdsByTerms([term])))[0]).toEqual(['a1', article.id]);
      expect(reads).toEqual([]);
    } finally {
      db.close();
    }
  });

  it('every list memory holds equals what IndexedDB holds, after every batch, folding or not', async () => {
    const articles = DEMO_ARTICLES.map((a) => prepareArticle(a.input, a.outlet, DEMO_NOW));
    for (const foldAt of [3, 1_000_000]) {
      Object.assign(FOLD_AT, { rows: foldAt });
      const name = freshName();
      const db = openDatabase(name);
      const store = new DexieEngineStore(db);
      try {
        for (let i = 0; i < articles.length; i += 2) {
          await ingestArticles(store, articles.slice(i, i + 2), DEMO_NOW);
          const held = [...sharedFor(db).postings];
          // Lists of terms the batches only moved ids in are held too, not only those read.
          expect(held.length).toBeGreaterThan(0);
          const fresh = openDatabase(name);
          const stored = await new DexieEngineStore(fresh).getArticleIdsByTerms(held.map(([term]) => term));
          fresh.close();
          expect(held.map(([term, ids]) => [term, [...ids]])).toEqual(held.map(([term], k) => [term, stored[k]]));
        }
        expect(sharedFor(db).postings.size).toBeGreaterThan(articles[0].termKeys.length);
      } finally {
        db.close();
      }
    }
  });
});
