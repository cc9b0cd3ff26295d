// The one Dexie database of the extension. Only the background opens it (the popup, side panel
// and options page ask the background by message, lib/messages.ts; content scripts run in the
// page's origin and would see the page's IndexedDB), so this one connection sees every write:
// what the engine store keeps in memory relies on it (lib/store/engine-memory.ts).
import { Dexie, type DBCore, type DBCoreTransaction, type EntityTable, type Middleware } from 'dexie';
import type { Article, EventRecord, Outlet, StoryRecord } from '../types';
import { decodeArticle, decodeSummary, encodeArticle, encodeSummary } from './compact-records';
import type { BucketRow } from './posting-buckets';
import type { TermLogRow } from './term-log';
import { DATABASE_NAME, SCHEMA_VERSIONS, type SchemaVersion } from './schema';

export interface MetaRecord {
  key: string;
  value: unknown;
}

/**
 * Document frequency of one term: a row of the `terms` table of schema versions 2–4, and the
 * `terms` lines of an export (lib/store/transfer.ts); since version 5 the posting rows hold it.
 */
export interface TermRecord {
  term: string;
  df: number;
}

export type ThreadlineDB = Dexie & {
  outlets: EntityTable<Outlet, 'id'>;
  articles: EntityTable<Article, 'id'>;
  events: EntityTable<EventRecord, 'id'>;
  stories: EntityTable<StoryRecord, 'id'>;
  meta: EntityTable<MetaRecord, 'key'>;
  /**
   * Article ids and document frequency per term (lib/store/postings.ts) in hash buckets (schema
   * version 7, lib/store/posting-buckets.ts; versions 3 to 6 had a `postings` row per term).
   */
  postingBuckets: EntityTable<BucketRow, 'b'>;
  /** Changes to the posting rows not folded into them yet (schema version 4, lib/store/term-log.ts). */
  termLog: EntityTable<TermLogRow, 'seq'>;
};

/** Declares the given schema history on a Dexie instance (all versions when omitted). */
export function applySchema(db: Dexie, versions: SchemaVersion[] = SCHEMA_VERSIONS): void {
  for (const v of versions) {
    const declared = db.version(v.version).stores(v.stores);
    if (v.upgrade) declared.upgrade(v.upgrade);
  }
}

// Writes to the engine's tables made outside the engine store's own transactions (an import,
// "clear", the retention policy) bump a per-database generation: what the engine store keeps in
// memory (lib/store/engine-memory.ts) starts over when it sees a new generation.
const ENGINE_TABLES = new Set(['articles', 'events', 'stories', 'postingBuckets', 'termLog']);
/** The compact form each table stores (lib/store/compact-records.ts); the rest as they are. */
const ENCODERS: Partial<Record<string, (value: unknown) => unknown>> = { articles: encodeArticle, events: encodeSummary, stories: encodeSummary };
const generations = new WeakMap<Dexie, { value: number }>();
const engineTransactions = new WeakSet<object>();

/** The generation of the engine's tables as written by others than the engine store. */
export function engineTablesGeneration(db: Dexie): number {
  return generations.get(db)?.value ?? 0;
}

/** Marks a transaction whose writes the engine store accounts for itself. */
export function markEngineTransaction(trans: DBCoreTransaction | null | undefined): void {
  if (trans) engineTransactions.add(trans);
}

/**
 * The database's own layer under every table API: articles, events, stories and posting lists
 * are written in their compact forms (lib/store/compact-records.ts; read back by the `reading`
 * hooks below),
 * and writes to the engine's tables from outside the engine store are counted.
 */
function storeMiddleware(db: Dexie): Middleware<DBCore> {
  const generation = { value: 0 };
  generations.set(db, generation);
  const counted = (req: { trans: DBCoreTransaction }) => {
    if (engineTransactions.has(req.trans)) return;
    // Before the write and again once it is committed: a copy read in between is dropped.
    generation.value += 1;
    (req.trans as unknown as EventTarget).addEventListener?.('complete', () => (generation.value += 1));
  };
  return {
    stack: 'dbcore',
    name: 'threadline-store',
    create: (down) => ({
      ...down,
      table: (name) => {
        const table = down.table(name);
        if (!ENGINE_TABLES.has(name)) return table;
        const encode = ENCODERS[name];
        return {
          ...table,
          mutate: (req) => {
            counted(req);
            return table.mutate(encode && (req.type === 'add' || req.type === 'put') ? { ...req, values: req.values.map((v) => encode(v)) } : req);
          },
        };
      },
    }),
  };
}

/** Opens (lazily, on first use) the database; tests pass their own name. */
export function openDatabase(name: string = DATABASE_NAME): ThreadlineDB {
  const db = new Dexie(name) as ThreadlineDB;
  applySchema(db);
  db.use(storeMiddleware(db));
  db.articles.hook('reading', decodeArticle);
  db.events.hook('reading', decodeSummary);
  db.stories.hook('reading', decodeSummary);
  return db;
}
