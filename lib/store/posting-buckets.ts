// Posting rows stored in hash buckets (schema version 7): the rows of lib/store/postings.ts
// (a term, its document frequency, the ids of its articles) grouped by a hash of the term into
// POSTING_BUCKETS IndexedDB entries. Per-term entries made a fold of the term log
// (lib/store/term-log.ts) one request per term it touched: ~21,000 requests per fold at 100,000
// stored in the match bench, each 130–160 µs in Chromium's service worker whatever its size, and
// a third of the engine's time to 100,000 (65 of 220 s, real Chromium, batches of 250). With
// buckets a fold rewrites each bucket a touched term hashes to, so every bucket at that size,
// but as 2,048 requests (and one read of them all): a fold at 95,000–100,000 stored takes
// 1.0–1.5 s instead of 2.8–3.5 s. The price is bytes: a fold reads and writes the whole table
// (2.7 million ids at 100,000, 8 bytes each), a read of one term reads its bucket (about 30
// terms at 65,000 terms), and the buckets hold no index of their terms: the word search looks
// its terms up in a sorted list kept in memory (lib/store/term-list.ts).
// Everything that reads or writes posting rows goes through a PostingStore, so the term log, the
// retention policy, import and export see rows, not buckets; the schema upgrades up to version 6
// use the same interface over the per-term table they wrote (termRowStore).
import type { Table } from 'dexie';
import { decodePosting, idNumber, spelledId } from './compact-records';
import { isLiveRow, type PostingRecord } from './postings';

/**
 * How many buckets. Part of the stored layout: a term's bucket is found by hashing it, so a new
 * number means rewriting every row (a schema upgrade). 2,048 at 65,000 terms (100,000 articles)
 * puts ~32 terms and ~1,300 ids in a bucket; fewer, larger buckets made a fold cheaper still in a
 * Chromium page (512: 0.2 s against 0.3–0.6 s for 2,048) but make a read of one term read more.
 */
export const POSTING_BUCKETS = 2048;

/** A bucket as stored. */
export interface BucketRow {
  b: number;
  /** Its terms. */
  t: string[];
  /** Each term's document frequency. */
  d: Int32Array;
  /** How many ids each term has, in order: its ids follow the previous terms' in `n` or `s`. */
  c: Uint32Array;
  /** The ids as the numbers they spell (compact-records.ts idNumber), 8 bytes each ... */
  n?: Float64Array;
  /** ... or as strings, when one of the bucket's ids spells no number. */
  s?: string[];
}

/** The bucket of a term: FNV-1a over its UTF-16 code units. */
export function bucketOf(term: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < term.length; i++) h = Math.imul(h ^ term.charCodeAt(i), 0x01000193);
  return (h >>> 0) % POSTING_BUCKETS;
}

/** One term's entry, with its ids as stored (numbers or strings) or as a list. */
export interface Entry {
  term: string;
  df: number;
  ids: readonly string[] | Float64Array;
}

/** The row of term `i` whose ids start at `start`: ids spelled out when first asked for. */
function rowAt(row: BucketRow, i: number, start: number): PostingRecord {
  const end = start + row.c[i];
  if (row.s) return { term: row.t[i], ids: row.s.slice(start, end), df: row.d[i] };
  const n = row.n!.subarray(start, end);
  let ids: string[] | undefined;
  return Object.defineProperty({ term: row.t[i], df: row.d[i] }, 'ids', { enumerable: true, configurable: true, get: () => (ids ??= Array.from(n, spelledId)) }) as PostingRecord;
}

/** The rows of the buckets' terms that `wanted` accepts, bucket by bucket. */
function rowsWhere(buckets: readonly (BucketRow | undefined)[], wanted: (term: string) => boolean): PostingRecord[] {
  const out: PostingRecord[] = [];
  for (const row of buckets) {
    if (!row) continue;
    let start = 0;
    for (let i = 0; i < row.t.length; i++) {
      if (wanted(row.t[i])) out.push(rowAt(row, i, start));
      start += row.c[i];
    }
  }
  return out;
}

/** Every row of a bucket. */
export function bucketRows(row: BucketRow): PostingRecord[] {
  return rowsWhere([row], () => true);
}

function entriesOf(row: BucketRow | undefined): Entry[] {
  if (!row) return [];
  const out: Entry[] = [];
  let start = 0;
  for (let i = 0; i < row.t.length; i++) {
    const end = start + row.c[i];
    out.push({ term: row.t[i], df: row.d[i], ids: row.s ? row.s.slice(start, end) : row.n!.subarray(start, end) });
    start = end;
  }
  return out;
}

/** The numbers of the ids, or undefined when one spells none. */
function numbers(ids: readonly string[] | Float64Array): Float64Array | undefined {
  if (ids instanceof Float64Array) return ids;
  const n = new Float64Array(ids.length);
  for (let i = 0; i < ids.length; i++) {
    const value = idNumber(ids[i]);
    if (value === undefined) return undefined;
    n[i] = value;
  }
  return n;
}

/** A bucket holding `entries` (undefined: none, the entry is deleted). */
export function bucketRow(b: number, entries: readonly Entry[]): BucketRow | undefined {
  if (entries.length === 0) return undefined;
  const t = entries.map((e) => e.term);
  const d = Int32Array.from(entries, (e) => e.df);
  const c = Uint32Array.from(entries, (e) => e.ids.length);
  let total = 0;
  for (const count of c) total += count;
  const encoded: Float64Array[] = [];
  for (const e of entries) {
    const n = numbers(e.ids);
    if (!n) return { b, t, d, c, s: entries.flatMap((x) => (x.ids instanceof Float64Array ? Array.from(x.ids, spelledId) : [...x.ids])) };
    encoded.push(n);
  }
  const n = new Float64Array(total);
  let at = 0;
  for (const part of encoded) {
    n.set(part, at);
    at += part.length;
  }
  return { b, t, d, c, n };
}

/** The buckets holding `entries` (one per term). */
export function bucketsOf(entries: Iterable<Entry>): BucketRow[] {
  const byBucket = new Map<number, Entry[]>();
  for (const entry of entries) {
    const b = bucketOf(entry.term);
    let list = byBucket.get(b);
    if (!list) byBucket.set(b, (list = []));
    list.push(entry);
  }
  return [...byBucket].map(([b, list]) => bucketRow(b, list)!);
}

/** Reads and writes posting rows by term, whatever the layout. */
export interface PostingStore {
  /** The rows of `terms`, in order (undefined: none). */
  read(terms: readonly string[]): Promise<(PostingRecord | undefined)[]>;
  /** Puts rows (a row saying nothing is deleted, lib/store/postings.ts isLiveRow) and deletes the rows of `gone`. */
  write(put: readonly PostingRecord[], gone?: readonly string[]): Promise<void>;
  /** Every row. */
  all(): Promise<PostingRecord[]>;
  clear(): Promise<void>;
}

/**
 * Reading a bucket by key is one IndexedDB request; a fold at 100,000 stored touches nearly all
 * of them (~21,000 terms in 2,048 buckets): past this share they are read in one request (same
 * period, to 100,000 in real Chromium: 156.6 s of engine time against 169.7 s reading by key,
 * though the machine was also busy during the latter's last chunk).
 */
const READ_ALL_FROM = 0.25;

async function readBuckets(table: Table, buckets: readonly number[]): Promise<(BucketRow | undefined)[]> {
  if (buckets.length < POSTING_BUCKETS * READ_ALL_FROM) return (await table.bulkGet(buckets as number[])) as (BucketRow | undefined)[];
  const all = new Map(((await table.toArray()) as BucketRow[]).map((row) => [row.b, row]));
  return buckets.map((b) => all.get(b));
}

/** The rows of schema version 7: buckets. */
export function bucketStore(table: Table): PostingStore {
  const read = async (terms: readonly string[]) => {
    // Many terms (a fold on a worker that has just started) touch most buckets: one request then.
    const rows = await readBuckets(table, [...new Set(terms.map(bucketOf))]);
    const wanted = new Set(terms);
    const byTerm = new Map(rowsWhere(rows, (term) => wanted.has(term)).map((row) => [row.term, row]));
    return terms.map((term) => byTerm.get(term));
  };
  return {
    read,
    async write(put, gone = []) {
      const changes = new Map<number, Map<string, PostingRecord | undefined>>();
      const change = (term: string, row: PostingRecord | undefined) => {
        const b = bucketOf(term);
        let entries = changes.get(b);
        if (!entries) changes.set(b, (entries = new Map()));
        entries.set(term, row && isLiveRow(row) ? row : undefined);
      };
      for (const term of gone) change(term, undefined);
      for (const row of put) change(row.term, row);
      if (changes.size === 0) return;
      const buckets = [...changes.keys()];
      const stored = await readBuckets(table, buckets);
      const rows: BucketRow[] = [];
      const empty: number[] = [];
      buckets.forEach((b, i) => {
        const changed = changes.get(b)!;
        const entries = entriesOf(stored[i]).filter((e) => !changed.has(e.term));
        for (const row of changed.values()) if (row) entries.push({ term: row.term, df: row.df ?? 0, ids: row.ids });
        const row = bucketRow(b, entries);
        if (row) rows.push(row);
        else if (stored[i]) empty.push(b);
      });
      if (rows.length > 0) await table.bulkPut(rows);
      if (empty.length > 0) await table.bulkDelete(empty);
    },
    async all() {
      return rowsWhere((await table.toArray()) as BucketRow[], () => true);
    },
    clear: () => table.clear(),
  };
}

/** The rows of schema versions 3 to 6: one entry per term (its upgrades still write them). */
export function termRowStore(table: Table): PostingStore {
  return {
    // Decoded here whether or not the reading hook ran (an upgrade's table has none).
    read: async (terms) => ((await table.bulkGet(terms as string[])) as (PostingRecord | undefined)[]).map((r) => r && decodePosting(r)),
    async write(put, gone = []) {
      const live = put.filter(isLiveRow);
      const dead = [...gone, ...put.filter((r) => !isLiveRow(r)).map((r) => r.term)];
      if (live.length > 0) await table.bulkPut(live);
      if (dead.length > 0) await table.bulkDelete(dead);
    },
    all: async () => ((await table.toArray()) as PostingRecord[]).map((r) => decodePosting(r)),
    clear: () => table.clear(),
  };
}

/** Every term with a row: every bucket is read (the stored keys, engine-reads.ts; the word search's list of terms, term-list.ts). */
export async function postingTerms(table: Table): Promise<string[]> {
  return ((await table.toArray()) as BucketRow[]).flatMap((row) => row.t);
}
