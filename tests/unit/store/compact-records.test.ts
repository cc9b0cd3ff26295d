import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ingestArticles } from '../../../lib/match/ingest';
import { MemoryEngineStore } from '../../../lib/match/memory-store';
import { prepareArticle } from '../../../lib/match/prepare';
import { decodeArticle, decodePosting, decodeSummary, encodeArticle, encodeSummary, idNumber, idString, type StoredArticle } from '../../../lib/store/compact-records';
import { openDatabase } from '../../../lib/store/db';
import { DexieEngineStore } from '../../../lib/store/engine-store';
import { exportStore, importStore } from '../../../lib/store/transfer';
import type { Article } from '../../../lib/types';
import { RECORDS_BY_VERSION } from '../../fixtures/store-versions';
import { DEMO_ARTICLES, DEMO_NOW } from '../match/fixtures/demo-story';

let counter = 0;
const freshName = () => `compact-records-test-${Date.now()}-${counter++}`;

const demo = (): Article[] => DEMO_ARTICLES.map((a) => prepareArticle(a.input, a.outlet, DEMO_NOW));

/** The raw records of a table, as IndexedDB holds them (no Dexie on the way). */
function rawArticles(name: string, table = 'articles'): Promise<Record<string, unknown>[]> {
  return new Promise((done, fail) => {
    const open = indexedDB.open(name);
    open.onerror = () => fail(open.error);
    open.onsuccess = () => {
      const req = open.result.transaction(table).objectStore(table).getAll();
      req.onsuccess = () => {
        done(req.result as Record<string, unknown>[]);
        open.result.close();
      };
      req.onerror = () => fail(req.error);
    };
  });
}

describe('article codec', () => {
  it('round-trips every demo article exactly, storing names once and weights as integers', () => {
    for (const article of demo()) {
      const stored = encodeArticle(article) as StoredArticle;
      expect(decodeArticle(stored)).toEqual(article);
      expect('terms' in stored).toBe(false);
      expect(stored.termKeys).toEqual(article.termKeys);
      expect(stored.tw?.every(Number.isInteger)).toBe(true);
    }
  });

  it('stores the shared terms of event and story links as positions in the record’s own terms', async () => {
    const memory = new MemoryEngineStore();
    await ingestArticles(memory, demo(), DEMO_NOW);
    const linked = [...memory.articles.values()].filter((a) => a.eventLink);
    expect(linked.length).toBeGreaterThan(0);
    for (const a of memory.articles.values()) expect(decodeArticle(encodeArticle(a))).toEqual(a);
    for (const a of linked) expect(encodeArticle(a)).toMatchObject({ eventLink: { ti: expect.any(Array), ei: expect.any(Array) } });
    for (const e of [...memory.events.values(), ...memory.stories.values()]) expect(decodeSummary(encodeSummary(e))).toEqual(e);
    expect([...memory.events.values()].some((e) => e.storyLink && 'ti' in (encodeSummary(e) as { storyLink: object }).storyLink)).toBe(true);
    // A link naming a term the record lacks (an article updated since) is kept as it is.
    const [a] = linked;
    const odd = { ...a, eventLink: { ...a.eventLink!, sharedTerms: ['not-a-term-of-it'] } };
    expect((encodeArticle(odd) as StoredArticle).eventLink).toEqual(odd.eventLink);
    expect(decodeArticle(encodeArticle(odd))).toEqual(odd);
  });

  it('round-trips any term list (weights with more decimals, duplicates, long lists)', () => {
    const base = demo()[0];
    const term = fc.record({ term: fc.string({ maxLength: 12 }), weight: fc.oneof(fc.integer({ min: -5000, max: 5000 }).map((n) => n / 100), fc.double({ noNaN: true })) });
    fc.assert(
      fc.property(fc.array(term, { maxLength: 70 }), (terms) => {
        const article = { ...base, terms, termKeys: terms.map((t) => t.term) };
        expect(decodeArticle(encodeArticle(article))).toEqual(article);
      }),
    );
  });

  it('leaves records it cannot compact losslessly, and records already stored, as they are', () => {
    const article = demo()[0];
    const mismatched = { ...article, termKeys: article.termKeys.slice(1) };
    expect(encodeArticle(mismatched)).toBe(mismatched);
    const stored = encodeArticle(article);
    expect(encodeArticle(stored)).toBe(stored);
    const old = RECORDS_BY_VERSION[2].articles[0];
    expect(decodeArticle(old)).toBe(old);
  });

  it('stores the compact form and reads articles back whole, through every table API', async () => {
    const name = freshName();
    const db = openDatabase(name);
    const articles = demo();
    await db.articles.bulkPut(articles);
    const raw = await rawArticles(name);
    expect(raw.every((r) => !('terms' in r) && Array.isArray(r.tw))).toBe(true);
    const byId = new Map(articles.map((a) => [a.id, a]));
    expect(await db.articles.get(articles[0].id)).toEqual(articles[0]);
    for (const a of await db.articles.bulkGet(articles.map((x) => x.id))) expect(a).toEqual(byId.get(a!.id));
    for (const a of await db.articles.where('outletId').equals(articles[0].outletId).toArray()) expect(a).toEqual(byId.get(a.id));
    await db.articles.each((a) => expect(a).toEqual(byId.get(a.id)));
    db.close();
  });

  it('exports articles whole and imports them back into the compact form', async () => {
    const from = openDatabase(freshName());
    await ingestArticles(new DexieEngineStore(from), demo(), DEMO_NOW);
    const { jsonl } = await exportStore(from, DEMO_NOW);
    const exported = jsonl.split('\n').filter((l) => l.includes('"table":"articles"')).map((l) => JSON.parse(l).record as Record<string, unknown>);
    expect(exported.every((r) => Array.isArray(r.terms) && !('tw' in r))).toBe(true);
    // Header and articles only: the import's duplicate check does not know the `terms` key.
    const [header, ...lines] = jsonl.trim().split('\n');
    const articlesOnly = [header, ...lines.filter((l) => l.includes('"table":"articles"'))].join('\n') + '\n';
    const toName = freshName();
    const to = openDatabase(toName);
    await importStore(to, articlesOnly);
    expect((await exportStore(to, DEMO_NOW)).jsonl).toBe(articlesOnly);
    expect((await rawArticles(toName)).every((r) => !('terms' in r))).toBe(true);
    from.close();
    to.close();
  });

  it('stores event and story centroids compactly and reads them back whole', async () => {
    const { events, stories } = RECORDS_BY_VERSION[2] as { events: Record<string, unknown>[]; stories: Record<string, unknown>[] };
    const event = { ...events[0], centroid: [{ term: 'talks', weight: 1.25 }, { term: '@doha', weight: 0.3333 }] };
    expect(decodeSummary(encodeSummary(event))).toEqual(event);
    expect(decodeSummary(encodeSummary(stories[0]))).toEqual(stories[0]);
    const name = freshName();
    const db = openDatabase(name);
    const store = new DexieEngineStore(db);
    await ingestArticles(store, demo(), DEMO_NOW);
    for (const table of ['events', 'stories']) {
      const raw = await rawArticles(name, table);
      expect(raw.length).toBeGreaterThan(0);
      expect(raw.every((r) => !('centroid' in r) && Array.isArray(r.cn))).toBe(true);
      for (const r of raw) {
        const read = (await db.table(table).get(r.id as string)) as { centroid: unknown };
        expect(read).toEqual(decodeSummary(r));
        expect(Array.isArray(read.centroid)).toBe(true);
      }
    }
    db.close();
  });

  it('reads posting rows of schema versions 3 to 6 whose hash ids were stored as numbers, anything else as it is', () => {
    const ids = demo().map((a) => a.id);
    const stored = { term: 'talks', n: Float64Array.from(ids, (id) => idNumber(id)!) };
    expect(decodePosting(stored)).toEqual({ term: 'talks', ids });
    const plain = { term: 't', ids: ['a1', 'a-partial'] };
    expect(decodePosting(plain)).toBe(plain);
    fc.assert(
      fc.property(fc.array(fc.bigInt({ min: 0n, max: 2n ** 53n - 1n }).map((n) => 'a' + n.toString(36)), { minLength: 2 }), (list) => {
        expect(decodePosting({ term: 'x', n: Float64Array.from(list, (id) => idNumber(id)!) })).toEqual({ term: 'x', ids: list });
      }),
    );
  });

  it('converts ids and numbers as toString(36) and parseInt would, only canonical ids', () => {
    const reference = (id: string) => {
      const n = parseInt(id.slice(1), 36);
      return id[0] === 'a' && Number.isSafeInteger(n) && n >= 0 && 'a' + n.toString(36) === id ? n : undefined;
    };
    const edges = [0, 1, 35, 36, 2_176_782_335, 2_176_782_336, 2_176_782_337, 2 ** 32, 2 ** 53 - 1];
    for (const n of edges) {
      expect(idString(n)).toBe('a' + n.toString(36));
      expect(idNumber('a' + n.toString(36))).toBe(n);
    }
    for (const odd of ['a', 'a00', 'a0012', 'aA1', 'a1-2', 'b12', 'a ', 'a' + (2 ** 53).toString(36), 'a' + 'z'.repeat(11), 'a' + 'z'.repeat(12)]) expect(idNumber(odd), odd).toBe(reference(odd));
    fc.assert(
      fc.property(fc.bigInt({ min: 0n, max: 2n ** 53n - 1n }), (big) => {
        const n = Number(big);
        expect(idString(n)).toBe('a' + n.toString(36));
        expect(idNumber('a' + n.toString(36))).toBe(n);
      }),
    );
    fc.assert(
      fc.property(fc.string({ maxLength: 14 }), (text) => {
        expect(idNumber('a' + text)).toBe(reference('a' + text));
      }),
    );
  });
});
