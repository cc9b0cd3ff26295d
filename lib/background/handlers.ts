// One small function per message. The background entrypoint passes in the database and the few
// browser effects (badge, broadcast, permissions, script injection), so these run unchanged
// against fakes in unit tests.
import { getEnabledSources, getSettings, saveSettings } from '../settings';
import { getTabState, setTabState } from '../store/tab-state';
import { clearStoredArticles, exportStore, importStore, ImportError } from '../store/transfer';
import { markStoryOpened } from '../match/trail';
import { DexieEngineStore } from '../store/engine-store';
import { buildTabContext } from './context';
import { searchStore } from './search';
import { MessageRefused, type Handlers } from './dispatch';
import { addFeed, refreshDueFeeds, type FeedDeps } from './feeds';
import { fetchFullText, type FullTextDeps } from './full-text';
import { ingestArticle } from './ingest';
import { enableSource, exportOpml, importOpml, listSources, removeOutlet, saveOutlet } from './sources';

export interface BackgroundDeps extends FeedDeps, FullTextDeps {
  /** Badge text for a tab; empty string clears it. */
  setBadge: (tabId: number, text: string) => Promise<void>;
  /** Tells open extension pages that a tab's context changed. */
  notifyTabChanged: (tabId: number) => Promise<void>;
  /** Tells open extension pages that stored articles or sources changed. */
  notifyStoreChanged: () => Promise<void>;
  /** Runs the content script in a tab the reader asked about (activeTab grant from the popup). */
  injectContentScript: (tabId: number) => Promise<void>;
  /** Schedules a feed refresh soon (an alarm: the worker may stop before a long fetch ends). */
  scheduleFeedRefresh: () => Promise<void>;
  /** Re-registers the content script for the current sources, settings and grants. */
  syncContentScripts: () => Promise<void>;
}

/** The badge counts the dots (events) of the article's story. */
export function badgeText(count: number): string {
  if (count <= 0) return '';
  return count > 99 ? '99+' : String(count);
}

export function createHandlers(deps: BackgroundDeps): Handlers {
  const { db, now } = deps;
  const changed = async <T>(result: T): Promise<T> => {
    await deps.notifyStoreChanged();
    return result;
  };
  // Sources and settings decide where the content script runs.
  const resync = async <T>(result: T): Promise<T> => {
    await deps.syncContentScripts();
    return changed(result);
  };
  return {
    async reportPage({ url, article }, caller) {
      const tabId = caller.tabId;
      if (tabId === undefined) throw new MessageRefused('reportPage: only a content script reports pages');
      if (!article) {
        await setTabState(tabId, { url, status: 'not-article', articleId: null, updatedAt: now() });
        await deps.setBadge(tabId, '');
        await deps.notifyTabChanged(tabId);
        return { articleId: null, dots: 0 };
      }
      await setTabState(tabId, { url, status: 'matching', articleId: null, updatedAt: now() });
      await deps.setBadge(tabId, '…');
      const placed = await ingestArticle(db, article, now());
      if (!placed) {
        await setTabState(tabId, { url, status: 'not-article', articleId: null, updatedAt: now() });
        await deps.setBadge(tabId, '');
        await deps.notifyTabChanged(tabId);
        return { articleId: null, dots: 0 };
      }
      // "New since you last opened this story" compares against the visit before this one.
      const story = await db.stories.get(placed.storyId);
      await markStoryOpened(new DexieEngineStore(db), placed.storyId, now());
      await setTabState(tabId, { url, status: 'article', articleId: placed.articleId, lastOpenedAt: story?.lastOpenedAt ?? 0, updatedAt: now() });
      const dots = await db.events.where('storyId').equals(placed.storyId).count();
      await deps.setBadge(tabId, badgeText(dots));
      await deps.notifyTabChanged(tabId);
      await deps.notifyStoreChanged();
      // Warm the tab's context now (20-60 ms at 10k articles), so a popup opened next paints
      // from the cache instead of rebuilding it after the write this visit made.
      void Promise.all([getTabState(tabId), getEnabledSources()])
        .then(([state, enabled]) => buildTabContext(db, tabId, state, { enabledSources: [...enabled], partial: true }))
        .catch(() => undefined);
      return { articleId: placed.articleId, dots };
    },

    async getTabContext({ tabId, partial }, caller) {
      // A content script may only ask about its own tab, whatever it passes.
      const target = caller.tabId ?? tabId;
      if (target === undefined) throw new MessageRefused('getTabContext: tabId is required from extension pages');
      const [state, enabled] = await Promise.all([getTabState(target), getEnabledSources()]);
      return buildTabContext(db, target, state, { enabledSources: [...enabled], partial });
    },

    async lookUpTab({ tabId }) {
      try {
        await deps.injectContentScript(tabId);
        return { started: true };
      } catch (error) {
        return { started: false, reason: error instanceof Error ? error.message : String(error) };
      }
    },

    fetchFullText: async ({ eventId }) => changed(await fetchFullText(deps, eventId)),

    searchStore: ({ query }) => searchStore(db, query),
    getStoreStats: async () => {
      const [articles, events, stories, outlets] = await Promise.all([db.articles.count(), db.events.count(), db.stories.count(), db.outlets.count()]);
      return { articles, events, stories, outlets };
    },
    getSettings: () => getSettings(),
    saveSettings: async ({ settings }) => resync(await saveSettings(settings)),
    listSources: () => listSources(db),
    async setSourceEnabled({ outletId, enabled }) {
      const view = await enableSource(db, outletId, enabled, now());
      if (enabled) await deps.scheduleFeedRefresh();
      return resync(view);
    },
    saveOutlet: async ({ outlet }) => resync(await saveOutlet(db, outlet, now())),
    removeOutlet: async ({ outletId }) => resync(await removeOutlet(db, outletId)),
    async addFeed({ url, outletId }) {
      const id = await addFeed(deps, url, outletId);
      const view = (await listSources(db)).find((s) => s.outlet.id === id);
      if (!view) throw new MessageRefused('addFeed: the outlet disappeared');
      return resync(view);
    },
    refreshFeeds: async () => changed(await refreshDueFeeds(deps, { force: true })),
    importOpml: async ({ xml }) => resync(await importOpml(db, xml)),
    exportOpml: () => exportOpml(db),
    exportData: () => exportStore(db, now()),
    async importData({ jsonl }) {
      try {
        return await changed(await importStore(db, jsonl));
      } catch (error) {
        if (error instanceof ImportError) throw new MessageRefused(`Nothing imported: ${error.message}`);
        throw error;
      }
    },
    async clearStore() {
      await clearStoredArticles(db, now());
      return changed({ cleared: true as const });
    },
  };
}
