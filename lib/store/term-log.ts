// The term log (schema version 4): what an ingest batch changed in the document frequencies
// and the posting lists, as one row per batch, folded into `postings` once the log holds enough.
// Since schema version 5 a posting row holds its term's document frequency too and a fold writes
// one row per term (version 4 folded into `terms` and `postings`; its log rows have the format
// they have now, and the version 5 upgrade folds them). A batch used to rewrite every term row
// and posting list it touched (two IndexedDB entries per term, about 2,400 terms a batch of 100
// articles at 10,000 stored: most of an ingest's time in Chromium, where every request costs
// about the same whatever its size); it now writes one log row, and when the log holds enough
// (FOLD_AT) the union of the terms touched since is written once: common terms, touched by most
// batches, are written once per fold instead of once per batch (at 10,000–20,000 stored, about
// 9 terms an article folding every 10 batches of 100, 7 every 20, 5 every 40, against 24
// written batch by batch). Since schema version 7 the rows are kept in hash buckets
// (lib/store/posting-buckets.ts), so a fold writes each bucket holding a touched term once.
//
// What the tables answer is the tables with the log applied, oldest row first:
//   document frequency of a term   its value in the latest row that has one, else its posting row's df;
//   posting list of a term         its posting row's ids, then every move of the log in order
//                                  (withId / withoutId, lib/store/postings.ts).
// A row is written in the transaction of its batch, and a fold (the tables written, the log
// emptied) in one transaction too: a killed service worker leaves either or nothing.
// The engine store (lib/store/engine-store.ts) keeps the log in memory; everybody else who
// reads or writes the posting rows directly folds it first (foldTermLog), or reads it
// (readTermLog) in the same transaction.
import type { Dexie, Table } from 'dexie';
import { idNumber, spelledId } from './compact-records';
import { bucketStore, type PostingStore } from './posting-buckets';
import { POSTING_CAP, withId, type PostingRecord } from './postings';

/**
 * When the log is folded: past `moves` moves (each an article id gained or lost by a term; an
 * article moves ~48, so about 37 batches of 100 articles) or `rows` rows (many small batches: a
 * feed refresh stores a few articles). Tests lower them to fold often.
 * A fold writes every term touched since the last one, and the terms of new articles repeat:
 * at 100,000 stored (match bench, real Chromium) a fold at 60,000 moves wrote ~11,000 rows
 * (8.5 an article), at 180,000 ~22,000 (5.9 an article). With the lists in memory
 * (lib/store/engine-memory.ts) a fold reads nothing, so the rows written are its whole cost:
 * same-period runs to 100,000 took 511 s of engine time folding at 60,000 and 392 s at 180,000.
 * The cost of a longer log: it is kept in memory (a move is a small object) and read whole when
 * the service worker starts (the bench's cold match), and a fold is one longer transaction.
 * Those counts were per-term rows (schema versions 5–6); in buckets (version 7) a fold writes
 * every bucket a touched term hashes to, almost all of them past a few thousand terms, so its
 * cost follows the size of the table more than the terms touched.
 */
export const FOLD_AT = { moves: 180_000, rows: 200 };

/** One batch's changes as stored. */
export interface TermLogRow {
  seq: number;
  /** Terms whose document frequency or posting list changed. */
  t: string[];
  /** Their document frequency after the batch, by position in `t` (-1: unchanged). */
  d: Int32Array;
  /** The moves, in order: the term (position in `t`), the article id, added (1) or removed (0). */
  mt: Uint32Array;
  /** The ids as the numbers they spell (lib/store/compact-records.ts idNumber), or as strings when one does not. */
  mn?: Float64Array;
  ms?: string[];
  ma: Uint8Array;
}

export interface Move {
  id: string;
  add: boolean;
}

/**
 * The log, applied. Changed in place, and only by what has committed (lib/store/engine-memory.ts
 * closeBatch appends a batch's row once its transaction has): copying it per batch made tens of
 * MB of garbage per batch at 100,000 articles.
 */
export interface TermLog {
  /** The next row's sequence number. */
  next: number;
  rows: number;
  moveCount: number;
  /** Latest document frequency per term (0: none). */
  df: Map<string, number>;
  /** Moves per term, oldest first. */
  moves: Map<string, Move[]>;
}

/** An empty log whose next row is `next`. */
export function emptyLog(next = 1): TermLog {
  return { next, rows: 0, moveCount: 0, df: new Map(), moves: new Map() };
}

/** What one batch logs (its row, before encoding). */
export interface LoggedBatch {
  seq: number;
  df: ReadonlyMap<string, number>;
  moves: ReadonlyMap<string, readonly Move[]>;
}

/** Appends a batch to the log, in place. */
export function appendBatch(log: TermLog, batch: LoggedBatch): void {
  for (const [term, value] of batch.df) log.df.set(term, value);
  let count = 0;
  for (const [term, list] of batch.moves) {
    let all = log.moves.get(term);
    if (!all) log.moves.set(term, (all = []));
    for (const move of list) all.push(move);
    count += list.length;
  }
  log.next = Math.max(log.next, batch.seq + 1);
  log.rows += 1;
  log.moveCount += count;
}

/** A copy of the log (a fold's, which adds the batch that folds it before it has committed). */
export function copyLog(log: TermLog): TermLog {
  return { ...log, df: new Map(log.df), moves: new Map([...log.moves].map(([term, list]) => [term, [...list]])) };
}

/** The row of one batch: its document frequencies and its moves. */
export function logRow(seq: number, df: ReadonlyMap<string, number>, moves: ReadonlyMap<string, readonly Move[]>): TermLogRow {
  const index = new Map<string, number>();
  const t: string[] = [];
  const at = (term: string) => {
    let i = index.get(term);
    if (i === undefined) {
      index.set(term, (i = t.length));
      t.push(term);
    }
    return i;
  };
  for (const term of df.keys()) at(term);
  for (const term of moves.keys()) at(term);
  const d = new Int32Array(t.length).fill(-1);
  for (const [term, value] of df) d[index.get(term)!] = value;
  let count = 0;
  for (const list of moves.values()) count += list.length;
  const mt = new Uint32Array(count);
  const ma = new Uint8Array(count);
  const ids: string[] = [];
  let k = 0;
  for (const [term, list] of moves) {
    const i = index.get(term)!;
    for (const { id, add } of list) {
      mt[k] = i;
      ma[k] = add ? 1 : 0;
      ids.push(id);
      k++;
    }
  }
  const mn = new Float64Array(count);
  for (let j = 0; j < count; j++) {
    const n = idNumber(ids[j]);
    if (n === undefined) return { seq, t, d, mt, ms: ids, ma };
    mn[j] = n;
  }
  return { seq, t, d, mt, mn, ma };
}

/**
 * Appends a stored row to the log, in place, as appendBatch appends the batch that wrote it: one
 * pass, no map per row, one lookup per term instead of one per move. A full log (180,000 moves,
 * FOLD_AT) is read whole when the service worker starts.
 */
export function appendRow(log: TermLog, row: TermLogRow): void {
  for (let i = 0; i < row.t.length; i++) if (row.d[i] >= 0) log.df.set(row.t[i], row.d[i]);
  const lists: (Move[] | undefined)[] = new Array(row.t.length);
  for (let k = 0; k < row.mt.length; k++) {
    const i = row.mt[k];
    let list = lists[i];
    if (!list) {
      const term = row.t[i];
      list = log.moves.get(term);
      if (!list) log.moves.set(term, (list = []));
      lists[i] = list;
    }
    list.push({ id: row.mn ? spelledId(row.mn[k]) : row.ms![k], add: row.ma[k] === 1 });
  }
  log.next = Math.max(log.next, row.seq + 1);
  log.rows += 1;
  log.moveCount += row.mt.length;
}

/** Whether a log of `rows` rows and `moves` moves should be folded into the tables. */
export function wantsFold(rows: number, moves: number): boolean {
  return moves >= FOLD_AT.moves || rows >= FOLD_AT.rows;
}

/** `terms` with every term the log holds (a document frequency or moves) added. */
export function withLogTerms(terms: Set<string>, log: TermLog): Set<string> {
  for (const term of log.df.keys()) terms.add(term);
  for (const term of log.moves.keys()) terms.add(term);
  return terms;
}

/** Reads the whole log (in the caller's transaction when `table` is one of its tables). */
export async function readTermLog(table: Table): Promise<TermLog> {
  const log = emptyLog();
  for (const row of (await table.orderBy('seq').toArray()) as TermLogRow[]) appendRow(log, row);
  return log;
}

/**
 * A posting list with moves applied in order, exactly as withId / withoutId one at a time would
 * (an id added moves to the end, the oldest drop past POSTING_CAP), in time linear in the list.
 */
export function applyMoves(ids: readonly string[], moves: readonly Move[] | undefined): readonly string[] {
  if (!moves || moves.length === 0) return ids;
  if (onlyNewIds(ids, moves)) {
    // New articles: appended in order, without building a set of the list.
    const out = ids.concat(moves.map((m) => m.id));
    return out.length > POSTING_CAP ? out.slice(out.length - POSTING_CAP) : out;
  }
  if (moves.length === 1) return moves[0].add ? withId(ids, moves[0].id) : ids.filter((x) => x !== moves[0].id);
  const list = new Set(ids);
  for (const { id, add } of moves) {
    list.delete(id);
    if (!add) continue;
    list.add(id);
    if (list.size > POSTING_CAP) list.delete(list.values().next().value as string);
  }
  return [...list];
}

/** Moves that only add a few ids, each once, none of them in the list: what new articles do to a list. */
function onlyNewIds(ids: readonly string[], moves: readonly Move[]): boolean {
  if (moves.length > 8) return false;
  for (let i = 0; i < moves.length; i++) {
    const { id, add } = moves[i];
    if (!add || ids.includes(id)) return false;
    for (let j = 0; j < i; j++) if (moves[j].id === id) return false;
  }
  return true;
}

/** Time spent in folds by step (for benches): reading the rows memory does not know, writing them. */
export const foldTimings = { read: { n: 0, ms: 0 }, write: { n: 0, ms: 0 } };

function timed(entry: { n: number; ms: number }, since: number, n: number): number {
  const now = performance.now();
  entry.n += n;
  entry.ms += now - since;
  return now;
}

/**
 * Writes the log into the posting rows and empties it, in the caller's transaction: one row per
 * term the log changed, its document frequency and ids together (schema version 5; before, a
 * term cost a `terms` row and a `postings` row). `known` gives posting lists already known with
 * the whole log applied (the engine store's memory): their rows are written without being read
 * when the log has their document frequency too; the others are read and moved. In Chromium an
 * IndexedDB request costs about the same whatever its size and whether Dexie makes it or not
 * (100–200 µs each on the bench machine), so the rows are written in buckets since schema
 * version 7 (lib/store/posting-buckets.ts): 2,048 requests at most instead of one per term.
 * Returns every list it wrote (empty: the row was deleted), for memory to keep.
 */
export async function foldLog(tables: { postings: PostingStore; termLog: Table }, log: TermLog, known?: (term: string) => readonly string[] | undefined): Promise<Map<string, readonly string[]>> {
  const written = new Map<string, readonly string[]>();
  if (log.rows === 0) return written;
  let t = performance.now();
  const rows = new Map<string, PostingRecord>();
  const read: string[] = [];
  for (const term of new Set([...log.df.keys(), ...log.moves.keys()])) {
    const ids = known?.(term);
    if (ids && log.df.has(term)) rows.set(term, { term, ids: [...ids], df: log.df.get(term)! });
    else read.push(term);
  }
  if (read.length > 0) {
    const stored = await tables.postings.read(read);
    read.forEach((term, i) => {
      const ids = known?.(term) ?? applyMoves(stored[i]?.ids ?? [], log.moves.get(term));
      rows.set(term, { term, ids: [...ids], df: log.df.get(term) ?? stored[i]?.df ?? 0 });
    });
  }
  t = timed(foldTimings.read, t, read.length);
  for (const row of rows.values()) written.set(row.term, row.ids);
  // Rows saying nothing are deleted by the write.
  await tables.postings.write([...rows.values()]);
  await tables.termLog.clear();
  timed(foldTimings.write, t, rows.size);
  return written;
}

/** Folds the log in the caller's transaction, which must write postings and termLog. */
export async function foldTermLogIn(tables: Parameters<typeof foldLog>[0]): Promise<void> {
  await foldLog(tables, await readTermLog(tables.termLog));
}

/** Folds the log in a transaction of its own (tests and tools that read the tables directly). */
export async function foldTermLog(db: Dexie): Promise<void> {
  await db.transaction('rw', ['postingBuckets', 'termLog'], (tx) => foldTermLogIn({ postings: bucketStore(tx.table('postingBuckets')), termLog: tx.table('termLog') }));
}
