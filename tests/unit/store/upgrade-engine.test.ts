// Schema upgrades seen by the engine: databases written at versions 1, 2 and 3, each holding a
// whole engine's worth of records (the demo story ingested: articles, events, stories, from
// version 2 the term statistics, at version 3 the posting lists), in the shapes and with the
// indexes those versions had. Opened with the current code, every record must read back
// unchanged, the engine store must serve them as the in-memory engine does, and matching must
// still find them (the version 3 upgrade fills the posting lists that term lookups now read;
// version 4 adds the term log, lib/store/term-log.ts, and changes no record).
import { Dexie } from 'dexie';
import { describe, expect, it } from 'vitest';
import { scoreCandidates } from '../../../lib/match/candidates';
import { ingestArticles } from '../../../lib/match/ingest';
import { MemoryEngineStore } from '../../../lib/match/memory-store';
import { prepareArticle } from '../../../lib/match/prepare';
import type { EngineStore } from '../../../lib/match/types';
import { applySchema, openDatabase } from '../../../lib/store/db';
import { DexieEngineStore, DOC_COUNT_KEY } from '../../../lib/store/engine-store';
import { SCHEMA_VERSIONS } from '../../../lib/store/schema';
import type { Article } from '../../../lib/types';
import { DEMO_ARTICLES, DEMO_NOW } from '../match/fixtures/demo-story';

const prepared = DEMO_ARTICLES.map((a) => prepareArticle(a.input, a.outlet, DEMO_NOW));
/** Stored before the upgrade; the last one arrives after it. */
const before = prepared.slice(0, -1);
const late = prepared.at(-1)!;

async function engineRecords(): Promise<MemoryEngineStore> {
  const memory = new MemoryEngineStore();
  await ingestArticles(memory, before, DEMO_NOW);
  return memory;
}

/** The tables as version `version` held them, written with that version's schema and no middleware. */
async function writeOldDatabase(name: string, version: 1 | 2 | 3, memory: MemoryEngineStore): Promise<Record<string, { id?: string; term?: string }[]>> {
  await Dexie.delete(name);
  const tables: Record<string, { id?: string; term?: string }[]> = {
    articles: [...memory.articles.values()],
    events: [...memory.events.values()],
    stories: [...memory.stories.values()],
  };
  if (version >= 2) {
    const terms = [...new Set(before.flatMap((a) => a.termKeys))];
    const { docs, df } = await memory.getDocFreqs(terms);
    tables.terms = [...terms.map((term) => ({ term, df: df.get(term)! })), { term: DOC_COUNT_KEY, df: docs }];
  }
  if (version === 3) {
    const terms = [...new Set(before.flatMap((a) => a.termKeys))];
    const ids = await memory.getArticleIdsByTerms(terms);
    tables.postings = terms.map((term, i) => ({ term, ids: ids[i] }));
  }
  const old = new Dexie(name);
  applySchema(old, SCHEMA_VERSIONS.filter((v) => v.version <= version));
  await old.open();
  for (const [table, rows] of Object.entries(tables)) await old.table(table).bulkPut(rows);
  old.close();
  return tables;
}

/** What the engine answers about every stored article: its records and its candidates. */
async function answers(store: EngineStore): Promise<unknown[]> {
  const out: unknown[] = [];
  for (const { id } of before) {
    const article = (await store.getArticle(id))!;
    const event = (await store.getEvent(article.eventId))!;
    const query = await scoreCandidates(store, article);
    out.push({
      article,
      event,
      story: await store.getStory(event.storyId),
      mates: (await store.getArticlesByEvent(article.eventId)).map((a) => a.id).sort(),
      storyEvents: (await store.getEventsByStory(event.storyId)).map((e) => e.id).sort(),
      candidates: query.candidates.map((c) => [c.article.id, c.score]),
    });
  }
  return out;
}

describe.each([1, 2, 3] as const)('a version %i database with the engine’s records', (version) => {
  it('opens at the current version with every record as it was', async () => {
    const name = `upgrade-engine-${version}`;
    const memory = await engineRecords();
    const tables = await writeOldDatabase(name, version, memory);
    const db = openDatabase(name);
    await db.open();
    expect(db.verno).toBe(SCHEMA_VERSIONS.at(-1)!.version);
    for (const [table, rows] of Object.entries(tables)) {
      expect(await db.table(table).count(), table).toBe(rows.length);
      for (const row of rows) expect(await db.table(table).get((row.id ?? row.term)!), `${table} ${row.id ?? row.term}`).toEqual(row);
    }
    // Version 1 had no term statistics: the version 2 upgrade counts them from the articles.
    const terms = [...new Set(before.flatMap((a) => a.termKeys))];
    expect(await new DexieEngineStore(db).getDocFreqs(terms)).toEqual(await memory.getDocFreqs(terms));
    // The version 3 upgrade lists every article under each of its terms.
    for (const term of terms) {
      const ids = before.filter((a) => a.termKeys.includes(term)).map((a) => a.id);
      expect((await db.postings.get(term))?.ids.sort(), term).toEqual(ids.sort());
    }
    db.close();
    await Dexie.delete(name);
  });

  it('serves and matches the old records as the in-memory engine does, and places a new article the same', async () => {
    const name = `upgrade-engine-match-${version}`;
    const memory = await engineRecords();
    await writeOldDatabase(name, version, memory);
    const db = openDatabase(name);
    const store = new DexieEngineStore(db);
    const found = await answers(store);
    expect(found).toEqual(await answers(memory));
    expect(found.every((a) => (a as { candidates: unknown[] }).candidates.length > 0)).toBe(true);

    const [placed] = await ingestArticles(store, [late], DEMO_NOW);
    const [expected] = await ingestArticles(memory, [late], DEMO_NOW);
    expect(placed).toEqual(expected);
    expect(placed.newEvent).toBe(false);
    const stored: Article = (await store.getArticle(late.id))!;
    expect(stored).toEqual(memory.articles.get(late.id));
    expect(await answers(store)).toEqual(await answers(memory));
    db.close();
    await Dexie.delete(name);
  });
});
