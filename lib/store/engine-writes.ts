// How the engine store (lib/store/engine-store.ts) writes. One ingest batch = one transaction:
// its articles, events and stories are put in the batch's memory (lib/store/engine-memory.ts),
// and written once, when it ends, in the same transaction, with one term log row holding its
// document frequencies and posting list moves. Rewriting every term row and posting list a batch
// touched (two IndexedDB entries per term, thousands a batch) was most of an ingest's time in
// Chromium; the log is folded into the posting rows every few dozen batches instead (one row per
// term, written in buckets: lib/store/posting-buckets.ts).
import type { Table, Transaction } from 'dexie';
import type { Article } from '../types';
import { markEngineTransaction, type ThreadlineDB } from './db';
import { kept, sharedFor, type Batch } from './engine-memory';
import { batchLog, bindTransaction, byIds, readTerms, table } from './engine-reads';
import { bucketStore } from './posting-buckets';
import { withId, withoutId } from './postings';
import { appendBatch, applyMoves, copyLog, emptyLog, foldLog, logRow, wantsFold } from './term-log';

/** Time spent ending ingest transactions (for benches): writing records, the term log, folds, committing. */
export const batchTimings = { records: { n: 0, ms: 0 }, log: { n: 0, ms: 0 }, fold: { n: 0, ms: 0 }, commit: { n: 0, ms: 0 } };

function timing(entry: { n: number; ms: number }, since: number): number {
  const now = performance.now();
  entry.n += 1;
  entry.ms += now - since;
  return now;
}

/**
 * Runs `work` in one transaction over the engine's tables as `batch`, then writes what the
 * batch holds in the same transaction. `work` is told the transaction before it runs.
 */
export async function runBatch<T>(db: ThreadlineDB, batch: Batch, work: (tx: Transaction) => Promise<T>): Promise<T> {
  const { articles, events, stories, postingBuckets, termLog } = db;
  let ended = 0;
  const result = await db.transaction('rw', [articles, events, stories, postingBuckets, termLog], async (tx) => {
    markEngineTransaction(tx.idbtrans);
    bindTransaction(batch, tx);
    const value = await work(tx);
    let t = performance.now();
    await writeRecords(db, batch, 'articles');
    await writeRecords(db, batch, 'events');
    await writeRecords(db, batch, 'stories');
    t = timing(batchTimings.records, t);
    const folded = await writeLog(db, batch);
    ended = timing(folded ? batchTimings.fold : batchTimings.log, t);
    return value;
  });
  timing(batchTimings.commit, ended);
  return result;
}

/**
 * The batch's document frequencies and posting list moves as one term log row; or, once the
 * log holds enough, the whole log (this row included) folded into the posting rows.
 */
async function writeLog(db: ThreadlineDB, batch: Batch): Promise<boolean> {
  if (batch.changed.size === 0 && batch.moves.size === 0) return false;
  const log = await batchLog(db, batch);
  const df = new Map<string, number>();
  for (const term of batch.changed) df.set(term, batch.terms.get(term) ?? 0);
  const row = logRow(log.next, df, batch.moves);
  const logged = { seq: row.seq, df, moves: batch.moves };
  if (!wantsFold(log.rows + 1, log.moveCount + row.mt.length)) {
    await table(db, batch, 'termLog').add(row);
    // Appended to the log in memory once committed (engine-memory.ts closeBatch).
    batch.logged = logged;
    return false;
  }
  const next = copyLog(log);
  appendBatch(next, logged);
  const memory = batch.shared ? sharedFor(db).postings : undefined;
  const known = (term: string): readonly string[] | undefined => {
    const own = batch.postings.get(term);
    if (own) return own;
    const cached = memory?.get(term);
    return cached && applyMoves(cached, batch.pendingPostings.get(term));
  };
  batch.folded = await foldLog({ postings: bucketStore(table(db, batch, 'postingBuckets') as unknown as Table), termLog: table(db, batch, 'termLog') }, next, known);
  batch.nextLog = emptyLog(next.next);
  return true;
}

/** Writes the batch's pending articles, events or stories. */
export async function writeRecords(db: ThreadlineDB, batch: Batch, kind: 'articles' | 'events' | 'stories'): Promise<void> {
  const ids = [...batch.dirty[kind]];
  if (ids.length === 0) return;
  batch.dirty[kind].clear();
  const records = ids.map((id) => batch[kind].get(id));
  const put = records.filter((r): r is NonNullable<typeof r> => r !== undefined);
  const gone = ids.filter((_, i) => records[i] === undefined);
  const target = table(db, batch, kind) as unknown as Table<{ id: string }, string>;
  if (put.length > 0) await target.bulkPut(put);
  if (gone.length > 0) await target.bulkDelete(gone);
}

/** Puts events or stories: in the batch, written when it ends; outside one, now. */
export async function putRecord<T extends { id: string }>(db: ThreadlineDB, batch: Batch | undefined, kind: 'events' | 'stories', record: T): Promise<void> {
  if (!batch) {
    await (db[kind] as unknown as Table<T, string>).put(record);
    return;
  }
  (batch[kind] as Map<string, T | undefined>).set(record.id, kept(record));
  batch.dirty[kind].add(record.id);
}

export async function deleteRecord(db: ThreadlineDB, batch: Batch | undefined, kind: 'events' | 'stories', id: string): Promise<void> {
  if (!batch) {
    await db[kind].delete(id);
    return;
  }
  batch[kind].set(id, undefined);
  batch.dirty[kind].add(id);
}

/**
 * Puts the articles in the batch (written when it ends) and moves their ids in the posting
 * lists of the terms they gained or lost (applied when a list is read or the batch ends).
 */
export async function putArticles(db: ThreadlineDB, batch: Batch, articles: readonly Article[]): Promise<void> {
  const before = await byIds<Article>(db, batch, 'articles', articles.map((a) => a.id));
  articles.forEach((article, i) => {
    const old = new Set(before[i]?.termKeys ?? []);
    const now = new Set(article.termKeys);
    for (const term of now) if (!old.has(term)) movePosting(batch, term, article.id, true);
    for (const term of old) if (!now.has(term)) movePosting(batch, term, article.id, false);
    batch.articles.set(article.id, kept(article));
    batch.dirty.articles.add(article.id);
  });
}

function movePosting(batch: Batch, term: string, id: string, add: boolean): void {
  let logged = batch.moves.get(term);
  if (!logged) batch.moves.set(term, (logged = []));
  logged.push({ id, add });
  const ids = batch.postings.get(term);
  if (ids) batch.postings.set(term, add ? withId(ids, id) : withoutId(ids, id));
  else {
    let moves = batch.pendingPostings.get(term);
    if (!moves) batch.pendingPostings.set(term, (moves = []));
    moves.push({ id, add });
  }
}

/** Adds changes in document frequencies (DOC_COUNT_KEY: the article count) to the batch, logged when it ends. */
export async function addDocFreqs(db: ThreadlineDB, batch: Batch, change: ReadonlyMap<string, number>): Promise<void> {
  const current = await readTerms(db, batch, change.keys());
  for (const [term, d] of change) {
    batch.terms.set(term, Math.max(0, (current.get(term) ?? 0) + d));
    batch.changed.add(term);
  }
}
