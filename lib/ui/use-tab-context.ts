// The popup's and side panel's data source: the context of the active tab, refreshed when the
// background says that tab changed, and (for the side panel) when the reader switches tabs or
// navigates.
import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { onBroadcast, sendMessage } from '../messages';
import type { TabContext } from '../views';

export interface TabContextState {
  context: TabContext | null;
  error: string | null;
}

/**
 * The tab this view describes. Opened as a normal page (tests, or a pinned tab), a view may
 * name its tab with ?tabId=N; otherwise it is the active tab of the current window.
 */
async function activeTabId(): Promise<number | null> {
  const pinned = Number(new URLSearchParams(location.search).get('tabId'));
  if (Number.isInteger(pinned) && pinned > 0) return pinned;
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return typeof tab?.id === 'number' ? tab.id : null;
}

export function useTabContext(options: { followActiveTab: boolean }): TabContextState {
  const [state, setState] = useState<TabContextState>({ context: null, error: null });

  useEffect(() => {
    let current: number | null = null;
    let disposed = false;
    let request = 0;

    const load = async (tabId: number | null) => {
      current = tabId;
      const mine = ++request;
      if (tabId === null) {
        setState({ context: { tabId: null, status: 'unknown', related: [] }, error: null });
        return;
      }
      try {
        const context = await sendMessage('getTabContext', { tabId });
        // A slower answer for a tab the reader already left must not overwrite the newer one.
        if (!disposed && mine === request) setState({ context, error: null });
      } catch (error) {
        if (!disposed && mine === request) setState({ context: null, error: error instanceof Error ? error.message : String(error) });
      }
    };
    const refreshActive = async () => load(await activeTabId());

    void refreshActive();
    const unsubscribe = onBroadcast('tabContextChanged', ({ tabId }) => {
      if (tabId === current) void load(tabId);
    });
    const cleanups = [unsubscribe];
    if (options.followActiveTab) {
      const onActivated = () => void refreshActive();
      const onUpdated = (tabId: number, change: { url?: string; status?: string }) => {
        if (tabId === current && (change.url || change.status === 'complete')) void load(tabId);
      };
      browser.tabs.onActivated.addListener(onActivated);
      browser.tabs.onUpdated.addListener(onUpdated);
      browser.windows?.onFocusChanged.addListener(onActivated);
      cleanups.push(() => {
        browser.tabs.onActivated.removeListener(onActivated);
        browser.tabs.onUpdated.removeListener(onUpdated);
        browser.windows?.onFocusChanged.removeListener(onActivated);
      });
    }
    return () => {
      disposed = true;
      cleanups.forEach((fn) => fn());
    };
  }, [options.followActiveTab]);

  return state;
}

/** Opens the side panel (Chrome) or sidebar (Firefox) for the active tab; needs a user gesture. */
export async function openSidePanel(): Promise<void> {
  const api = browser as unknown as {
    sidePanel?: { open(o: { tabId?: number; windowId?: number }): Promise<void> };
    sidebarAction?: { open(): Promise<void> };
  };
  if (api.sidebarAction) return api.sidebarAction.open();
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  if (api.sidePanel && tab?.id !== undefined) return api.sidePanel.open({ tabId: tab.id });
}
