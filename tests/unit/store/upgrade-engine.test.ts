// Schema upgrades seen by the engine: databases written at versions 1 to 4, each holding a
// whole engine's worth of records (the demo story ingested: articles, events, stories, from
// version 2 the term statistics, from version 3 the posting lists, at version 4 the last
// articles' statistics and posting lists still in an unfolded term log), in the shapes and with
// the indexes those versions had. Opened with the current code, every record must read back
// unchanged, the engine store must serve them as the in-memory engine does, and matching must
// still find them (the version 3 upgrade fills the posting lists that term lookups now read;
// version 4 adds the term log, lib/store/term-log.ts; version 5 moves the term statistics into
// the posting rows and folds the log; version 6 indexes articles by source, readAt and published
// for the retention policy, and the index must hold every article stored before it; version 7
// moves the posting rows into buckets, lib/store/posting-buckets.ts). A version 6 database holds
// posting rows with counts, lists of hash ids stored as numbers, and an unfolded term log.
import { Dexie } from 'dexie';
import { describe, expect, it } from 'vitest';
import { scoreCandidates } from '../../../lib/match/candidates';
import { ingestArticles } from '../../../lib/match/ingest';
import { MemoryEngineStore } from '../../../lib/match/memory-store';
import { prepareArticle } from '../../../lib/match/prepare';
import type { EngineStore } from '../../../lib/match/types';
import { applySchema, openDatabase } from '../../../lib/store/db';
import { DexieEngineStore } from '../../../lib/store/engine-store';
import { countUnreadFeedArticles, enforceFeedLimit } from '../../../lib/store/retention';
import { idNumber } from '../../../lib/store/compact-records';
import { DOC_COUNT_KEY } from '../../../lib/store/postings';
import { postingRow, postingRows } from '../../fixtures/posting-rows';
import { SCHEMA_VERSIONS } from '../../../lib/store/schema';
import { logRow, type Move } from '../../../lib/store/term-log';
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

/** The versions a database is written at: each changed the engine's tables (5 did only by upgrading 4's). */
type OldVersion = 1 | 2 | 3 | 4 | 6;

/** Articles whose statistics and posting list moves a version 4 or 6 database holds in its term log, one row each. */
const LOGGED = 3;
/** A term counted in no stored article (its articles were removed by the retention policy): counted, no ids. */
const COUNTED_ONLY = { term: 'zzcounted', df: 2 };

/** `terms` and `postings` rows as articles counted one by one leave them. */
function counted(articles: readonly Article[]): { terms: { term: string; df: number }[]; postings: { term: string; ids: string[] }[] } {
  const ids = new Map<string, string[]>();
  for (const a of articles) for (const term of new Set(a.termKeys)) ids.set(term, [...(ids.get(term) ?? []), a.id]);
  return {
    terms: [...[...ids].map(([term, list]) => ({ term, df: list.length })), { term: DOC_COUNT_KEY, df: articles.length }],
    postings: [...ids].map(([term, list]) => ({ term, ids: list })),
  };
}

/** Term log rows (version 4) adding `articles` one by one to stores holding `stored`. */
function logRows(stored: readonly Article[], articles: readonly Article[]): unknown[] {
  const seen = [...stored];
  return articles.map((article, i) => {
    seen.push(article);
    const after = new Map(counted(seen).terms.map((r) => [r.term, r.df]));
    const df = new Map([...new Set(article.termKeys), DOC_COUNT_KEY].map((term) => [term, after.get(term)!]));
    const moves = new Map<string, Move[]>([...new Set(article.termKeys)].map((term) => [term, [{ id: article.id, add: true }]]));
    return logRow(i + 1, df, moves);
  });
}

/** The tables as version `version` held them, written with that version's schema and no middleware. */
async function writeOldDatabase(name: string, version: OldVersion, memory: MemoryEngineStore): Promise<Record<string, { id?: string; term?: string }[]>> {
  await Dexie.delete(name);
  const tables: Record<string, { id?: string; term?: string }[]> = {
    articles: [...memory.articles.values()],
    events: [...memory.events.values()],
    stories: [...memory.stories.values()],
  };
  // From version 4 the last LOGGED articles are in the term log only (stored articles, ordered as ingested).
  const stored = before.map((a) => memory.articles.get(a.id)!);
  const folded = version >= 4 ? stored.slice(0, -LOGGED) : stored;
  const rows = counted(folded);
  if (version >= 2 && version < 5) tables.terms = rows.terms;
  if (version >= 3 && version < 5) tables.postings = rows.postings;
  if (version >= 4) tables.termLog = logRows(folded, stored.slice(-LOGGED)) as { id?: string }[];
  if (version === 4) tables.terms.push(COUNTED_ONLY);
  if (version === 6) {
    // One row per term holding its count, lists of hash ids stored as numbers (compact-records.ts decodePosting).
    const df = new Map(rows.terms.map((r) => [r.term, r.df]));
    const compact = ({ term, ids }: { term: string; ids: string[] }) => ({ term, df: df.get(term), ...(ids.length > 1 ? { n: Float64Array.from(ids, (id) => idNumber(id)!) } : { ids }) });
    tables.postings = [...rows.postings.map(compact), { term: DOC_COUNT_KEY, ids: [], df: folded.length }, { ...COUNTED_ONLY, ids: [] }];
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

describe.each([1, 2, 3, 4, 6] as const)('a version %i database with the engine’s records', (version) => {
  it('opens at the current version with every record as it was', async () => {
    const name = `upgrade-engine-${version}`;
    const memory = await engineRecords();
    const tables = await writeOldDatabase(name, version, memory);
    const db = openDatabase(name);
    await db.open();
    expect(db.verno).toBe(SCHEMA_VERSIONS.at(-1)!.version);
    expect(db.tables.map((t) => t.name)).not.toContain('terms');
    for (const table of ['articles', 'events', 'stories']) {
      expect(await db.table(table).count(), table).toBe(tables[table].length);
      for (const row of tables[table]) expect(await db.table(table).get(row.id!), `${table} ${row.id}`).toEqual(row);
    }
    // Version 1 had no term statistics: the version 2 upgrade counts them from the articles. The
    // version 3 upgrade lists every article under each of its terms; the version 5 upgrade puts
    // each term's count in its row, the article count in DOC_COUNT_KEY's, and folds the term log.
    const terms = [...new Set(before.flatMap((a) => a.termKeys))];
    const { docs, df } = await memory.getDocFreqs(terms);
    expect(await new DexieEngineStore(db).getDocFreqs(terms)).toEqual({ docs, df });
    expect(await db.termLog.count()).toBe(0);
    for (const term of terms) {
      const ids = before.filter((a) => a.termKeys.includes(term)).map((a) => a.id);
      const row = await postingRow(db, term);
      expect(row?.ids.sort(), term).toEqual(ids.sort());
      expect(row?.df, term).toBe(df.get(term));
    }
    expect(await postingRow(db, DOC_COUNT_KEY)).toEqual({ term: DOC_COUNT_KEY, ids: [], df: docs });
    // A term counted without ids keeps its count, in a row of its own.
    const extra = version >= 4 ? [COUNTED_ONLY.term] : [];
    if (version >= 4) expect(await postingRow(db, COUNTED_ONLY.term)).toEqual({ ...COUNTED_ONLY, ids: [] });
    expect((await postingRows(db)).length).toBe(terms.length + 1 + extra.length);
    // Version 7 keeps them in buckets (lib/store/posting-buckets.ts): the old table is gone.
    expect(db.tables.map((t) => t.name)).not.toContain('postings');
    db.close();
    await Dexie.delete(name);
  });

  it('keeps the unread feed cap on the old articles, oldest published first', async () => {
    const name = `upgrade-engine-retention-${version}`;
    const memory = await engineRecords();
    await writeOldDatabase(name, version, memory);
    const db = openDatabase(name);
    // Every demo article came from a feed and was never opened.
    expect(before.every((a) => a.source === 'feed' && a.readAt === 0)).toBe(true);
    expect(await countUnreadFeedArticles(db)).toBe(before.length);
    const byDate = [...before].sort((a, b) => a.published - b.published || (a.id < b.id ? -1 : 1)).map((a) => a.id);
    const keep = Math.floor(before.length / 2);
    expect(await enforceFeedLimit(db, keep)).toBe(before.length - keep);
    expect((await db.articles.toCollection().primaryKeys()).sort()).toEqual(byDate.slice(-keep).sort());
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
