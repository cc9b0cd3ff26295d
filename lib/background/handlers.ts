// One small function per message. The background entrypoint passes in the database and the few
// browser effects (badge, broadcast), so these run unchanged against fakes in unit tests.
import type { ThreadlineDB } from '../store/db';
import { getTabState, setTabState } from '../store/tab-state';
import { buildTabContext, findRelated, searchStore } from './context';
import { MessageRefused, type Handlers } from './dispatch';
import { ingestArticle } from './ingest';

export interface BackgroundDeps {
  db: ThreadlineDB;
  now: () => number;
  /** Badge text for a tab; empty string clears it. */
  setBadge: (tabId: number, text: string) => Promise<void>;
  /** Tells open extension pages that a tab's context changed. */
  notifyTabChanged: (tabId: number) => Promise<void>;
}

/** The badge counts what the reader can open: the article's related articles for now. */
export function badgeText(count: number): string {
  if (count <= 0) return '';
  return count > 99 ? '99+' : String(count);
}

export function createHandlers(deps: BackgroundDeps): Handlers {
  const { db, now } = deps;
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
      const stored = await ingestArticle(db, article, now());
      await setTabState(tabId, { url, status: 'article', articleId: stored.id, updatedAt: now() });
      const related = await findRelated(db, stored);
      const dots = related.length + 1;
      await deps.setBadge(tabId, badgeText(dots));
      await deps.notifyTabChanged(tabId);
      return { articleId: stored.id, dots };
    },

    async getTabContext({ tabId }, caller) {
      // A content script may only ask about its own tab, whatever it passes.
      const target = caller.tabId ?? tabId;
      if (target === undefined) throw new MessageRefused('getTabContext: tabId is required from extension pages');
      return buildTabContext(db, target, await getTabState(target));
    },

    async searchStore({ query }) {
      return searchStore(db, query);
    },

    async getStoreStats() {
      const [articles, events, stories, outlets] = await Promise.all([db.articles.count(), db.events.count(), db.stories.count(), db.outlets.count()]);
      return { articles, events, stories, outlets };
    },

    async clearStore() {
      await db.transaction('rw', [db.articles, db.events, db.stories], async () => {
        await Promise.all([db.articles.clear(), db.events.clear(), db.stories.clear()]);
      });
      return { cleared: true } as const;
    },
  };
}
