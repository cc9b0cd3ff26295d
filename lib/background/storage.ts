// Periodic storage upkeep, run after each feed refresh: the reader's cap on unread feed
// articles, and relief when the browser reports the origin's storage nearly full.
import { getSettings } from '../settings';
import type { ThreadlineDB } from '../store/db';
import { enforceFeedLimit, isUnderPressure, releaseStorage, type StorageEstimateLike } from '../store/retention';

export async function maintainStorage(db: ThreadlineDB, estimate: () => Promise<StorageEstimateLike>): Promise<{ removed: number }> {
  const { maxFeedArticles } = await getSettings();
  let removed = await enforceFeedLimit(db, maxFeedArticles);
  if (isUnderPressure(await estimate().catch(() => ({})))) removed += await releaseStorage(db);
  return { removed };
}
