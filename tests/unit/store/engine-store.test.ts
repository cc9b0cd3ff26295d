import { Dexie } from 'dexie';
import { describe, expect, it } from 'vitest';
import { ingestArticles } from '../../../lib/match/ingest';
import { MemoryEngineStore } from '../../../lib/match/memory-store';
import { getPerspectives } from '../../../lib/match/perspectives';
import { prepareArticle } from '../../../lib/match/prepare';
import { getTrail } from '../../../lib/match/trail';
import type { EngineStore } from '../../../lib/match/types';
import { applySchema, openDatabase, engineTablesGeneration } from '../../../lib/store/db';
import { clearStoredArticles, exportStore, importStore } from '../../../lib/store/transfer';
import { DexieEngineStore } from '../../../lib/store/engine-store';
import { DOC_COUNT_KEY } from '../../../lib/store/postings';
import { SCHEMA_VERSIONS } from '../../../lib/store/schema';
import { foldTermLog } from '../../../lib/store/term-log';
import { DEMO_ARTICLES, DEMO_NOW, DOHA, ISTANBUL } from '../match/fixtures/demo-story';
import { tableReads } from '../../fixtures/table-reads';
import { postingRow } from '../../fixtures/posting-rows';
import { bucketOf } from '../../../lib/store/posting-buckets';

let counter = 0;
const freshName = () => `engine-store-test-${Date.now()}-${counter++}`;

async function ingestDemo(store: EngineStore): Promise<void> {
  await ingestArticles(store, DEMO_ARTICLES.map((a) => prepareArticle(a.input, a.outlet, DEMO_NOW)), DEMO_NOW);
}

async function placement(store: EngineStore): Promise<string[][]> {
  const ids = DEMO_ARTICLES.map((a) => prepareArticle(a.input, a.outlet, DEMO_NOW).id);
  const articles = await store.getArticles(ids);
  return articles.map((a) => [a!.id, a!.eventId, a!.storyId]);
}

describe('DexieEngineStore', () => {
  it('places the demo story exactly as the in-memory store does', async () => {
    const db = openDatabase(freshName());
    const dexie = new DexieEngineStore(db);
    const memory = new MemoryEngineStore();
    await ingestDemo(dexie);
    await ingestDemo(memory);
    expect(await placement(dexie)).toEqual(await placement(memory));
    db.close();
  });

  it('serves trail and perspectives from IndexedDB', async () => {
    const db = openDatabase(freshName());
    const store = new DexieEngineStore(db);
    await ingestDemo(store);
    const ist = prepareArticle(ISTANBUL[0].input, ISTANBUL[0].outlet, DEMO_NOW);
    const trail = await getTrail(store, ist.id, DEMO_NOW);
    expect(trail.dots.length).toBeGreaterThanOrEqual(2);
    expect(trail.dots[0].isCurrent).toBe(true);
    const doha = prepareArticle(DOHA[0].input, DOHA[0].outlet, DEMO_NOW);
    const perspectives = await getPerspectives(store, doha.id);
    expect(perspectives.outlets.length).toBe(3);
    db.close();
  });

  it('keeps document frequencies incrementally and never duplicates a re-ingested article', async () => {
    const db = openDatabase(freshName());
    const store = new DexieEngineStore(db);
    await ingestDemo(store);
    await ingestDemo(store);
    expect(await db.articles.count()).toBe(DEMO_ARTICLES.length);
    // The tables as the term log leaves them (lib/store/term-log.ts).
    await foldTermLog(db);
    expect((await postingRow(db, DOC_COUNT_KEY))?.df).toBe(DEMO_ARTICLES.length);
    const { df } = await store.getDocFreqs(['@doha']);
    const withDoha = (await db.articles.toArray()).filter((a) => a.termKeys.includes('@doha')).map((a) => a.id);
    expect(df.get('@doha')).toBe(withDoha.length);
    expect((await postingRow(db, '@doha'))?.ids.sort()).toEqual(withDoha.sort());
    db.close();
  });

  it('upgrades a version 1 database to version 2, keeping every record and counting terms', async () => {
    const name = freshName();
    const v1 = new Dexie(name);
    applySchema(v1, SCHEMA_VERSIONS.filter((v) => v.version === 1));
    const articles = DEMO_ARTICLES.slice(0, 3).map((a) => ({ ...prepareArticle(a.input, a.outlet, DEMO_NOW), eventId: 'e1', storyId: 's1' }));
    await v1.table('articles').bulkPut(articles);
    await v1.table('events').put({ id: 'e1', storyId: 's1' });
    v1.close();
    const db = openDatabase(name);
    expect(await db.articles.count()).toBe(3);
    expect(await db.events.count()).toBe(1);
    expect((await postingRow(db, DOC_COUNT_KEY))?.df).toBe(3);
    const store = new DexieEngineStore(db);
    const { df } = await store.getDocFreqs([articles[0].termKeys[0]]);
    expect(df.get(articles[0].termKeys[0])).toBeGreaterThanOrEqual(1);
    db.close();
  });

  it('remembers document frequencies across batches, and forgets them when others write terms', async () => {
    const db = openDatabase(freshName());
    const store = new DexieEngineStore(db);
    const before = engineTablesGeneration(db);
    await ingestDemo(store);
    // The engine's own writes do not count as somebody else's.
    expect(engineTablesGeneration(db)).toBe(before);
    const term = '@doha';
    const counted = (await store.getDocFreqs([term])).df.get(term)!;
    expect(counted).toBeGreaterThan(0);
    const { jsonl } = await exportStore(db, DEMO_NOW);
    await clearStoredArticles(db, DEMO_NOW);
    expect(engineTablesGeneration(db)).toBeGreaterThan(before);
    expect(await store.getDocFreqs([term])).toEqual({ docs: 0, df: new Map([[term, 0]]) });
    // Written back behind the store's back (one terms row: the import's duplicate check knows no `term` key).
    const [header, ...lines] = jsonl.trim().split('\n');
    const row = lines.find((l) => l.startsWith('{"table":"terms"') && l.includes(`"term":"${term}"`))!;
    await importStore(db, [header, row].join('\n') + '\n');
    expect((await store.getDocFreqs([term])).df.get(term)).toBe(counted);
    db.close();
  });

  it('a batch that fails leaves nothing behind, stored or remembered', async () => {
    const db = openDatabase(freshName());
    const store = new DexieEngineStore(db);
    await ingestDemo(store);
    const before = await store.getDocFreqs(['@doha', 'never-seen']);
    const articles = await db.articles.count();
    await expect(
      store.transaction(async () => {
        await store.addDocFreqs(new Map([['@doha', 5], ['never-seen', 2]]), 7);
        await store.putArticles([{ ...prepareArticle(DEMO_ARTICLES[0].input, DEMO_ARTICLES[0].outlet, DEMO_NOW), id: 'a-partial', url: 'https://x.example/partial' }]);
        expect((await store.getDocFreqs(['@doha'])).df.get('@doha')).toBe(before.df.get('@doha')! + 5);
        throw new Error('the worker was stopped');
      }),
    ).rejects.toThrow('stopped');
    expect(await store.getDocFreqs(['@doha', 'never-seen'])).toEqual(before);
    expect(await db.articles.count()).toBe(articles);
    expect(await store.getArticle('a-partial')).toBeUndefined();
    db.close();
  });

  it('two batches at once both count: the later one does not build on what the other had not committed', async () => {
    const db = openDatabase(freshName());
    const articles = DEMO_ARTICLES.map((a) => prepareArticle(a.input, a.outlet, DEMO_NOW));
    const [first, ...rest] = articles;
    await ingestArticles(new DexieEngineStore(db), [first], DEMO_NOW);
    const reader = new DexieEngineStore(db);
    await reader.getDocFreqs(first.termKeys);
    const half = Math.ceil(rest.length / 2);
    await Promise.all([ingestArticles(new DexieEngineStore(db), rest.slice(0, half), DEMO_NOW), ingestArticles(new DexieEngineStore(db), rest.slice(half), DEMO_NOW)]);
    const stats = await reader.getDocFreqs(articles.flatMap((a) => a.termKeys));
    expect(stats.docs).toBe(articles.length);
    for (const [term, df] of stats.df) expect(df, term).toBe(articles.filter((a) => a.termKeys.includes(term)).length);
    db.close();
  });

  it('a batch that starts while another runs reads what that one commits, not what memory held before', async () => {
    const db = openDatabase(freshName());
    const store = new DexieEngineStore(db);
    await store.transaction(() => store.addDocFreqs(new Map([['talks', 1]]), 1));
    expect((await store.getDocFreqs(['talks'])).df.get('talks')).toBe(1);
    const [a, b] = [new DexieEngineStore(db), new DexieEngineStore(db)];
    await Promise.all([a.transaction(() => a.addDocFreqs(new Map([['talks', 1]]), 1)), b.transaction(() => b.addDocFreqs(new Map([['talks', 1]]), 1))]);
    expect(await store.getDocFreqs(['talks'])).toEqual({ docs: 3, df: new Map([['talks', 3]]) });
    await foldTermLog(db);
    expect((await postingRow(db, 'talks'))?.df).toBe(3);
    expect(await store.getDocFreqs(['talks'])).toEqual({ docs: 3, df: new Map([['talks', 3]]) });
    db.close();
  });

  it('engine transactions asked for at once run one at a time, in order, each from memory; a failed one does not stop the rest', async () => {
    const db = openDatabase(freshName());
    const store = new DexieEngineStore(db);
    await store.transaction(() => store.addDocFreqs(new Map([['talks', 1]]), 1));
    const reads: number[] = [];
    db.use(tableReads('postingBuckets', { getMany: (req) => reads.push(...(req.keys as number[])), get: (req) => reads.push(req.key as number) }));
    const log: string[] = [];
    // As feeds refreshed together ask: each through a store of its own.
    const job = (k: number) => {
      const own = new DexieEngineStore(db);
      return own.transaction(async () => {
        log.push(`start ${k}`);
        await own.addDocFreqs(new Map([['talks', 1]]), 1);
        expect((await own.getDocFreqs(['talks'])).df.get('talks')).toBe(k === 0 ? 2 : 3);
        if (k === 1) throw new Error('this one fails');
        log.push(`end ${k}`);
      });
    };
    const ended = await Promise.allSettled([job(0), job(1), job(2)]);
    expect(ended.map((e) => e.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect(log).toEqual(['start 0', 'end 0', 'start 1', 'start 2', 'end 2']);
    // Each trusted what the one before it committed (or dropped): the term was never read from IndexedDB.
    expect(reads.filter((key) => key === bucketOf('talks'))).toEqual([]);
    expect(await store.getDocFreqs(['talks'])).toEqual({ docs: 3, df: new Map([['talks', 3]]) });
    db.close();
  });

  it('events and stories written in a batch are read back in it, and stored once it ends', async () => {
    const db = openDatabase(freshName());
    const store = new DexieEngineStore(db);
    const event = { id: 'e1', storyId: 's1', articleIds: ['a1'], outletIds: ['o'], centroid: [{ term: 'talks', weight: 1.5 }], start: 1, end: 2, label: 'Talks', updatedAt: 3 };
    const story = { id: 's1', eventIds: ['e1'], centroid: event.centroid, start: 1, end: 2, label: 'Talks', lastOpenedAt: 0, updatedAt: 3 };
    await store.transaction(async () => {
      await store.putEvent(event);
      await store.putEvent({ ...event, id: 'e2' });
      await store.putStory(story);
      expect(await store.getEvent('e1')).toEqual(event);
      expect((await store.getEventsByStory('s1')).map((e) => e.id)).toEqual(['e1', 'e2']);
      await store.deleteEvent('e2');
      expect(await store.getEvent('e2')).toBeUndefined();
      expect((await store.getEventsByStory('s1')).map((e) => e.id)).toEqual(['e1']);
      expect(await store.getStory('s1')).toEqual(story);
      expect(await db.stories.get('s1')).toBeUndefined();
    });
    expect(await db.events.toArray()).toEqual([event]);
    expect(await db.stories.get('s1')).toEqual(story);
    db.close();
  });

  it('places come in the order asked (repeats and unknown ids too), each id read from IndexedDB once, then known, absent ones too', async () => {
    const name = freshName();
    const first = openDatabase(name);
    await ingestDemo(new DexieEngineStore(first));
    first.close();
    const db = openDatabase(name);
    const reads: string[] = [];
    db.use(tableReads('articles', { getMany: (req) => reads.push(...(req.keys as string[])) }));
    const store = new DexieEngineStore(db);
    const [a, b] = DEMO_ARTICLES.slice(0, 2).map((x) => prepareArticle(x.input, x.outlet, DEMO_NOW).id);
    const asked = [b, 'a-none', a, b, 'a-none'];
    const placeOfRecord = (id: string) => db.articles.get(id).then((r) => r && { id: r.id, published: r.published, eventId: r.eventId, storyId: r.storyId });
    const expected = await Promise.all(asked.map(placeOfRecord));
    expect(expected[0]).toBeDefined();
    reads.length = 0;
    await store.transaction(async () => {
      expect(await store.getPlaces(asked)).toEqual(expected);
      expect([...reads].sort()).toEqual([a, b, 'a-none'].sort());
      reads.length = 0;
      expect(await store.getPlaces(asked)).toEqual(expected);
      expect(reads).toEqual([]);
    });
    // Committed: the next batch and reads outside batches know them all, 'a-none' as absent.
    await store.transaction(async () => expect(await store.getPlaces(asked)).toEqual(expected));
    expect(await store.getPlaces(asked)).toEqual(expected);
    expect(reads).toEqual([]);
    db.close();
  });

  it('articles put in a batch are read back in it (by id, by event, by place, by term), and stored once it ends', async () => {
    const db = openDatabase(freshName());
    const store = new DexieEngineStore(db);
    await ingestDemo(store);
    const [first, second] = (await store.getArticles(DEMO_ARTICLES.slice(0, 2).map((a) => prepareArticle(a.input, a.outlet, DEMO_NOW).id))) as NonNullable<Awaited<ReturnType<typeof store.getArticle>>>[];
    const byEventBefore = (await store.getArticlesByEvent(first.eventId)).map((a) => a.id);
    await store.transaction(async () => {
      await store.putArticles([{ ...second, eventId: first.eventId, termKeys: [...second.termKeys, 'zzunique'] }]);
      await store.putArticles([{ ...first, eventId: 'e-elsewhere' }]);
      expect((await db.articles.get(first.id))?.eventId).toBe(first.eventId);
      const byEvent = (await store.getArticlesByEvent(first.eventId)).map((a) => a.id);
      expect(byEvent).toEqual([...new Set([...byEventBefore.filter((id) => id !== first.id), second.id])].sort());
      expect((await store.getArticlesByEvent('e-elsewhere')).map((a) => a.id)).toEqual([first.id]);
      expect((await store.getPlaces([first.id, 'a-none']))).toEqual([{ id: first.id, published: first.published, eventId: 'e-elsewhere', storyId: first.storyId }, undefined]);
      expect(await store.getArticleIdsByTerms(['zzunique'])).toEqual([[second.id]]);
    });
    expect((await db.articles.get(first.id))?.eventId).toBe('e-elsewhere');
    expect(await new DexieEngineStore(db).getArticleIdsByTerms(['zzunique'])).toEqual([[second.id]]);
    await foldTermLog(db);
    expect((await postingRow(db, 'zzunique'))?.ids).toEqual([second.id]);
    expect((await new DexieEngineStore(db).getPlaces([second.id]))[0]?.eventId).toBe(first.eventId);
    db.close();
  });
});
