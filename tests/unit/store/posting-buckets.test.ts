// Posting rows in hash buckets (lib/store/posting-buckets.ts): whatever is written, reading by
// term answers what a table of one row per term would, and the index of the buckets' terms lists
// exactly the terms with a row.
import { Dexie, type Table } from 'dexie';
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { bucketOf, bucketRow, bucketRows, bucketStore, POSTING_BUCKETS, postingTerms, type BucketRow } from '../../../lib/store/posting-buckets';
import { isLiveRow, type PostingRecord } from '../../../lib/store/postings';

let counter = 0;
const opened: Dexie[] = [];

/** A table declared as schema version 7 declares `postingBuckets`. */
async function bucketTable(): Promise<Table> {
  const db = new Dexie(`posting-buckets-test-${Date.now()}-${counter++}`);
  db.version(1).stores({ postingBuckets: 'b' });
  await db.open();
  opened.push(db);
  return db.table('postingBuckets');
}

afterEach(async () => {
  for (const db of opened.splice(0)) {
    db.close();
    await Dexie.delete(db.name);
  }
});

const hashIds = (from: number, n: number) => Array.from({ length: n }, (_, i) => `a${(from + i).toString(36)}`);
const plain = (row: PostingRecord | undefined) => row && { term: row.term, df: row.df, ids: [...row.ids] };

describe('posting buckets', () => {
  it('puts a term in one bucket, always the same, within range', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1, maxLength: 30 }), (term) => {
        const b = bucketOf(term);
        expect(Number.isInteger(b) && b >= 0 && b < POSTING_BUCKETS).toBe(true);
        expect(bucketOf(term)).toBe(b);
      }),
    );
    // Spread: 20,000 distinct terms leave no bucket with more than a few times its share.
    const counts = new Array<number>(POSTING_BUCKETS).fill(0);
    for (let i = 0; i < 20_000; i++) counts[bucketOf(`term${i}`)]++;
    expect(Math.max(...counts)).toBeLessThan((4 * 20_000) / POSTING_BUCKETS);
  });

  it('stores hash ids as numbers and any other id as a string, and reads both back as written', () => {
    const numeric = bucketRow(7, [
      { term: 'talks', df: 3, ids: hashIds(100, 3) },
      { term: '#docs', df: 9, ids: [] },
    ])!;
    expect(numeric.n).toBeInstanceOf(Float64Array);
    expect(numeric.s).toBeUndefined();
    expect(bucketRows(numeric).map(plain)).toEqual([
      { term: 'talks', df: 3, ids: hashIds(100, 3) },
      { term: '#docs', df: 9, ids: [] },
    ]);
    const mixed = bucketRow(7, [
      { term: 'talks', df: 2, ids: hashIds(5, 2) },
      { term: 'doha', df: 1, ids: ['not-a-hash'] },
    ])!;
    expect(mixed.n).toBeUndefined();
    expect(bucketRows(mixed).map(plain)).toEqual([
      { term: 'talks', df: 2, ids: hashIds(5, 2) },
      { term: 'doha', df: 1, ids: ['not-a-hash'] },
    ]);
    expect(bucketRow(7, [])).toBeUndefined();
  });

  it('answers as a table of one row per term would, after any sequence of writes', async () => {
    const terms = ['talks', 'doha', 'istanbul', 'kabul', 'islamabad', 'border', '#docs'];
    const row = fc.record({
      term: fc.constantFrom(...terms),
      df: fc.integer({ min: 0, max: 5 }),
      // Hash ids or not: a bucket switches between the two forms as ids come and go.
      ids: fc.array(fc.oneof(fc.integer({ min: 0, max: 1e9 }).map((n) => `a${n.toString(36)}`), fc.constantFrom('x-1', 'b2')), { maxLength: 5 }),
    });
    const step = fc.record({ put: fc.array(row, { maxLength: 4 }), gone: fc.array(fc.constantFrom(...terms), { maxLength: 2 }) });
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 1, maxLength: 8 }), async (steps) => {
        const table = await bucketTable();
        const store = bucketStore(table);
        const model = new Map<string, PostingRecord>();
        for (const { put, gone } of steps) {
          await store.write(put, gone);
          for (const term of gone) model.delete(term);
          for (const r of put) {
            if (isLiveRow(r)) model.set(r.term, { term: r.term, df: r.df, ids: [...r.ids] });
            else model.delete(r.term);
          }
        }
        expect((await store.read(terms)).map(plain)).toEqual(terms.map((t) => model.get(t)));
        expect((await postingTerms(table)).sort()).toEqual([...model.keys()].sort());
        expect((await store.all()).map(plain).sort((a, b) => (a!.term < b!.term ? -1 : 1))).toEqual([...model.values()].sort((a, b) => (a.term < b.term ? -1 : 1)));
        // An emptied bucket is deleted, not kept empty.
        for (const stored of (await table.toArray()) as BucketRow[]) expect(stored.t.length).toBeGreaterThan(0);
      }),
      { numRuns: 40 },
    );
  });
});
