// Wiring only: the database, the message listener, alarms and the browser effects.
// Logic lives in lib/background.
import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { createMessageListener } from '@/lib/background/dispatch';
import { nextFeedDue, refreshDueFeeds } from '@/lib/background/feeds';
import { createHandlers, type BackgroundDeps } from '@/lib/background/handlers';
import { broadcast } from '@/lib/messages';
import { openDatabase } from '@/lib/store/db';
import { seedDefaultOutlets } from '@/lib/store/outlets';
import { removeTabState } from '@/lib/store/tab-state';

const FEED_ALARM = 'threadline-feeds';
/** Alarms check for due feeds at least this often; each feed has its own, longer interval. */
const FEED_CHECK_MINUTES = 5;

export default defineBackground(() => {
  const db = openDatabase();
  // Exposed for the end-to-end tests, which read the store back through the DevTools protocol.
  (globalThis as { __threadlineDb?: unknown }).__threadlineDb = db;

  const deps: BackgroundDeps = {
    db,
    now: () => Date.now(),
    fetch: (input, init) => fetch(input, init),
    canFetch: (url) => browser.permissions.contains({ origins: [`${new URL(url).origin}/*`] }),
    setBadge: async (tabId, text) => {
      await browser.action.setBadgeBackgroundColor({ tabId, color: text === '…' ? '#868e96' : '#3b5bdb' });
      await browser.action.setBadgeText({ tabId, text });
    },
    notifyTabChanged: (tabId) => broadcast('tabContextChanged', { tabId }),
    notifyStoreChanged: () => broadcast('storeChanged', {}),
    injectContentScript: async (tabId) => {
      await browser.scripting.executeScript({ target: { tabId }, files: ['/content-scripts/content.js'] });
    },
    scheduleFeedRefresh: async () => {
      await browser.alarms.create(`${FEED_ALARM}-now`, { when: Date.now() + 500 });
    },
  };

  browser.runtime.onMessage.addListener(createMessageListener(createHandlers(deps), browser.runtime.id, browser.runtime.getURL('/')));
  browser.tabs.onRemoved.addListener((tabId) => void removeTabState(tabId));
  browser.runtime.onInstalled.addListener(() => void seedDefaultOutlets(db));
  browser.runtime.onStartup.addListener(() => void seedDefaultOutlets(db));

  void browser.alarms.create(FEED_ALARM, { periodInMinutes: FEED_CHECK_MINUTES });
  browser.alarms.onAlarm.addListener((alarm) => {
    if (!alarm.name.startsWith(FEED_ALARM)) return;
    void refreshDueFeeds(deps).then(async (summary) => {
      if (summary.items > 0) await broadcast('storeChanged', {});
      const due = await nextFeedDue(db);
      // A feed due before the next periodic check gets its own one-shot alarm.
      if (due !== undefined && due < Date.now() + FEED_CHECK_MINUTES * 60_000) {
        await browser.alarms.create(`${FEED_ALARM}-next`, { when: Math.max(Date.now() + 1000, due) });
      }
    });
  });
});
