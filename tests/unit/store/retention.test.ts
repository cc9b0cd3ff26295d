import { Dexie } from 'dexie';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase, type ThreadlineDB } from '../../../lib/store/db';
import { countUnreadFeedArticles, enforceFeedLimit, isQuotaError, isUnderPressure, releaseStorage } from '../../../lib/store/retention';
import type { Article } from '../../../lib/types';
import { RECORDS_BY_VERSION } from '../../fixtures/store-versions';
import { tableReads } from '../../fixtures/table-reads';

const base = RECORDS_BY_VERSION[1].articles[0] as Article;
const article = (id: string, source: Article['source'], published: number, readAt = 0): Article => ({ ...base, id, url: `https://x.example/${id}`, source, published, readAt, eventId: 'e1' });

/** What the policy reads of the articles table: records (value cursors and queries, gets by key). */
const reads = { on: false, valueScans: 0, keysGot: [] as unknown[] };
/** Counts the articles table's reads of records while `reads.on`; keys-only reads are not counted. */
const readCounter = tableReads('articles', {
  openCursor: (req) => {
    if (reads.on && req.values !== false) reads.valueScans += 1;
  },
  query: (req) => {
    if (reads.on && req.values) reads.valueScans += 1;
  },
  get: (req) => {
    if (reads.on) reads.keysGot.push(req.key);
  },
  getMany: (req) => {
    if (reads.on) reads.keysGot.push(...req.keys);
  },
});

let db: ThreadlineDB;
beforeEach(async () => {
  await Dexie.delete('retention');
  db = openDatabase('retention');
  db.use(readCounter);
  Object.assign(reads, { on: false, valueScans: 0, keysGot: [] });
  await db.articles.bulkPut([
    article('feed-old', 'feed', 1),
    article('feed-mid', 'feed', 2),
    article('feed-new', 'feed', 3),
    article('feed-read-old', 'feed', 0, 99),
    article('visit-old', 'visit', 0, 50),
  ]);
  await db.events.put({ id: 'e1', storyId: 's1', articleIds: ['feed-old', 'feed-mid', 'feed-new', 'feed-read-old', 'visit-old'], outletIds: [], centroid: [], start: 0, end: 3, label: 'x', updatedAt: 0 });
});
afterEach(() => db.close());

describe('retention', () => {
  it('removes the oldest unread feed articles first, never what the reader opened', async () => {
    expect(await enforceFeedLimit(db, 1)).toBe(2);
    expect((await db.articles.toCollection().primaryKeys()).sort()).toEqual(['feed-new', 'feed-read-old', 'visit-old']);
    expect((await db.events.get('e1'))!.articleIds).toEqual(['feed-new', 'feed-read-old', 'visit-old']);
  });

  it('does nothing under the cap', async () => {
    expect(await enforceFeedLimit(db, 10)).toBe(0);
    expect(await db.articles.count()).toBe(5);
  });

  it('counts only unread feed articles against the cap, not the read ones', async () => {
    // 4 feed articles, 3 of them unread: a cap of 3 keeps all, a cap of 2 takes the oldest unread.
    expect(await enforceFeedLimit(db, 3)).toBe(0);
    expect(await db.articles.count()).toBe(5);
    expect(await enforceFeedLimit(db, 2)).toBe(1);
    expect(await db.articles.get('feed-old')).toBeUndefined();
  });

  it('takes unread feed articles in published order, past read, visited and imported ones in between', async () => {
    await db.articles.clear();
    // Ids, insertion order and published order all differ; two unread feed articles share a time
    // (the index orders them by id, as the `published` index did).
    await db.articles.bulkPut([
      article('f-70', 'feed', 70),
      article('z-10', 'feed', 10),
      article('import-5', 'import', 5),
      article('read-1', 'feed', 1, 99),
      article('visit-2', 'visit', 2, 50),
      article('b-30', 'feed', 30),
      article('a-30', 'feed', 30),
      article('import-20', 'import', 20),
      article('read-40', 'feed', 40, 7),
      article('c-50', 'feed', 50),
      article('visit-0', 'visit', 0, 0),
    ]);
    expect(await countUnreadFeedArticles(db)).toBe(5);
    expect(await enforceFeedLimit(db, 3)).toBe(2);
    const left = (await db.articles.toCollection().primaryKeys()).sort();
    expect(left).toEqual(['b-30', 'c-50', 'f-70', 'import-20', 'import-5', 'read-1', 'read-40', 'visit-0', 'visit-2']);
    // Pressure takes a tenth of the unread feed articles, at least one: the oldest left.
    expect(await releaseStorage(db)).toBe(1);
    expect(await db.articles.get('b-30')).toBeUndefined();
    expect(await countUnreadFeedArticles(db)).toBe(2);
  });

  it('counts the unread feed articles from the index alone, reading no record', async () => {
    reads.on = true;
    // 4 feed articles, 3 unread: at a cap of 3 nothing is read and nothing removed.
    expect(await enforceFeedLimit(db, 3)).toBe(0);
    expect(reads).toMatchObject({ valueScans: 0, keysGot: [] });
    // Over the cap, the only records read are those of the articles removed (their events and terms).
    expect(await enforceFeedLimit(db, 1)).toBe(2);
    expect(reads.valueScans).toBe(0);
    expect(reads.keysGot.sort()).toEqual(['feed-mid', 'feed-old']);
  });

  it('frees a share of unread feed articles under storage pressure', async () => {
    expect(await releaseStorage(db)).toBe(1);
    expect(await db.articles.get('feed-old')).toBeUndefined();
    expect(isUnderPressure({ usage: 81, quota: 100 })).toBe(true);
    expect(isUnderPressure({ usage: 10, quota: 100 })).toBe(false);
    expect(isUnderPressure({})).toBe(false);
  });

  it('recognises quota errors, also wrapped by Dexie', () => {
    expect(isQuotaError(new DOMException('full', 'QuotaExceededError'))).toBe(true);
    expect(isQuotaError({ name: 'AbortError', inner: { name: 'QuotaExceededError' } })).toBe(true);
    expect(isQuotaError(new Error('other'))).toBe(false);
  });
});
