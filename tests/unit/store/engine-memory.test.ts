// The posting list cache of lib/store/engine-memory.ts: bounded by ids, least recently used out
// first, and what it dropped is read again from IndexedDB.
import type { DBCore, Middleware } from 'dexie';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../../lib/store/db';
import { CACHED_POSTING_IDS, LIST_WEIGHT, rememberLists, sharedFor, type Shared } from '../../../lib/store/engine-memory';
import { DexieEngineStore } from '../../../lib/store/engine-store';

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

/** Records the keys of every read of `postings` rows. */
function postingReads(keys: string[]): Middleware<DBCore> {
  return {
    stack: 'dbcore',
    name: 'posting-reads',
    create: (down) => ({
      ...down,
      table: (name) => {
        const table = down.table(name);
        if (name !== 'postings') return table;
        return {
          ...table,
          getMany: (req) => {
            keys.push(...(req.keys as string[]));
            return table.getMany(req);
          },
        };
      },
    }),
  };
}

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
    const db = openDatabase(freshName());
    const reads: string[] = [];
    db.use(postingReads(reads));
    // Sized from the real bound: `long` and `longer` together pass it, `longer` alone stays under nine tenths of it.
    const lists: Record<string, string[]> = {
      rare: ids(0, 10),
      long: ids(1_000_000, Math.floor(CACHED_POSTING_IDS / 6)),
      longer: ids(2_000_000, Math.floor((CACHED_POSTING_IDS * 5) / 6)),
    };
    await db.postings.bulkPut(Object.entries(lists).map(([term, list]) => ({ term, ids: list, df: list.length })));
    const store = new DexieEngineStore(db);
    const read = async (term: string): Promise<string[]> => (await store.transaction(() => store.getArticleIdsByTerms([term])))[0];
    expect(await read('rare')).toEqual(lists.rare);
    expect(await read('long')).toEqual(lists.long);
    // From memory, and now the most recently used.
    expect(await read('rare')).toEqual(lists.rare);
    expect(reads).toEqual(['rare', 'long']);
    expect(await read('longer')).toEqual(lists.longer);
    const shared = sharedFor(db);
    expect([...shared.postings.keys()]).toEqual(['rare', 'longer']);
    expect(shared.postingWeight).toBeLessThanOrEqual(CACHED_POSTING_IDS);
    expect(shared.postingWeight).toBe(weighed(shared));
    reads.length = 0;
    expect(await read('long')).toEqual(lists.long);
    expect(reads).toEqual(['long']);
    db.close();
  });
});
