import { describe, expect, it } from 'vitest';
import { buildTabContext } from '../../../lib/background/context';
import { eventPerspectives } from '../../../lib/background/event-perspectives';
import { RequestReadStore } from '../../../lib/background/read-store';
import { frameEvent } from '../../../lib/framing/index';
import { ingestArticles } from '../../../lib/match/ingest';
import { getPerspectives } from '../../../lib/match/perspectives';
import { prepareArticle } from '../../../lib/match/prepare';
import { getTrail } from '../../../lib/match/trail';
import { openDatabase, type ThreadlineDB } from '../../../lib/store/db';
import { DexieEngineStore } from '../../../lib/store/engine-store';
import type { TabState } from '../../../lib/store/tab-state';
import type { Article, Outlet } from '../../../lib/types';
import { DEMO_ARTICLES, DEMO_NOW, ISTANBUL } from '../match/fixtures/demo-story';

let counter = 0;
const freshName = () => `context-test-${Date.now()}-${counter++}`;

const COUNTRIES: Record<string, string> = { 'pk-daily': 'PK', 'af-news': 'AF', 'af-wire': 'AF', 'qa-tv': 'QA', 'tr-agency': 'TR', 'in-agency': 'IN', wire: 'INT' };

function outletRow(id: string, name: string): Outlet {
  return { id, name, domains: [`${id}.example`], country: COUNTRIES[id] ?? '', language: 'en', ownership: 'private', stateAffiliated: false, feeds: [] };
}

async function demoDb(): Promise<ThreadlineDB> {
  const db = openDatabase(freshName());
  const outlets = new Map(DEMO_ARTICLES.map((a) => [a.outlet.id, a.outlet.name]));
  await db.outlets.bulkPut([...outlets].map(([id, name]) => outletRow(id, name)));
  await ingestArticles(new DexieEngineStore(db), DEMO_ARTICLES.map((a) => prepareArticle(a.input, a.outlet, DEMO_NOW)), DEMO_NOW);
  return db;
}

const idOf = (key: string) => {
  const a = DEMO_ARTICLES.find((x) => x.key === key)!;
  return prepareArticle(a.input, a.outlet, DEMO_NOW).id;
};

function stateFor(articleId: string, lastOpenedAt = 0): TabState {
  return { url: `https://example.test/${articleId}`, status: 'article', articleId, lastOpenedAt, updatedAt: DEMO_NOW };
}

/** Counts the records read from `articles` through the DB (reads served from a cache do not count). */
function countArticleReads(db: ThreadlineDB): () => number {
  let reads = 0;
  const table = db.articles;
  const wrap = <K extends 'get' | 'bulkGet' | 'where'>(name: K) => {
    const original = (table[name] as (...args: unknown[]) => unknown).bind(table);
    (table as unknown as Record<string, unknown>)[name] = (...args: unknown[]) => {
      reads += 1;
      return original(...args);
    };
  };
  wrap('get');
  wrap('bulkGet');
  wrap('where');
  return () => reads;
}

describe('eventPerspectives', () => {
  it('answers what getPerspectives answers, for every demo article, without candidate retrieval', async () => {
    const db = await demoDb();
    const store = new DexieEngineStore(db);
    for (const demo of DEMO_ARTICLES) {
      const article = (await db.articles.get(idOf(demo.key)))!;
      const eventArticles = await db.articles.where('eventId').equals(article.eventId).toArray();
      // The request store refuses term lookups: the perspectives must not need any.
      const mine = await eventPerspectives(new RequestReadStore(store), article, eventArticles);
      expect(mine, demo.key).toEqual(await getPerspectives(store, article.id));
    }
    db.close();
  });
});

describe('buildTabContext', () => {
  it('gives the trail, perspectives and framing the engine gives', async () => {
    const db = await demoDb();
    const id = idOf(ISTANBUL[0].key);
    const context = await buildTabContext(db, 1, stateFor(id), { enabledSources: ['pk-daily', 'qa-tv'] });
    const store = new DexieEngineStore(db);
    expect(context.status).toBe('article');
    expect(context.article?.id).toBe(id);
    expect(context.trail).toEqual(await getTrail(store, id, DEMO_NOW, 0));
    expect(context.perspectives).toEqual(await getPerspectives(store, id));
    const article = (await db.articles.get(id))!;
    const eventArticles: Article[] = await db.articles.where('eventId').equals(article.eventId).toArray();
    const outlets = (await db.outlets.toArray()).filter((o) => eventArticles.some((a) => a.outletId === o.id) || ['pk-daily', 'qa-tv'].includes(o.id));
    expect(context.framing).toEqual(frameEvent(eventArticles, outlets, { enabledOutlets: ['pk-daily', 'qa-tv'] }));
    expect(context.pendingFraming).toBeUndefined();
    expect(Object.keys(context.outlets).sort()).toEqual([...new Set([...eventArticles.map((a) => a.outletId), ...context.trail!.dots.flatMap((d) => d.outlets.map((o) => o.id))])].sort());
    db.close();
  });

  it('names the outlets of a blindspot even when they are in neither the event nor the trail', async () => {
    const db = await demoDb();
    await db.outlets.put({ ...outletRow('ir-daily', 'Tehran Daily'), country: 'IR' });
    const id = idOf(ISTANBUL[0].key);
    const options = { enabledSources: ['pk-daily', 'ir-daily'] };
    const quick = await buildTabContext(db, 1, stateFor(id), { ...options, partial: true });
    expect(quick.pendingFraming?.coverage.blindspots).toContainEqual({ axis: 'country', value: 'IR', outletIds: ['ir-daily'] });
    expect(quick.outlets['ir-daily']?.name).toBe('Tehran Daily');
    const full = await buildTabContext(db, 1, stateFor(id), options);
    expect(full.framing?.coverage.blindspots).toContainEqual({ axis: 'country', value: 'IR', outletIds: ['ir-daily'] });
    expect(full.outlets['ir-daily']?.name).toBe('Tehran Daily');
    db.close();
  });

  it('answers a partial request before the framing, with the coverage the framing will have', async () => {
    const db = await demoDb();
    const id = idOf(ISTANBUL[0].key);
    const options = { enabledSources: ['pk-daily'] };
    const quick = await buildTabContext(db, 1, stateFor(id), { ...options, partial: true });
    expect(quick.framing).toBeUndefined();
    expect(quick.trail?.dots.length).toBeGreaterThan(1);
    expect(quick.perspectives?.outlets.length).toBeGreaterThan(0);
    expect(quick.pendingFraming?.coverage.outletCount).toBeGreaterThan(1);
    const full = await buildTabContext(db, 1, stateFor(id), options);
    expect(full.pendingFraming).toBeUndefined();
    expect(full.framing?.coverage).toEqual(quick.pendingFraming?.coverage);
    expect({ ...full, framing: undefined, framingTextSource: undefined }).toEqual({ ...quick, pendingFraming: undefined });
    // Once computed, a partial request gets everything.
    expect(await buildTabContext(db, 1, stateFor(id), { ...options, partial: true })).toBe(full);
    db.close();
  });

  it('serves a tab from its cache until the tab or the store changes', async () => {
    const db = await demoDb();
    const id = idOf(ISTANBUL[0].key);
    const options = { enabledSources: ['pk-daily'] };
    const first = await buildTabContext(db, 1, stateFor(id), options);
    const reads = countArticleReads(db);
    expect(await buildTabContext(db, 1, stateFor(id), options)).toBe(first);
    expect(reads()).toBe(0);
    // Writes that no context reads (feed state in `meta`) keep it.
    await db.meta.put({ key: 'feed:x', value: 1 });
    expect(await buildTabContext(db, 1, stateFor(id), options)).toBe(first);
    // Another tab, another state or other sources: built for what they are.
    expect(await buildTabContext(db, 2, stateFor(id), options)).not.toBe(first);
    expect((await buildTabContext(db, 1, stateFor(id, DEMO_NOW), options))).not.toBe(first);
    const again = await buildTabContext(db, 1, stateFor(id), options);
    expect(again).toEqual(first);

    // A write to the store: rebuilt, and it shows the write.
    const article = (await db.articles.get(id))!;
    await db.articles.put({ ...article, readAt: DEMO_NOW + 1 });
    const after = await buildTabContext(db, 1, stateFor(id), options);
    expect(after).not.toBe(again);
    expect(after.article?.readAt).toBe(DEMO_NOW + 1);
    // The event's framing did not change with the reader's visit: computed once, kept.
    expect(after.framing).toBe(again.framing);
    db.close();
  });

  it('is rebuilt after a bulk write of many records (an import, a feed batch)', async () => {
    const db = await demoDb();
    const id = idOf(ISTANBUL[0].key);
    const first = await buildTabContext(db, 1, stateFor(id), { enabledSources: [] });
    const copies = (await db.articles.toArray()).flatMap((a) => [1, 2, 3, 4, 5, 6].map((n) => ({ ...a, id: `${a.id}-copy-${n}`, url: `${a.url}?copy=${n}`, eventId: 'elsewhere', storyId: 'elsewhere' })));
    expect(copies.length).toBeGreaterThan(50);
    await db.articles.bulkPut(copies);
    expect(await buildTabContext(db, 1, stateFor(id), { enabledSources: [] })).not.toBe(first);
    db.close();
  });

  it('recomputes the framing when an article of the event changes', async () => {
    const db = await demoDb();
    const id = idOf(ISTANBUL[0].key);
    const options = { enabledSources: [] };
    const first = await buildTabContext(db, 1, stateFor(id), options);
    const other = idOf(ISTANBUL[1].key);
    const article = (await db.articles.get(other))!;
    await db.articles.put({ ...article, body: `${article.body}\n\nKhawaja Asif said: "We will not accept any more attacks."`, updatedAt: article.updatedAt + 1 });
    const after = await buildTabContext(db, 1, stateFor(id), options);
    expect(after.framing).not.toBe(first.framing);
    db.close();
  });

  it('reads the outlets once until the outlets change', async () => {
    const db = await demoDb();
    const id = idOf(ISTANBUL[0].key);
    const first = await buildTabContext(db, 1, stateFor(id), { enabledSources: [] });
    const outlet = (await db.outlets.get(first.article!.outletId))!;
    await db.outlets.put({ ...outlet, name: 'Renamed (demo)' });
    const after = await buildTabContext(db, 1, stateFor(id), { enabledSources: [] });
    expect(after.outlets[outlet.id].name).toBe('Renamed (demo)');
    expect(after.article?.outletName).toBe('Renamed (demo)');
    db.close();
  });

  it('answers the empty states without reading the store', async () => {
    const db = openDatabase(freshName());
    expect(await buildTabContext(db, 3, null, { enabledSources: [] })).toEqual({ tabId: 3, status: 'unknown', outlets: {}, enabledSources: 0 });
    expect(await buildTabContext(db, 3, { url: 'https://x.test/', status: 'not-article', articleId: null, updatedAt: 0 }, { enabledSources: ['a'] })).toEqual({ tabId: 3, status: 'not-article', url: 'https://x.test/', outlets: {}, enabledSources: 1 });
    expect((await buildTabContext(db, 3, stateFor('missing'), { enabledSources: [] })).status).toBe('unknown');
    db.close();
  });
});
