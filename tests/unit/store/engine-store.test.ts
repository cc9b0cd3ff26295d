import { Dexie } from 'dexie';
import { describe, expect, it } from 'vitest';
import { ingestArticles } from '../../../lib/match/ingest';
import { MemoryEngineStore } from '../../../lib/match/memory-store';
import { getPerspectives } from '../../../lib/match/perspectives';
import { prepareArticle } from '../../../lib/match/prepare';
import { getTrail } from '../../../lib/match/trail';
import type { EngineStore } from '../../../lib/match/types';
import { applySchema, openDatabase } from '../../../lib/store/db';
import { DexieEngineStore, DOC_COUNT_KEY } from '../../../lib/store/engine-store';
import { SCHEMA_VERSIONS } from '../../../lib/store/schema';
import { DEMO_ARTICLES, DEMO_NOW, DOHA, ISTANBUL } from '../match/fixtures/demo-story';

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
    expect((await db.table('terms').get(DOC_COUNT_KEY))?.df).toBe(DEMO_ARTICLES.length);
    const { df } = await store.getDocFreqs(['@doha']);
    const withDoha = (await db.articles.where('termKeys').equals('@doha').count());
    expect(df.get('@doha')).toBe(withDoha);
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
    expect((await db.table('terms').get(DOC_COUNT_KEY))?.df).toBe(3);
    const store = new DexieEngineStore(db);
    const { df } = await store.getDocFreqs([articles[0].termKeys[0]]);
    expect(df.get(articles[0].termKeys[0])).toBeGreaterThanOrEqual(1);
    db.close();
  });
});
