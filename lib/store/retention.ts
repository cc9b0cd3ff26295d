// Keeping the store within bounds. Feed articles the reader never opened go first, oldest
// first; articles the reader opened are never removed by the policy (only by "clear", with
// consent). Events and stories keep working: they are rebuilt from the articles that remain.
import type { ThreadlineDB } from './db';
import { bucketStore } from './posting-buckets';
import { removeFromPostings } from './postings';
import { foldTermLogIn } from './term-log';

/** Share of the quota above which the policy starts removing unread feed articles. */
export const STORAGE_PRESSURE = 0.8;
/** When storage is short, remove this share of the unread feed articles at once. */
export const PRESSURE_RELEASE_SHARE = 0.1;

export function isQuotaError(error: unknown): boolean {
  const name = (error as { name?: string; inner?: { name?: string } })?.name;
  const inner = (error as { inner?: { name?: string } })?.inner?.name;
  return name === 'QuotaExceededError' || inner === 'QuotaExceededError';
}

/** The compound index of schema version 6 (lib/store/schema.ts): source, then readAt, then published. */
const UNREAD_INDEX = '[source+readAt+published]';

/**
 * The unread feed articles, oldest first: the key range ['feed', 0, any published] of the
 * compound index. Counting it and taking its primary keys read index entries only, no records.
 */
function unreadFeedArticles(db: ThreadlineDB) {
  return db.articles.where(UNREAD_INDEX).between(['feed', 0, -Infinity], ['feed', 0, Infinity], true, true);
}

/** How many feed articles the reader never opened. */
export function countUnreadFeedArticles(db: ThreadlineDB): Promise<number> {
  return unreadFeedArticles(db).count();
}

/** Ids of the oldest unread feed articles, at most `count`. */
async function oldestUnreadFeedArticles(db: ThreadlineDB, count: number): Promise<string[]> {
  if (count <= 0) return [];
  return unreadFeedArticles(db).limit(count).primaryKeys();
}

/** Removes articles and their ids from the events and posting lists that listed them, in one transaction. */
export async function removeArticles(db: ThreadlineDB, ids: string[]): Promise<number> {
  if (ids.length === 0) return 0;
  const gone = new Set(ids);
  await db.transaction('rw', [db.articles, db.events, db.postingBuckets, db.termLog], async (tx) => {
    const postings = bucketStore(tx.table('postingBuckets'));
    // The posting lists as the term log leaves them, before ids are taken out of them.
    await foldTermLogIn({ postings, termLog: tx.table('termLog') });
    const articles = (await db.articles.bulkGet(ids)).filter((a) => a !== undefined);
    const eventIds = [...new Set(articles.map((a) => a.eventId).filter(Boolean))];
    await db.articles.bulkDelete(ids);
    await removeFromPostings(postings, articles);
    for (const event of await db.events.bulkGet(eventIds)) {
      if (!event) continue;
      const articleIds = event.articleIds.filter((id) => !gone.has(id));
      if (articleIds.length === 0) await db.events.delete(event.id);
      else await db.events.put({ ...event, articleIds });
    }
  });
  return ids.length;
}

/** Keeps at most `maxUnread` unread feed articles. */
export async function enforceFeedLimit(db: ThreadlineDB, maxUnread: number): Promise<number> {
  // Runs after every feed check: the count reads the compound index's keys only.
  const unread = await countUnreadFeedArticles(db);
  return removeArticles(db, await oldestUnreadFeedArticles(db, unread - maxUnread));
}

/** Frees room after a quota error or under storage pressure. */
export async function releaseStorage(db: ThreadlineDB): Promise<number> {
  const unread = await countUnreadFeedArticles(db);
  return removeArticles(db, await oldestUnreadFeedArticles(db, Math.max(1, Math.ceil(unread * PRESSURE_RELEASE_SHARE))));
}

export interface StorageEstimateLike {
  usage?: number;
  quota?: number;
}

export function isUnderPressure(estimate: StorageEstimateLike): boolean {
  if (!estimate.quota || estimate.usage === undefined) return false;
  return estimate.usage / estimate.quota >= STORAGE_PRESSURE;
}
