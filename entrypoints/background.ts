// Wiring only: the database, the message listener and the browser effects. Logic lives in lib/.
import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { createMessageListener } from '@/lib/background/dispatch';
import { createHandlers } from '@/lib/background/handlers';
import { broadcast } from '@/lib/messages';
import { openDatabase } from '@/lib/store/db';
import { removeTabState } from '@/lib/store/tab-state';

export default defineBackground(() => {
  const db = openDatabase();
  // Exposed for the end-to-end tests, which read the store back through the DevTools protocol.
  (globalThis as { __threadlineDb?: unknown }).__threadlineDb = db;

  const handlers = createHandlers({
    db,
    now: () => Date.now(),
    setBadge: async (tabId, text) => {
      await browser.action.setBadgeBackgroundColor({ tabId, color: '#3b5bdb' });
      await browser.action.setBadgeText({ tabId, text });
    },
    notifyTabChanged: (tabId) => broadcast('tabContextChanged', { tabId }),
  });

  browser.runtime.onMessage.addListener(createMessageListener(handlers, browser.runtime.id, browser.runtime.getURL('/')));
  browser.tabs.onRemoved.addListener((tabId) => void removeTabState(tabId));
});
