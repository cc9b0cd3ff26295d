// Per-tab state: which article (if any) each open tab shows. Kept in session storage, not in
// module variables, because the MV3 service worker is stopped at will; cleared when the browser
// closes, like the tabs it describes.
import { storage } from 'wxt/utils/storage';
import type { TabStatus } from '../views';

export interface TabState {
  url: string;
  status: TabStatus;
  articleId: string | null;
  /** When the reader had last opened this article's story before this visit (0: never). */
  lastOpenedAt?: number;
  updatedAt: number;
}

const key = (tabId: number) => `session:tab:${tabId}` as const;

export async function getTabState(tabId: number): Promise<TabState | null> {
  return (await storage.getItem<TabState>(key(tabId))) ?? null;
}

export async function setTabState(tabId: number, state: TabState): Promise<void> {
  await storage.setItem(key(tabId), state);
}

export async function removeTabState(tabId: number): Promise<void> {
  await storage.removeItem(key(tabId));
}
