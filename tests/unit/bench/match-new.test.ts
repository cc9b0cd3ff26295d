// The bench's "match one new article" must leave the store exactly as it was (every probe
// matches against the same store) and land where a real ingest lands.
import { describe, expect, it } from 'vitest';
import { ingestArticles } from '../../../lib/match/ingest';
import { MemoryEngineStore } from '../../../lib/match/memory-store';
import { openDatabase, type ThreadlineDB } from '../../../lib/store/db';
import { DexieEngineStore } from '../../../lib/store/engine-store';
import { matchAndUndo, matchInAbortedTransaction } from '../../bench/match-new';
import { preparedArticle, syntheticNews } from '../../bench/synthetic-news';

const STORED = 150;
const PROBES = 10;
const stream = syntheticNews(STORED + PROBES, 7);
const article = (i: number) => preparedArticle(stream, i);

async function filled<T extends { transaction: unknown }>(store: T & Parameters<typeof ingestArticles>[0]): Promise<T> {
  for (let i = 0; i < STORED; i += 25) {
    const batch = Array.from({ length: 25 }, (_, k) => article(i + k));
    await ingestArticles(store, batch, batch[0].published);
  }
  return store;
}

/** Everything the memory store answers, in a comparable form. */
async function memoryState(store: MemoryEngineStore) {
  const terms = [...new Set([...store.articles.values()].flatMap((a) => a.termKeys))].sort();
  const stats = await store.getDocFreqs(terms);
  const ids = await store.getArticleIdsByTerms(terms);
  return {
    articles: [...store.articles.entries()].sort(),
    events: [...store.events.entries()].sort(),
    stories: [...store.stories.entries()].sort(),
    docs: stats.docs,
    df: [...stats.df.entries()],
    postings: ids.map((list) => [...list].sort()),
    byEvent: await Promise.all([...store.events.keys()].sort().map(async (e) => (await store.getArticlesByEvent(e)).map((a) => a.id))),
  };
}

async function dexieState(db: ThreadlineDB) {
  const tables = ['articles', 'events', 'stories', 'postingBuckets', 'termLog'] as const;
  return Object.fromEntries(await Promise.all(tables.map(async (t) => [t, await db.table(t).toArray()])));
}

describe('bench match: one new article matched, nothing kept', () => {
  it('on the memory store: the same landing as a real ingest, every change undone', async () => {
    const probed = await filled(new MemoryEngineStore());
    const before = await memoryState(probed);
    let joined = 0;
    for (let k = 0; k < PROBES; k++) {
      const next = article(STORED + k);
      const { result, undo } = await matchAndUndo(probed, next, next.published);
      await undo();
      expect(await memoryState(probed)).toEqual(before);
      const reference = await filled(new MemoryEngineStore());
      const [real] = await ingestArticles(reference, [next], next.published);
      expect(result).toEqual(real);
      if (!result.newEvent) joined += 1;
    }
    // The probes exercise joining events, not only starting them.
    expect(joined).toBeGreaterThan(0);
  });

  it('in IndexedDB: the transaction aborted, tables and later ingests as if it never ran', async () => {
    const db = openDatabase(`match-new-test-${Date.now()}`);
    const store = await filled(new DexieEngineStore(db));
    const before = await dexieState(db);
    const memory = await filled(new MemoryEngineStore());
    for (let k = 0; k < 5; k++) {
      const next = article(STORED + k);
      const result = await matchInAbortedTransaction(store, next, next.published);
      expect(await dexieState(db)).toEqual(before);
      const { result: expected, undo } = await matchAndUndo(memory, next, next.published);
      await undo();
      expect(result).toEqual(expected);
    }
    // Nothing the aborted transactions did stays in the store's memory either: real ingests of
    // the same articles land as they do on a store that never saw the probes.
    const probes = Array.from({ length: 5 }, (_, k) => article(STORED + k));
    expect(await ingestArticles(store, probes, probes[0].published)).toEqual(await ingestArticles(memory, probes, probes[0].published));
    db.close();
  });

  it('refuses an article that is stored already (that would be an update, not a match)', async () => {
    const store = await filled(new MemoryEngineStore());
    await expect(matchAndUndo(store, article(0), 0)).rejects.toThrow(/stored already/);
  });
});
