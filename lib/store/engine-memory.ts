// What the engine store (lib/store/engine-store.ts) keeps in memory, and when it may trust it.
// The engine reads the document frequency of every term of every candidate (thousands per
// match) and the story of every candidate (dozens), so:
// - Committed document frequencies and stories are kept per database, bounded, and dropped
//   whole when anything but the engine store writes the engine's tables (lib/store/db.ts counts
//   those writes in a generation).
// - Inside an ingest transaction nobody else can write these tables, so the records, document
//   frequencies and posting lists it reads or writes are kept for the rest of the batch, and
//   once it has committed its document frequencies and stories join the committed values.
// - A transaction that starts while another one is still running could see memory from before
//   that one's changes: it reads IndexedDB only. Reads outside transactions add what they read
//   only when no transaction ran meanwhile.
import type { Dexie } from 'dexie';
import type { Article, EventRecord, StoryRecord } from '../types';
import { engineTablesGeneration } from './db';

/** Terms whose document frequency is kept in memory (about 60 bytes each). */
const CACHED_TERMS = 100_000;
/** Stories kept in memory (a few KB each: the centroid and the event ids). */
const CACHED_STORIES = 1_000;

/** Committed values, as of `generation` (see lib/store/db.ts). */
export interface Shared {
  generation: number;
  /** Engine transactions committed since these values were started. */
  commits: number;
  /** Document frequencies (0: no row). */
  df: Map<string, number>;
  /** Stories by id (undefined: known absent). */
  stories: Map<string, StoryRecord | undefined>;
}

/** What one engine transaction knows: records by id (undefined: known absent) and more. */
export interface Batch {
  /** Whether it may read the shared values (no other engine transaction was running). */
  shared: boolean;
  generation: number;
  articles: Map<string, Article | undefined>;
  events: Map<string, EventRecord | undefined>;
  stories: Map<string, StoryRecord | undefined>;
  /** Events and stories put or deleted, written when it ends (events also before a query). */
  dirty: { events: Set<string>; stories: Set<string> };
  /** Document frequencies it read or set; `changed` are written when it ends. */
  terms: Map<string, number>;
  changed: Set<string>;
  /** Posting lists it read or set (lib/store/postings.ts); `changedPostings` are written when it ends. */
  postings: Map<string, readonly string[]>;
  changedPostings: Set<string>;
}

/** Where a read outside a transaction may add what it read. */
export interface Fill {
  shared: Shared;
  commits: number;
}

const sharedByDb = new WeakMap<Dexie, Shared>();
const running = new WeakMap<Dexie, number>();

export function sharedFor(db: Dexie): Shared {
  const generation = engineTablesGeneration(db);
  let shared = sharedByDb.get(db);
  if (!shared || shared.generation !== generation) {
    shared = { generation, commits: 0, df: new Map(), stories: new Map() };
    sharedByDb.set(db, shared);
  }
  return shared;
}

/** Starts the memory of an engine transaction. */
export function openBatch(db: Dexie): Batch {
  const others = running.get(db) ?? 0;
  running.set(db, others + 1);
  return {
    shared: others === 0,
    generation: engineTablesGeneration(db),
    articles: new Map(),
    events: new Map(),
    stories: new Map(),
    dirty: { events: new Set(), stories: new Set() },
    terms: new Map(),
    changed: new Set(),
    postings: new Map(),
    changedPostings: new Set(),
  };
}

/** Ends it: once committed, what it read and wrote is the truth (nobody else could write meanwhile). */
export function closeBatch(db: Dexie, batch: Batch, committed: boolean): void {
  running.set(db, (running.get(db) ?? 1) - 1);
  const shared = sharedFor(db);
  if (!committed) return;
  shared.commits += 1;
  if (shared.generation !== batch.generation) return;
  remember(shared.df, batch.terms, CACHED_TERMS);
  remember(shared.stories, batch.stories, CACHED_STORIES);
}

/** The committed values a read outside any transaction may use, while none runs. */
export function fillFor(db: Dexie): Fill | undefined {
  if ((running.get(db) ?? 0) > 0) return undefined;
  const shared = sharedFor(db);
  return { shared, commits: shared.commits };
}

/** Whether a read outside transactions that began at `at` may add what it found. */
function stillFresh(db: Dexie, at: Fill): boolean {
  return (running.get(db) ?? 0) === 0 && sharedFor(db) === at.shared && at.shared.commits === at.commits;
}

export function fillTerms(db: Dexie, at: Fill, entries: Iterable<[string, number]>): void {
  if (stillFresh(db, at)) remember(at.shared.df, entries, CACHED_TERMS);
}

export function fillStories(db: Dexie, at: Fill, entries: Iterable<[string, StoryRecord | undefined]>): void {
  if (stillFresh(db, at)) remember(at.shared.stories, entries, CACHED_STORIES);
}

/** Adds entries, most recent last, and drops the oldest tenth past `limit`. */
function remember<V>(map: Map<string, V>, entries: Iterable<[string, V]>, limit: number): void {
  for (const [key, value] of entries) {
    map.delete(key);
    map.set(key, value);
  }
  if (map.size <= limit) return;
  let drop = map.size - Math.floor(limit * 0.9);
  for (const key of map.keys()) {
    if (drop-- <= 0) break;
    map.delete(key);
  }
}

/** Kept records are frozen copies: callers may not change what others will read. */
export function kept<T>(record: T): T {
  return Object.freeze(structuredClone(record));
}
