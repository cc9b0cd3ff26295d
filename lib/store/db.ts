// The one Dexie database of the extension. Only the background, popup, side panel and options
// page open it: content scripts run in the page's origin and would see the page's IndexedDB.
import { Dexie, type EntityTable } from 'dexie';
import type { Article, EventRecord, Outlet, StoryRecord } from '../types';
import { DATABASE_NAME, SCHEMA_VERSIONS, type SchemaVersion } from './schema';

export interface MetaRecord {
  key: string;
  value: unknown;
}

/** Document frequency of one term (schema version 2): the story engine's corpus statistics. */
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
  terms: EntityTable<TermRecord, 'term'>;
};

/** Declares the given schema history on a Dexie instance (all versions when omitted). */
export function applySchema(db: Dexie, versions: SchemaVersion[] = SCHEMA_VERSIONS): void {
  for (const v of versions) {
    const declared = db.version(v.version).stores(v.stores);
    if (v.upgrade) declared.upgrade(v.upgrade);
  }
}

/** Opens (lazily, on first use) the database; tests pass their own name. */
export function openDatabase(name: string = DATABASE_NAME): ThreadlineDB {
  const db = new Dexie(name) as ThreadlineDB;
  applySchema(db);
  return db;
}
