// The posting lists (lib/store/postings.ts) against what they summarise: after any write path
// (ingest, re-ingest with other terms, event and story merges, retention, import), each term's
// row lists exactly the stored articles that carry it; and the store's word search reads them.
import { Dexie } from 'dexie';
import { describe, expect, it } from 'vitest';
import { searchStore } from '../../../lib/background/search';
import { ingestArticles } from '../../../lib/match/ingest';
import { prepareArticle } from '../../../lib/match/prepare';
import { openDatabase, type ThreadlineDB } from '../../../lib/store/db';
import { DexieEngineStore } from '../../../lib/store/engine-store';
import { POSTING_CAP, withId, withoutId } from '../../../lib/store/postings';
import { removeArticles } from '../../../lib/store/retention';
import { clearStore, exportStore, importStore } from '../../../lib/store/transfer';
import { foldTermLog } from '../../../lib/store/term-log';
import { DEMO_ARTICLES, DEMO_NOW } from '../match/fixtures/demo-story';
import { postingRow, postingRows } from '../../fixtures/posting-rows';

let counter = 0;
const freshName = () => `postings-test-${Date.now()}-${counter++}`;
const demo = () => DEMO_ARTICLES.map((a) => prepareArticle(a.input, a.outlet, DEMO_NOW));

/**
 * Every row equals the ids of the stored articles carrying its term, and no term lacks a row
 * (once the term log is folded, lib/store/term-log.ts); the engine store reads the same lists.
 */
async function expectConsistent(db: ThreadlineDB): Promise<void> {
  const terms = [...new Set((await db.articles.toArray()).flatMap((a) => a.termKeys))];
  const served = await new DexieEngineStore(db).getArticleIdsByTerms(terms);
  await foldTermLog(db);
  expect(await new DexieEngineStore(db).getArticleIdsByTerms(terms)).toEqual(served);
  const expected = new Map<string, string[]>();
  for (const a of await db.articles.toArray()) for (const t of new Set(a.termKeys)) expected.set(t, [...(expected.get(t) ?? []), a.id]);
  // Rows without ids hold a document frequency only (the article count's, or one the retention policy left).
  const rows = (await postingRows(db)).filter((r) => r.ids.length > 0);
  expect(new Map(rows.map((r) => [r.term, [...r.ids].sort()]))).toEqual(new Map([...expected].map(([t, ids]) => [t, ids.sort()])));
}

describe('posting lists', () => {
  it('keep the newest ids, at most POSTING_CAP', () => {
    let ids: string[] = [];
    for (let i = 0; i < POSTING_CAP + 5; i++) ids = withId(ids, `a${i}`);
    expect(ids).toHaveLength(POSTING_CAP);
    expect(ids[0]).toBe('a5');
    expect(withId(ids, 'a5').at(-1)).toBe('a5');
    expect(withId(ids, 'a5')).toHaveLength(POSTING_CAP);
    expect(withoutId(['a', 'b'], 'a')).toEqual(['b']);
  });

  it('follow ingest, re-ingest with other words, retention and import', async () => {
    const db = openDatabase(freshName());
    const store = new DexieEngineStore(db);
    const articles = demo();
    await ingestArticles(store, articles, DEMO_NOW);
    await expectConsistent(db);

    // The same article again with another text: it leaves the terms it lost.
    const first = DEMO_ARTICLES[0];
    const rewritten = prepareArticle({ ...first.input, paragraphs: ['Zanzibar ferry timetables were revised on Tuesday.'], wordCount: 7, source: 'visit' }, first.outlet, DEMO_NOW);
    const lost = articles[0].termKeys.filter((t) => !rewritten.termKeys.includes(t));
    expect(lost.length).toBeGreaterThan(0);
    await ingestArticles(store, [rewritten], DEMO_NOW);
    await expectConsistent(db);
    expect((await postingRow(db, 'zanzibar'))?.ids).toEqual([rewritten.id]);
    for (const term of lost) expect((await postingRow(db, term))?.ids ?? [], term).not.toContain(rewritten.id);

    await removeArticles(db, [articles[1].id, articles[2].id]);
    await expectConsistent(db);

    const { jsonl } = await exportStore(db, DEMO_NOW);
    await clearStore(db);
    expect(await db.postingBuckets.count()).toBe(0);
    await importStore(db, jsonl);
    await expectConsistent(db);
    db.close();
    await Dexie.delete(db.name);
  });

  it('serve the word search: words as prefixes, articles with more of the words first', async () => {
    const db = openDatabase(freshName());
    await ingestArticles(new DexieEngineStore(db), demo(), DEMO_NOW);
    const hits = await searchStore(db, 'Istanb ttp');
    expect(hits.length).toBeGreaterThan(0);
    expect(hits[0].matchedTerms).toEqual(['istanb', 'ttp']);
    const all = await db.articles.toArray();
    const withBoth = all.filter((a) => a.termKeys.some((t) => t.startsWith('istanb')) && a.termKeys.some((t) => t.startsWith('ttp')));
    expect(hits.filter((h) => h.matchedTerms.length === 2).map((h) => h.id).sort()).toEqual(withBoth.map((a) => a.id).sort());
    expect(await searchStore(db, 'qqqqzzz')).toEqual([]);
    db.close();
    await Dexie.delete(db.name);
  });
});
