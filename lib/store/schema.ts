// Every schema version the database has ever had, oldest first. A version stays in this list
// forever (Dexie needs the history to upgrade old databases); tests/unit/store-upgrade.test.ts
// opens a database written at each earlier version and checks that every record survives.
import type { Transaction } from 'dexie';

export interface SchemaVersion {
  version: number;
  stores: Record<string, string | null>;
  upgrade?: (tx: Transaction) => Promise<void>;
}

export const DATABASE_NAME = 'threadline';

export const SCHEMA_VERSIONS: SchemaVersion[] = [
  {
    version: 1,
    stores: {
      outlets: 'id, *domains, country',
      // termKeys is a multi-entry index: candidates are drawn from it, never from a scan.
      articles: 'id, url, outletId, published, eventId, storyId, *termKeys, source, readAt',
      events: 'id, storyId, start, end',
      stories: 'id, end',
      // Small named values: corpus statistics totals, feed state, settings that must live in IDB.
      meta: 'key',
    },
  },
];
