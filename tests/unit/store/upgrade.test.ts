// The schema upgrade harness: for every earlier schema version, write a database exactly as that
// version declared it, fill it with that version's records, then open it with the current schema
// and check that every record is still there.
import { Dexie } from 'dexie';
import { describe, expect, it } from 'vitest';
import { applySchema, openDatabase } from '../../../lib/store/db';
import { SCHEMA_VERSIONS } from '../../../lib/store/schema';
import { MOVED_BY_VERSION, RECORDS_BY_VERSION } from '../../fixtures/store-versions';

const latest = SCHEMA_VERSIONS.at(-1)!.version;

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
      const records = RECORDS_BY_VERSION[writtenAt];

      const old = new Dexie(name);
      applySchema(old, SCHEMA_VERSIONS.filter((v) => v.version <= older.version));
      await old.open();
      for (const [table, rows] of Object.entries(records)) await old.table(table).bulkPut(rows);
      old.close();

      const db = openDatabase(name);
      await db.open();
      expect(db.verno).toBe(latest);
      for (const [written, rows] of Object.entries(records)) {
        // A table dropped since: its records are fields of another table's (MOVED_BY_VERSION).
        const moved = MOVED_BY_VERSION[written];
        const table = moved && latest >= moved.since ? moved.table : written;
        if (table !== written) expect(db.tables.map((t) => t.name)).not.toContain(written);
        const keyPath = db.table(table).schema.primKey.keyPath as string;
        for (const row of rows as Array<Record<string, unknown>>) {
          const after = await db.table(table).get(row[keyPath] as string);
          // Upgrades may add fields; they must not drop or change the old ones.
          expect(after, `${table} ${String(row[keyPath])}`).toMatchObject(row);
        }
        expect(await db.table(table).count()).toBe(rows.length);
      }
      db.close();
      await Dexie.delete(name);
    });
  }
});
