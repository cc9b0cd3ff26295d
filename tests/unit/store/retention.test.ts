import { Dexie } from 'dexie';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase, type ThreadlineDB } from '../../../lib/store/db';
import { enforceFeedLimit, isQuotaError, isUnderPressure, releaseStorage } from '../../../lib/store/retention';
import type { Article } from '../../../lib/types';
import { RECORDS_BY_VERSION } from '../../fixtures/store-versions';

const base = RECORDS_BY_VERSION[1].articles[0] as Article;
const article = (id: string, source: Article['source'], published: number, readAt = 0): Article => ({ ...base, id, url: `https://x.example/${id}`, source, published, readAt, eventId: 'e1' });

let db: ThreadlineDB;
beforeEach(async () => {
  await Dexie.delete('retention');
  db = openDatabase('retention');
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

  it('counts only unread feed articles against the cap, also past the quick count of all feed articles', async () => {
    // 4 feed articles, 3 of them unread: a cap of 3 keeps all, a cap of 2 takes the oldest unread.
    expect(await enforceFeedLimit(db, 3)).toBe(0);
    expect(await db.articles.count()).toBe(5);
    expect(await enforceFeedLimit(db, 2)).toBe(1);
    expect(await db.articles.get('feed-old')).toBeUndefined();
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
