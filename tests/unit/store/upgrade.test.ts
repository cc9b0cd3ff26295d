// The schema upgrade harness: for every earlier schema version, write a database exactly as that
// version declared it, fill it with that version's records, then open it with the current schema
// and check that every record is still there, and that the indexes the current code queries were
// built from the records written before them (the retention policy's compound index, version 6).
import { Dexie } from 'dexie';
import { describe, expect, it } from 'vitest';
import { applySchema, openDatabase } from '../../../lib/store/db';
import { countUnreadFeedArticles, enforceFeedLimit } from '../../../lib/store/retention';
import { SCHEMA_VERSIONS } from '../../../lib/store/schema';
import { postingRow, postingRows } from '../../fixtures/posting-rows';
import { MOVED_BY_VERSION, RECORDS_BY_VERSION } from '../../fixtures/store-versions';

const latest = SCHEMA_VERSIONS.at(-1)!.version;

/**
 * Articles for the retention policy, written at the old version next to its records: unread feed
 * articles whose ids, order of writing and dates all differ, and a read one and an imported one
 * older than all of them (the fixtures' own two articles are a visit and a read feed article).
 */
function retentionArticles(first: Record<string, unknown>): Record<string, unknown>[] {
  const at = (id: string, source: string, published: number, readAt = 0) => ({ ...first, id, url: `https://news.example.com/r/${id}`, source, published, readAt });
  return [at('r-c', 'feed', 300), at('r-a', 'feed', 500), at('r-b', 'feed', 100), at('r-read', 'feed', 50, 9), at('r-import', 'import', 60)];
}

/** Index names of a table as IndexedDB itself holds them (not as Dexie declares them). */
function storedIndexes(db: Dexie, table: string): string[] {
  return [...db.backendDB().transaction(table, 'readonly').objectStore(table).indexNames];
}

describe('schema upgrades keep every record', () => {
  it('has fixtures for every schema version', () => {
    for (const v of SCHEMA_VERSIONS) {
      const fixturesUpTo = Object.keys(RECORDS_BY_VERSION).map(Number).filter((n) => n <= v.version);
      expect(fixturesUpTo.length, `records written at or before version ${v.version}`).toBeGreaterThan(0);
    }
  });

  for (const older of SCHEMA_VERSIONS) {
    it(`opens a version ${older.version} database with the version ${latest} schema`, async () => {
      const name = `upgrade-from-${older.version}`;
      await Dexie.delete(name);
      const writtenAt = Math.max(...Object.keys(RECORDS_BY_VERSION).map(Number).filter((n) => n <= older.version));
      const fixture = RECORDS_BY_VERSION[writtenAt];
      const records = { ...fixture, articles: [...fixture.articles, ...retentionArticles(fixture.articles[0] as Record<string, unknown>)] };

      const old = new Dexie(name);
      applySchema(old, SCHEMA_VERSIONS.filter((v) => v.version <= older.version));
      await old.open();
      for (const [table, rows] of Object.entries(records)) await old.table(table).bulkPut(rows);
      old.close();

      const db = openDatabase(name);
      await db.open();
      expect(db.verno).toBe(latest);
      for (const [written, rows] of Object.entries(records)) {
        // A table dropped since: its records are fields of another table's (MOVED_BY_VERSION), maybe moved twice.
        let table = written;
        for (let moved = MOVED_BY_VERSION[table]; moved && latest >= moved.since; moved = MOVED_BY_VERSION[table]) table = moved.table;
        if (table !== written) expect(db.tables.map((t) => t.name)).not.toContain(written);
        // Posting rows moved into buckets are read by term; the rest by their key.
        const byTerm = table === 'postingBuckets' && written !== table;
        const keyPath = byTerm ? 'term' : (db.table(table).schema.primKey.keyPath as string);
        const get = (key: string) => (byTerm ? postingRow(db, key) : db.table(table).get(key));
        for (const row of rows as Array<Record<string, unknown>>) {
          const after = await get(row[keyPath] as string);
          // Upgrades may add fields; they must not drop or change the old ones.
          expect(after, `${table} ${String(row[keyPath])}`).toMatchObject(row);
        }
        expect(byTerm ? (await postingRows(db)).length : await db.table(table).count()).toBe(rows.length);
      }
      // The retention policy's index holds the articles written before it existed (IndexedDB
      // builds a new index from the stored records), and the index it replaced is gone.
      expect(storedIndexes(db, 'articles')).toContain('[source+readAt+published]');
      expect(storedIndexes(db, 'articles')).not.toContain('source');
      expect(await countUnreadFeedArticles(db)).toBe(3);
      expect(await enforceFeedLimit(db, 1)).toBe(2);
      expect((await db.articles.toCollection().primaryKeys()).sort()).toEqual(['a1', 'a22', 'r-a', 'r-import', 'r-read']);
      await Dexie.delete(name);
    });
  }
});
