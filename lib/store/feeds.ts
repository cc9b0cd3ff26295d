// Feed state (ETag, Last-Modified, errors, next fetch) per feed URL, in the meta table under
// "feed:<url>": a handful of rows, read together by key range.
import type { FeedState } from '../feeds/schedule';
import type { ThreadlineDB } from './db';

const PREFIX = 'feed:';

export interface StoredFeed {
  outletId: string;
  state: FeedState;
}

export async function getFeeds(db: ThreadlineDB): Promise<StoredFeed[]> {
  const rows = await db.meta.where('key').startsWith(PREFIX).toArray();
  return rows.map((r) => r.value as StoredFeed);
}

export async function getFeed(db: ThreadlineDB, url: string): Promise<StoredFeed | undefined> {
  return (await db.meta.get(PREFIX + url))?.value as StoredFeed | undefined;
}

export async function putFeed(db: ThreadlineDB, feed: StoredFeed): Promise<void> {
  await db.meta.put({ key: PREFIX + feed.state.url, value: feed });
}

export async function deleteFeedsOf(db: ThreadlineDB, outletId: string): Promise<void> {
  const rows = await db.meta.where('key').startsWith(PREFIX).toArray();
  await db.meta.bulkDelete(rows.filter((r) => (r.value as StoredFeed).outletId === outletId).map((r) => r.key));
}
