// The lookup box's word search (lib/background/search.ts): it finds a word's terms in a sorted
// list kept in memory (lib/store/term-list.ts) and reads only their buckets, in as many reads as
// the word needs; its answers are the posting lists as the term log leaves them, in term order,
// the same before and after a fold; and the list follows what the engine stores after it.
import { Dexie } from 'dexie';
import { describe, expect, it } from 'vitest';
import { firstAtOrAfter, idsForWords, searchStore, SEARCH_PER_TERM } from '../../../lib/background/search';
import { ingestArticles } from '../../../lib/match/ingest';
import { prepareArticle } from '../../../lib/match/prepare';
import { openDatabase, type ThreadlineDB } from '../../../lib/store/db';
import { DexieEngineStore } from '../../../lib/store/engine-store';
import { bucketOf } from '../../../lib/store/posting-buckets';
import { foldTermLog } from '../../../lib/store/term-log';
import type { ArticleInput } from '../../../lib/types';
import { postingRows } from '../../fixtures/posting-rows';
import { tableReads } from '../../fixtures/table-reads';

let counter = 0;
const freshName = () => `search-test-${Date.now()}-${counter++}`;
const NOW = Date.UTC(2026, 5, 1);
const outlet = { id: 'harbour-gazette', name: 'Harbour Gazette' };

/** Forty made-up words sharing the prefix "zor" (zoraa … zorbn), letters only. */
const ZOR = Array.from({ length: 40 }, (_, i) => `zor${String.fromCharCode(97 + Math.floor(i / 26))}${String.fromCharCode(97 + (i % 26))}`);

function input(n: number, word: string): ArticleInput {
  return {
    url: `https://harbour-gazette.example/${n}`,
    title: `Harbour council weighs ${word} proposal ${n}`,
    bylines: [],
    published: new Date(NOW - n * 3_600_000).toISOString(),
    tags: [],
    paragraphs: [`The council debated the ${word} plan for the harbour on Tuesday, item ${n}.`],
    quotes: [],
    entities: { people: [], places: [], organisations: [] },
    wordCount: 14,
    source: 'feed',
  };
}

/** Six articles per word: 240 ids under "zor", more than one word's SEARCH_PER_TERM. */
async function zorStore(): Promise<ThreadlineDB> {
  const db = openDatabase(freshName());
  const articles = ZOR.flatMap((word, w) => Array.from({ length: 6 }, (_, k) => prepareArticle(input(w * 6 + k, word), outlet, NOW)));
  const store = new DexieEngineStore(db);
  for (let i = 0; i < articles.length; i += 60) await ingestArticles(store, articles.slice(i, i + 60), NOW);
  return db;
}

/** What the search should find: every row read whole, terms in order, each list newest first. */
async function expectedIds(db: ThreadlineDB, word: string): Promise<string[]> {
  const rows = (await postingRows(db)).filter((r) => r.term.startsWith(word)).sort((a, b) => (a.term < b.term ? -1 : 1));
  return rows.flatMap((r) => [...r.ids].reverse()).slice(0, SEARCH_PER_TERM);
}

describe('word search', () => {
  it('finds where a word would sit among sorted terms', () => {
    const sorted = ['doha', 'taliban', 'talks', 'zora'];
    expect(firstAtOrAfter(sorted, 'tal')).toBe(1);
    expect(firstAtOrAfter(sorted, 'talks')).toBe(2);
    expect(firstAtOrAfter(sorted, 'a')).toBe(0);
    expect(firstAtOrAfter(sorted, 'zz')).toBe(4);
  });

  it("reads each word's ids in term order, newest first, up to the limit, through as many reads as it takes; the same before and after a fold", async () => {
    const db = await zorStore();
    const words = ['zor', 'zorb', 'zorak', 'council', 'qqqq'];
    // Memory is dropped with a new connection: this search reads the keys and the term log itself.
    const fresh = openDatabase(db.name);
    const logged = await idsForWords(fresh, words);
    await foldTermLog(db);
    const expected = await Promise.all(words.map((w) => expectedIds(db, w)));
    expect(expected[0]).toHaveLength(SEARCH_PER_TERM);
    expect(expected[2].length).toBe(6);
    expect(expected[4]).toEqual([]);
    expect(logged).toEqual(expected);
    expect(await idsForWords(openDatabase(db.name), words)).toEqual(expected);
    db.close();
    fresh.close();
    await Dexie.delete(db.name);
  });

  it('reads every bucket once per connection, then only the buckets of the terms it needs', async () => {
    const stored = await zorStore();
    stored.close();
    // Middleware counts only on a connection not yet open.
    const db = openDatabase(stored.name);
    let wholeReads = 0;
    const buckets: number[] = [];
    db.use(tableReads('postingBuckets', { query: () => wholeReads++, openCursor: () => wholeReads++, get: (req) => buckets.push(req.key as number), getMany: (req) => buckets.push(...(req.keys as number[])) }));
    await searchStore(db, 'council');
    // The first search on this connection read every bucket for the list of terms; nothing was
    // ingested on it, so the stored keys are not in memory.
    expect(wholeReads).toBe(1);
    wholeReads = 0;
    buckets.length = 0;
    const hits = await searchStore(db, 'Zorak');
    expect(hits.map((h) => h.matchedTerms)).toEqual(Array.from({ length: 6 }, () => ['zorak']));
    expect(wholeReads).toBe(0);
    expect(new Set(buckets)).toEqual(new Set([bucketOf('zorak')]));
    db.close();
    await Dexie.delete(db.name);
  });

  it('finds articles ingested after it listed the terms, from the stored keys or from its own list', async () => {
    const stored = await zorStore();
    // On this connection a bulk ingest read the stored keys; on the other, nothing is in memory.
    const fresh = openDatabase(stored.name);
    for (const [n, db] of [stored, fresh].entries()) {
      const word = ['quillwort', 'bladderwrack'][n];
      expect(await searchStore(db, word)).toEqual([]);
      const late = prepareArticle(input(900 + n, word), outlet, NOW);
      await ingestArticles(new DexieEngineStore(db), [late], NOW);
      expect((await searchStore(db, word)).map((h) => h.id), word).toEqual([late.id]);
    }
    fresh.close();
    stored.close();
    await Dexie.delete(stored.name);
  });
});
