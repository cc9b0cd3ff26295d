// Every schema version the database has ever had, oldest first. A version stays in this list
// forever (Dexie needs the history to upgrade old databases); tests/unit/store/upgrade.test.ts
// opens a database written at each earlier version and checks that every record survives and
// that the engine still reads and matches it.
// Upgrades read and write the shapes of lib/types.ts: the compact layout of articles, events
// and stories (lib/store/compact-records.ts) is applied underneath by lib/store/db.ts, and
// records of either layout are read the same, so the layout needs no version of its own.
import type { Transaction } from 'dexie';
import { rebuildPostings } from './postings';

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
  {
    // The story engine's corpus statistics: one row per term with the number of articles that
    // carry it (IDF at match time), and one reserved row ('#docs', never a token: the tokenizer
    // keeps word characters only) with the number of articles counted. The upgrade counts them
    // from the stored articles: every record is kept and the statistics start right.
    version: 2,
    stores: {
      terms: 'term',
    },
    upgrade: async (tx) => {
      const df = new Map<string, number>();
      let docs = 0;
      await tx.table('articles').each((article: { termKeys?: string[] }) => {
        docs += 1;
        for (const term of new Set(article.termKeys ?? [])) df.set(term, (df.get(term) ?? 0) + 1);
      });
      await tx.table('terms').bulkPut([...[...df].map(([term, count]) => ({ term, df: count })), { term: '#docs', df: docs }]);
    },
  },
  {
    // Term lookups move from the multi-entry index on `termKeys` to a table of posting lists
    // (lib/store/postings.ts): smaller on disk and one read per match instead of one per term.
    // The indexes nothing queries go too (each entry holds its key and the article id, about
    // 60 bytes in Chromium): articles were never looked up by url, readAt or storyId, nor events
    // by start or end, nor stories by end. No record changes; the upgrade fills the postings.
    version: 3,
    stores: {
      articles: 'id, outletId, published, eventId, source',
      events: 'id, storyId',
      stories: 'id',
      postings: 'term',
    },
    upgrade: (tx) => rebuildPostings(tx.table('articles'), tx.table('postings')),
  },
  {
    // An ingest batch writes its changes to `terms` and `postings` as one row of the term log
    // (lib/store/term-log.ts), folded into those tables every few batches, instead of rewriting
    // every term row and posting list it touched. An empty log changes nothing: no upgrade.
    version: 4,
    stores: {
      termLog: 'seq',
    },
  },
];
