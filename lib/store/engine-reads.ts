// How the engine store (lib/store/engine-store.ts) reads. Candidates come from the posting lists
// (schema version 3, lib/store/postings.ts; in buckets since version 7, posting-buckets.ts): the
// ids of all the query terms in one read, then only the best candidates' records. Document
// frequencies live in the same rows (schema version 5; `terms` rows before), the article count
// in the reserved row DOC_COUNT_KEY; a row read for either fills what memory keeps of both. Both
// are read with the term log applied (schema version 4, lib/store/term-log.ts).
// Inside an ingest batch (one transaction) what it reads is kept for the rest of the batch, and
// read in the batch's transaction whatever the async context; outside one, from what memory keeps
// of the committed values, the rest from IndexedDB.
// What is kept in memory, and when it may be trusted: lib/store/engine-memory.ts.
import type { Table, Transaction } from 'dexie';
import type { Article, StoryRecord } from '../types';
import type { ArticlePlace } from '../match/types';
import type { ThreadlineDB } from './db';
import { fillFor, fillLog, fillStories, fillTerms, placeOf, sharedFor, type Batch, type StoredKeys } from './engine-memory';
import { bucketStore, postingTerms } from './posting-buckets';
import { applyMoves, readTermLog, withLogTerms, type TermLog } from './term-log';

/** A term's row as the term log leaves it: document frequency and posting list. */
interface TermRow {
  df: number;
  ids: readonly string[];
}

export type RecordKind = 'articles' | 'events' | 'stories';

type EngineTable = 'articles' | 'events' | 'stories' | 'postingBuckets' | 'termLog';

/** The transaction of each batch: its reads and writes name it, not the async context. */
const transactions = new WeakMap<Batch, Transaction>();

/** Names the transaction the batch runs in (lib/store/engine-writes.ts runBatch). */
export function bindTransaction(batch: Batch, tx: Transaction): void {
  transactions.set(batch, tx);
}

/** A table of the batch's transaction (whatever the async context), or of the database. */
export function table<K extends EngineTable>(db: ThreadlineDB, batch: Batch | undefined, name: K): ThreadlineDB[K] {
  const tx = batch && transactions.get(batch);
  return (tx ? tx.table(name) : db[name]) as ThreadlineDB[K];
}

/** The term log as the batch began: as committed when memory may be trusted, else read in its transaction (outside batches: see readWithTermLog()). */
export async function batchLog(db: ThreadlineDB, batch: Batch): Promise<TermLog> {
  if (!batch.log) batch.log = (batch.shared ? sharedFor(db).log : undefined) ?? (await readTermLog(table(db, batch, 'termLog')));
  return batch.log;
}

/**
 * Reads `read` outside any batch with the term log it applies to: the committed log when
 * memory has it, else both in one transaction (a fold committed in between would change both).
 * The word search (lib/background/search.ts) reads posting rows so too: the log is read whole
 * only when memory has none (a full one is 180,000 moves, lib/store/term-log.ts FOLD_AT).
 */
export async function readWithTermLog<T>(db: ThreadlineDB, read: (t: Table) => Promise<T>): Promise<{ value: T; log: TermLog }> {
  const at = fillFor(db);
  if (at?.shared.log) return { value: await read(db.postingBuckets as unknown as Table), log: at.shared.log };
  const got = await db.transaction('r', [db.postingBuckets, db.termLog], async (tx) => {
    const log = await readTermLog(tx.table('termLog'));
    return { value: await read(tx.table('postingBuckets')), log };
  });
  if (at) fillLog(db, at, got.log);
  return got;
}

/**
 * When a batch asks for at least this many article ids memory does not know and finds at least
 * half of them absent, it reads the stored keys whole (StoredKeys): a bulk ingest of new articles
 * (a feed refresh, an import, the bench) checks its new ids so. A reader's single article, whose
 * candidates are stored, never waits for that read (at 100,000 stored: 100,000 ids and ~65,000
 * terms).
 */
export const KEYS_READ_FROM = { ids: 20 };

/** Whether a read of article ids was a bulk ingest's check of new ones (KEYS_READ_FROM). */
function mostlyNew(rows: readonly unknown[]): boolean {
  if (rows.length < KEYS_READ_FROM.ids) return false;
  let absent = 0;
  for (const row of rows) if (row === undefined) absent++;
  return absent * 2 >= rows.length;
}

/** The stored keys the batch may trust: its own read, or memory's. */
function knownKeys(db: ThreadlineDB, batch: Batch): StoredKeys | undefined {
  return batch.keys ?? (batch.shared ? sharedFor(db).keys : undefined);
}

/** Reads the stored keys whole in the batch's transaction (the committed term log's terms included). */
async function readKeys(db: ThreadlineDB, batch: Batch): Promise<StoredKeys> {
  const log = await batchLog(db, batch);
  const articles = new Set((await table(db, batch, 'articles').toCollection().primaryKeys()) as string[]);
  const terms = withLogTerms(new Set(await postingTerms(table(db, batch, 'postingBuckets') as unknown as Table)), log);
  batch.keys = { articles, terms };
  return batch.keys;
}

/** The rows of `terms` (one read) with the term log applied; the batch's own changes are not. */
async function readRows(db: ThreadlineDB, batch: Batch | undefined, terms: readonly string[]): Promise<TermRow[]> {
  const keys = batch && knownKeys(db, batch);
  // Terms IndexedDB surely lacks (no row, nothing in the log) are not asked for.
  const asked = keys ? terms.filter((term) => keys.terms.has(term)) : terms;
  const { value: found, log } = batch
    ? { value: asked.length > 0 ? await bucketStore(table(db, batch, 'postingBuckets') as unknown as Table).read(asked) : [], log: await batchLog(db, batch) }
    : await readWithTermLog(db, (t) => bucketStore(t).read(asked));
  let rows = found;
  if (asked.length !== terms.length) {
    const byTerm = new Map(asked.map((term, i) => [term, found[i]]));
    rows = terms.map((term) => byTerm.get(term));
  }
  return terms.map((term, i) => {
    const row = rows[i];
    let ids: readonly string[] | undefined;
    // Lists spelled out only when asked for (a read for document frequencies outside a batch keeps none).
    return { df: log.df.get(term) ?? row?.df ?? 0, get ids() { return (ids ??= applyMoves(row?.ids ?? [], log.moves.get(term))); } };
  });
}

/**
 * Keeps rows read in the batch: the document frequencies it has not set and the posting lists
 * it has not read, its pending moves applied. A row read for one is the other too: asking for
 * either again would cost IndexedDB requests (the terms of a new article are asked for their
 * document frequencies first, then for the lists of the rare ones, and a fold writes both).
 */
function keepRows(batch: Batch, terms: readonly string[], rows: readonly TermRow[]): void {
  terms.forEach((term, i) => {
    if (!batch.terms.has(term)) batch.terms.set(term, rows[i].df);
    if (!batch.postings.has(term)) keepList(batch, term, rows[i].ids);
  });
}

/** Keeps a posting list the batch had not read, its pending moves applied; returns it so. */
function keepList(batch: Batch, term: string, ids: readonly string[]): readonly string[] {
  const moves = batch.pendingPostings.get(term);
  if (moves) {
    ids = applyMoves(ids, moves);
    batch.pendingPostings.delete(term);
  }
  batch.postings.set(term, ids);
  return ids;
}

/** Current document frequencies of `terms`, every one of them (0: in no article). */
export async function readTerms(db: ThreadlineDB, batch: Batch | undefined, terms: Iterable<string>): Promise<Map<string, number>> {
  const at = batch ? undefined : fillFor(db);
  const memory = batch ? (batch.shared ? sharedFor(db).df : undefined) : at?.shared.df;
  const out = new Map<string, number>();
  const missing: string[] = [];
  for (const term of terms) {
    const value = batch?.terms.get(term) ?? memory?.get(term);
    if (value === undefined) missing.push(term);
    else out.set(term, value);
  }
  if (missing.length === 0) return out;
  const rows = await readRows(db, batch, missing);
  missing.forEach((term, i) => out.set(term, rows[i].df));
  if (batch) keepRows(batch, missing, rows);
  else if (at) fillTerms(db, at, missing.map((term, i): [string, number] => [term, rows[i].df]));
  return out;
}

/**
 * Posting lists of the terms, with the batch's moves applied: from the batch where it has them,
 * the rest in one read (a batch keeps them, and the document frequencies the rows hold).
 */
export async function postings(db: ThreadlineDB, batch: Batch | undefined, terms: Iterable<string>): Promise<Map<string, readonly string[]>> {
  const lists = new Map<string, readonly string[]>();
  const at = batch ? undefined : fillFor(db);
  const memory = batch ? (batch.shared ? sharedFor(db).postings : undefined) : at?.shared.postings;
  const missing: string[] = [];
  const read: string[] = [];
  for (const term of terms) {
    const known = batch?.postings.get(term);
    if (known) lists.set(term, known);
    else {
      missing.push(term);
      const cached = memory?.get(term);
      if (cached) lists.set(term, cached);
      else read.push(term);
    }
  }
  if (read.length > 0) {
    const rows = await readRows(db, batch, read);
    read.forEach((term, i) => lists.set(term, rows[i].ids));
    if (batch) {
      for (let i = 0; i < read.length; i++) if (!batch.terms.has(read[i])) batch.terms.set(read[i], rows[i].df);
    }
    else if (at) fillTerms(db, at, read.map((term, i): [string, number] => [term, rows[i].df]));
  }
  if (!batch) return lists;
  // In the order asked (what memory had and what was read alike): the batch's lists join the
  // shared ones in this order when it commits (engine-memory.ts closeBatch), oldest first out.
  for (const term of missing) lists.set(term, keepList(batch, term, lists.get(term)!));
  return lists;
}

/** Records by id: from the batch, or the shared stories, where they are; the rest in one read. */
export async function byIds<T>(db: ThreadlineDB, batch: Batch | undefined, kind: RecordKind, ids: readonly string[]): Promise<(T | undefined)[]> {
  const known = batch?.[kind] as Map<string, T | undefined> | undefined;
  const at = batch ? undefined : fillFor(db);
  const shared = batch ? (batch.shared ? sharedFor(db) : undefined) : at?.shared;
  const memory = shared?.[kind] as Map<string, T | undefined> | undefined;
  // Ids IndexedDB surely lacks are not asked for (StoredKeys).
  const keys = batch && kind === 'articles' ? knownKeys(db, batch) : undefined;
  const found = new Map<string, T | undefined>();
  const missing: string[] = [];
  for (const id of new Set(ids)) {
    if (known?.has(id)) found.set(id, known.get(id));
    else if (memory?.has(id)) found.set(id, memory.get(id));
    else if (keys && !keys.articles.has(id)) found.set(id, undefined);
    else missing.push(id);
  }
  if (missing.length > 0) {
    const rows = await (table(db, batch, kind) as unknown as Table<T, string>).bulkGet(missing);
    const read = missing.map((id, i): [string, T | undefined] => [id, rows[i] === undefined ? undefined : Object.freeze(rows[i]) as T]);
    for (const [id, record] of read) found.set(id, record);
    if (batch && kind === 'articles' && !keys && mostlyNew(rows)) await readKeys(db, batch);
    if (at && kind === 'stories') fillStories(db, at, read as [string, StoryRecord | undefined][]);
  }
  if (known) for (const [id, record] of found) known.set(id, record);
  return ids.map((id) => found.get(id));
}

/**
 * Where the articles are: from the batch or the shared places where known, the rest read whole.
 * Asked for every candidate of every article ingested (about 300): one lookup per id in the
 * shared places (a map of up to CACHED_PLACES) when they have it, and no map of what was found.
 */
export async function places(db: ThreadlineDB, batch: Batch | undefined, ids: readonly string[]): Promise<(ArticlePlace | undefined)[]> {
  const memory = batch ? (batch.shared ? sharedFor(db).places : undefined) : fillFor(db)?.shared.places;
  const out = new Array<ArticlePlace | undefined>(ids.length).fill(undefined);
  const missing: string[] = [];
  const missingAt: number[] = [];
  for (let i = 0; i < ids.length; i++) {
    const id = ids[i];
    // undefined in a map: known absent, so `has` is asked only when `get` finds nothing.
    const own = batch?.articles.get(id);
    if (own !== undefined || batch?.articles.has(id)) {
      out[i] = own && placeOf(own);
      continue;
    }
    const place = memory?.get(id);
    if (place !== undefined || memory?.has(id)) out[i] = place;
    else {
      missing.push(id);
      missingAt.push(i);
    }
  }
  if (missing.length > 0) {
    const read = await byIds<Article>(db, batch, 'articles', missing);
    read.forEach((article, j) => (out[missingAt[j]] = article && placeOf(article)));
  }
  return out;
}
