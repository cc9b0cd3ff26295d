// The stored keys (lib/store/engine-memory.ts StoredKeys): once a bulk ingest has read them, the
// engine asks IndexedDB neither for new article ids nor for terms never stored, and it still
// finds whatever others stored meanwhile.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ingestArticles } from '../../../lib/match/ingest';
import { MemoryEngineStore } from '../../../lib/match/memory-store';
import { prepareArticle } from '../../../lib/match/prepare';
import type { EngineStore } from '../../../lib/match/types';
import { openDatabase } from '../../../lib/store/db';
import { KEYS_READ_FROM } from '../../../lib/store/engine-reads';
import { DexieEngineStore } from '../../../lib/store/engine-store';
import { DEMO_ARTICLES, DEMO_NOW } from '../match/fixtures/demo-story';
import { tableReads } from '../../fixtures/table-reads';
import { bucketOf } from '../../../lib/store/posting-buckets';

let counter = 0;
const freshName = () => `stored-keys-test-${Date.now()}-${counter++}`;
const prepared = DEMO_ARTICLES.map((a) => prepareArticle(a.input, a.outlet, DEMO_NOW));
const half = Math.ceil(prepared.length / 2);
const [early, late] = [prepared.slice(0, half), prepared.slice(half)];

async function placement(store: EngineStore): Promise<string[][]> {
  return (await store.getArticles(prepared.map((a) => a.id))).map((a) => [a?.id ?? '', a?.eventId ?? '', a?.storyId ?? '']);
}

describe('stored keys', () => {
  const usual = KEYS_READ_FROM.ids;
  // The demo's batches are smaller than a feed's.
  beforeEach(() => (KEYS_READ_FROM.ids = 2));
  afterEach(() => (KEYS_READ_FROM.ids = usual));

  it('after a bulk ingest of new articles, IndexedDB is asked neither for new ids nor for terms never stored; placement as in memory', async () => {
    const db = openDatabase(freshName());
    const ids: string[] = [];
    const buckets: number[] = [];
    db.use(tableReads('articles', { getMany: (req) => ids.push(...(req.keys as string[])) }));
    db.use(tableReads('postingBuckets', { getMany: (req) => buckets.push(...(req.keys as number[])) }));
    const store = new DexieEngineStore(db);
    await ingestArticles(store, early, DEMO_NOW);
    // The first batch checked its new ids in IndexedDB, then read the keys.
    expect(ids).toEqual(expect.arrayContaining(early.map((a) => a.id)));
    ids.length = 0;
    buckets.length = 0;
    await ingestArticles(store, late, DEMO_NOW);
    expect(ids.filter((id) => late.some((a) => a.id === id))).toEqual([]);
    const earlyTerms = new Set(early.flatMap((a) => a.termKeys));
    const newTerms = new Set(late.flatMap((a) => a.termKeys).filter((t) => !earlyTerms.has(t)));
    expect(newTerms.size).toBeGreaterThan(0);
    // Rows are read by bucket (lib/store/posting-buckets.ts): the buckets holding new terms only.
    const oldBuckets = new Set([...earlyTerms].map(bucketOf));
    const newOnly = new Set([...newTerms].map(bucketOf).filter((b) => !oldBuckets.has(b)));
    expect(newOnly.size).toBeGreaterThan(0);
    expect(buckets.filter((b) => newOnly.has(b))).toEqual([]);
    const memory = new MemoryEngineStore();
    await ingestArticles(memory, early, DEMO_NOW);
    await ingestArticles(memory, late, DEMO_NOW);
    expect(await placement(store)).toEqual(await placement(memory));
    db.close();
  });

  it('a small batch does not read the keys', async () => {
    KEYS_READ_FROM.ids = 20;
    const db = openDatabase(freshName());
    let cursors = 0;
    db.use(tableReads('articles', { openCursor: () => cursors++, query: () => cursors++ }));
    await ingestArticles(new DexieEngineStore(db), early, DEMO_NOW);
    expect(cursors).toBe(0);
    db.close();
  });

  it('an article stored by someone else after the keys were read is found, not taken for new', async () => {
    const db = openDatabase(freshName());
    const store = new DexieEngineStore(db);
    await ingestArticles(store, early, DEMO_NOW);
    const other = { ...late[0], eventId: 'e-elsewhere', storyId: 's-elsewhere' };
    await db.articles.put(other);
    const [result] = await ingestArticles(store, [late[0]], DEMO_NOW);
    expect(result.created).toBe(false);
    expect(result.eventId).toBe('e-elsewhere');
    db.close();
  });

  it('a batch that fails adds nothing to the keys: its article is new when it comes again', async () => {
    const db = openDatabase(freshName());
    const store = new DexieEngineStore(db);
    await ingestArticles(store, early, DEMO_NOW);
    await expect(
      store.transaction(async () => {
        await ingestArticles(store, [late[0]], DEMO_NOW);
        throw new Error('the worker was stopped');
      }),
    ).rejects.toThrow('stopped');
    const [result] = await ingestArticles(store, [late[0]], DEMO_NOW);
    expect(result.created).toBe(true);
    expect((await db.articles.get(late[0].id))?.id).toBe(late[0].id);
    db.close();
  });
});
