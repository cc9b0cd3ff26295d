// Every schema version the database has ever had, oldest first. A version stays in this list
// forever (Dexie needs the history to upgrade old databases); tests/unit/store/upgrade.test.ts
// opens a database written at each earlier version and checks that every record survives and
// that the engine still reads and matches it.
// Upgrades read and write the shapes of lib/types.ts: the compact layout of articles, events
// and stories (lib/store/compact-records.ts) is applied underneath by lib/store/db.ts, and
// records of either layout are read the same, so the layout needs no version of its own.
import type { Transaction } from 'dexie';
import { decodePosting } from './compact-records';
import { bucketsOf, termRowStore } from './posting-buckets';
import { isLiveRow, rebuildPostings, type PostingRecord } from './postings';
import { foldTermLogIn } from './term-log';

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
    upgrade: (tx) => rebuildPostings(tx.table('articles'), termRowStore(tx.table('postings'))),
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
  {
    // Each posting row holds its term's document frequency (`df`), and the article count moves
    // to the posting row DOC_COUNT_KEY (lib/store/postings.ts): a fold writes one row per term
    // instead of a `terms` row and a `postings` row, and a read of one row answers both. The
    // upgrade copies every `terms` row into its posting row (a term counted but without ids gets
    // a row of its own), then folds the term log the old way's rows left (same row format).
    version: 5,
    stores: {
      terms: null,
    },
    upgrade: async (tx) => {
      await copyDocFreqsIntoPostings(tx);
      await foldTermLogIn({ postings: termRowStore(tx.table('postings')), termLog: tx.table('termLog') });
    },
  },
  {
    // The retention policy (lib/store/retention.ts) asks for the unread feed articles, oldest
    // first, after every feed check: with the plain `source` index it counted them by reading the
    // record of every feed article (up to the whole store) and picked the oldest by walking the
    // `published` index and reading records in date order. One compound index answers both from
    // its keys alone: ['feed', 0, published] is a key range, counted without reading a record,
    // and its primary keys come in published order (measured in a Chromium page, 100,000
    // articles, 72,000 of them unread feed: the count 2.6–3.4 s → 6–8 ms, the oldest 7,200
    // 326 → 23 ms). It replaces the `source` index, which nothing else queries (the export
    // reads whole tables by primary key). Cost: each article's entry holds three values instead
    // of one: the articles table grows by 14–18 bytes per article (1,315 → 1,330 in most of 5
    // runs each, side by side, of `bench match 10000` in Chromium: under 1 % of the 2,294 bytes
    // an article costs with its events and posting lists); writing articles is no slower.
    // IndexedDB fills a new index from the stored records when the version opens (one pass over
    // the articles, in the version change transaction), so no upgrade function. That pass is
    // paid once, at the first open after the update (a Chromium page, raw IndexedDB, article-like
    // records: 0.8 s for 20,000, 3.7–4.5 s for 100,000). A record whose readAt or published is
    // not a valid key would be left out of the index (never counted, never removed): every
    // writer has set both as numbers since version 1 (lib/match/prepare.ts, lib/match/ingest.ts;
    // imports are validated as finite numbers, lib/store/record-schemas.ts), so no record is
    // normalised.
    version: 6,
    stores: {
      articles: 'id, outletId, published, eventId, [source+readAt+published]',
    },
  },
  {
    // Posting rows in hash buckets (lib/store/posting-buckets.ts): a fold of the term log wrote
    // one IndexedDB entry per term it touched, now one per bucket (2,048). No index on the
    // buckets' terms: it cost every fold more than the word search that would use it gains.
    // The upgrade copies every row as stored, ids still in their compact form, after folding
    // the log into the old rows: the log's moves apply to the rows it was written against.
    version: 7,
    stores: {
      postings: null,
      postingBuckets: 'b',
    },
    upgrade: async (tx) => {
      const old = tx.table('postings');
      await foldTermLogIn({ postings: termRowStore(old), termLog: tx.table('termLog') });
      const entries: { term: string; df: number; ids: string[] | Float64Array }[] = [];
      await old.each((row: { term: string; df?: number; ids?: string[]; n?: Float64Array }) => entries.push({ term: row.term, df: row.df ?? 0, ids: row.n ?? row.ids ?? [] }));
      await tx.table('postingBuckets').bulkPut(bucketsOf(entries.filter(isLiveRow)));
    },
  },
];

/** Rows per read and write of the version 5 upgrade: bounds its memory (a row holds up to POSTING_CAP ids). */
const UPGRADE_CHUNK = 2_000;

/** Copies every `terms` row's df into the `postings` row of its term, a chunk of terms at a time. */
async function copyDocFreqsIntoPostings(tx: Transaction): Promise<void> {
  const terms = tx.table('terms');
  const postings = tx.table('postings');
  const keys = [...new Set([...((await terms.toCollection().primaryKeys()) as string[]), ...((await postings.toCollection().primaryKeys()) as string[])])];
  for (let i = 0; i < keys.length; i += UPGRADE_CHUNK) {
    const chunk = keys.slice(i, i + UPGRADE_CHUNK);
    const [dfRows, idRows] = await Promise.all([terms.bulkGet(chunk) as Promise<({ df: number } | undefined)[]>, postings.bulkGet(chunk) as Promise<(PostingRecord | undefined)[]>]);
    // Read through the transaction's table: decoded here whether or not the reading hook ran.
    const rows = chunk.map((term, j): PostingRecord => ({ term, ids: decodePosting(idRows[j])?.ids ?? [], df: dfRows[j]?.df ?? 0 })).filter(isLiveRow);
    await postings.bulkPut(rows);
  }
}
