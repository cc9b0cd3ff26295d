// Wiring only: the database, the message listener, alarms and the browser effects.
// Logic lives in lib/background.
import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { CONTENT_SCRIPT_FILE, CONTENT_SCRIPT_ID, syncContentScripts } from '@/lib/background/content-scripts';
import { createMessageListener } from '@/lib/background/dispatch';
import { nextFeedDue, refreshDueFeeds, retryUngrantedFeeds } from '@/lib/background/feeds';
import { createHandlers, type BackgroundDeps } from '@/lib/background/handlers';
import { maintainStorage } from '@/lib/background/storage';
import { extractArticle } from '@/lib/article/extract';
import { broadcast, OFFSCREEN_EXTRACT } from '@/lib/messages';
import type { ArticleInput } from '@/lib/types';
import { getEnabledSources, getSettings } from '@/lib/settings';
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

  const script = (matches: string[]) => ({ id: CONTENT_SCRIPT_ID, matches, js: [CONTENT_SCRIPT_FILE], runAt: 'document_idle' as const, persistAcrossSessions: true });
  const syncScripts = async () => {
    const [settings, enabled] = await Promise.all([getSettings(), getEnabledSources()]);
    const domains = (await db.outlets.bulkGet([...enabled])).flatMap((o) => o?.domains ?? []);
    await syncContentScripts(
      {
        isGranted: (pattern) => browser.permissions.contains({ origins: [pattern] }),
        getRegistered: async () => (await browser.scripting.getRegisteredContentScripts({ ids: [CONTENT_SCRIPT_ID] }))[0]?.matches ?? null,
        register: (matches) => browser.scripting.registerContentScripts([script(matches)]),
        update: (matches) => browser.scripting.updateContentScripts([script(matches)]),
        unregister: () => browser.scripting.unregisterContentScripts({ ids: [CONTENT_SCRIPT_ID] }),
      },
      settings.detection,
      domains,
    );
  };

  /** Chrome's worker has no DOM: HTML is parsed in an offscreen document; Firefox's page has one. */
  const extractHtml = async (html: string, url: string) => {
    if (typeof DOMParser !== 'undefined') return extractArticle(new DOMParser().parseFromString(html, 'text/html'), url) ?? null;
    const offscreen = (browser as unknown as { offscreen: { hasDocument(): Promise<boolean>; createDocument(o: { url: string; reasons: string[]; justification: string }): Promise<void> } }).offscreen;
    if (!(await offscreen.hasDocument())) {
      await offscreen.createDocument({ url: 'offscreen.html', reasons: ['DOM_PARSER'], justification: 'Read the text of article pages the reader asked to compare' });
    }
    return (await browser.runtime.sendMessage({ type: OFFSCREEN_EXTRACT, data: { html, url } })) as ArticleInput | null;
  };

  const deps: BackgroundDeps = {
    db,
    now: () => Date.now(),
    fetch: (input, init) => fetch(input, init),
    // No port in the pattern: match patterns have none (a grant covers every port), and Firefox
    // answers false for "http://host:8787/*" even when http://host/* is granted.
    canFetch: (url) => {
      const { protocol, hostname } = new URL(url);
      return browser.permissions.contains({ origins: [`${protocol}//${hostname}/*`] });
    },
    setBadge: async (tabId, text) => {
      await browser.action.setBadgeBackgroundColor({ tabId, color: text === '…' ? '#868e96' : '#3b5bdb' });
      await browser.action.setBadgeText({ tabId, text });
    },
    notifyTabChanged: (tabId) => broadcast('tabContextChanged', { tabId }),
    notifyStoreChanged: () => broadcast('storeChanged', {}),
    injectContentScript: async (tabId) => {
      await browser.scripting.executeScript({ target: { tabId }, files: [CONTENT_SCRIPT_FILE] });
    },
    scheduleFeedRefresh: async () => {
      await browser.alarms.create(`${FEED_ALARM}-now`, { when: Date.now() + 500 });
    },
    syncContentScripts: syncScripts,
    extractHtml,
  };

  browser.runtime.onMessage.addListener(createMessageListener(createHandlers(deps), browser.runtime.id, browser.runtime.getURL('/')));
  browser.tabs.onRemoved.addListener((tabId) => void removeTabState(tabId));
  // Synchronous on purpose: the keyboard shortcut is the user gesture sidePanel.open() needs.
  browser.commands?.onCommand.addListener((command, tab) => {
    const sidePanel = (browser as unknown as { sidePanel?: { open(o: { tabId: number }): Promise<void> } }).sidePanel;
    if (command === 'open-side-panel' && tab?.id !== undefined && sidePanel) void sidePanel.open({ tabId: tab.id });
  });
  const prepare = () => void seedDefaultOutlets(db).then(syncScripts);
  browser.runtime.onInstalled.addListener(prepare);
  browser.runtime.onStartup.addListener(prepare);
  // A grant from the options page: run the content script there and fetch the feeds that waited.
  browser.permissions.onAdded.addListener(() => {
    void syncScripts();
    void retryUngrantedFeeds(db).then((n) => (n > 0 ? deps.scheduleFeedRefresh() : undefined));
  });
  browser.permissions.onRemoved.addListener(() => void syncScripts());

  void browser.alarms.create(FEED_ALARM, { periodInMinutes: FEED_CHECK_MINUTES });
  browser.alarms.onAlarm.addListener((alarm) => {
    if (!alarm.name.startsWith(FEED_ALARM)) return;
    void refreshDueFeeds(deps).then(async (summary) => {
      await maintainStorage(db, () => navigator.storage.estimate());
      if (summary.items > 0) await broadcast('storeChanged', {});
      const due = await nextFeedDue(db);
      // A feed due before the next periodic check gets its own one-shot alarm.
      if (due !== undefined && due < Date.now() + FEED_CHECK_MINUTES * 60_000) {
        await browser.alarms.create(`${FEED_ALARM}-next`, { when: Math.max(Date.now() + 1000, due) });
      }
    });
  });
});
