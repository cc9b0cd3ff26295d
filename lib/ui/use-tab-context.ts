// The popup's and side panel's data source: the context of the active tab, refreshed when the
// background says that tab or the store changed, and (for the side panel) when the reader
// switches tabs or navigates. While a refresh is in flight the previous data stays on screen.
// Each load asks for the quick answer first (the trail paints at once) and, when the event's
// framing was still being computed, asks again for it.
import { useCallback, useLayoutEffect, useRef, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { onBroadcast, sendMessage } from '../messages';
import type { TabContext } from '../views';

export interface TabContextState {
  context: TabContext | null;
  error: string | null;
  /** Asks the background again for the current tab. */
  reload: () => void;
}

/**
 * The tab this view describes. Opened as a normal page (tests, or a pinned tab), a view may
 * name its tab with ?tabId=N; otherwise it is the active tab of the current window.
 */
export function pinnedTabId(): number | null {
  const pinned = Number(new URLSearchParams(location.search).get('tabId'));
  return Number.isInteger(pinned) && pinned > 0 ? pinned : null;
}

async function activeTabId(): Promise<number | null> {
  const pinned = pinnedTabId();
  if (pinned !== null) return pinned;
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return typeof tab?.id === 'number' ? tab.id : null;
}

const NO_TAB: TabContext = { tabId: null, status: 'unknown', outlets: {}, enabledSources: 0 };

/**
 * A refresh of the article on screen keeps its framing on screen until the new one arrives:
 * the perspectives do not blink empty each time the store changes.
 */
function keepFraming(prev: TabContext | null, next: TabContext): TabContext {
  if (!next.pendingFraming || !prev?.framing || prev.article?.id !== next.article?.id) return next;
  return { ...next, framing: prev.framing, framingTextSource: prev.framingTextSource, pendingFraming: undefined };
}

/** Resolves once the next frame is painted, or after a short while in a page that is not painted. */
function afterNextPaint(): Promise<void> {
  return new Promise((resolve) => {
    const fallback = setTimeout(resolve, 100);
    requestAnimationFrame(() => setTimeout(() => {
      clearTimeout(fallback);
      resolve();
    }, 0));
  });
}

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

export function useTabContext(options: { followActiveTab: boolean }): TabContextState {
  const [state, setState] = useState<{ context: TabContext | null; error: string | null }>({ context: null, error: null });
  const reloadRef = useRef<() => void>(() => undefined);

  // A layout effect: the request leaves before the first frame is painted, not after it.
  useLayoutEffect(() => {
    let current: number | null = null;
    let disposed = false;
    let request = 0;

    const load = async (tabId: number | null) => {
      const switching = tabId !== current;
      current = tabId;
      const mine = ++request;
      if (tabId === null) {
        setState({ context: NO_TAB, error: null });
        return;
      }
      let shown = false;
      try {
        // First what the first paint needs (article, trail, perspectives), then, when the
        // background says the framing was still being computed, the complete context.
        let context = await sendMessage('getTabContext', { tabId, partial: true });
        if (disposed || mine !== request) return;
        const quick = context;
        setState((prev) => ({ context: keepFraming(prev.context, quick), error: null }));
        shown = true;
        if (context.pendingFraming) {
          // After the frame that shows the quick answer: the rest must not delay that paint.
          await afterNextPaint();
          if (disposed || mine !== request) return;
          context = await sendMessage('getTabContext', { tabId });
          if (!disposed && mine === request) setState({ context, error: null });
        }
      } catch (error) {
        if (disposed || mine !== request) return;
        // Keep what is on screen for the same tab (a failed refresh); clear it for another tab.
        setState((prev) => ({ context: switching && !shown ? null : prev.context, error: message(error) }));
      }
    };
    const refreshActive = async () => {
      try {
        await load(await activeTabId());
      } catch (error) {
        if (!disposed) setState((prev) => ({ context: prev.context, error: message(error) }));
      }
    };
    reloadRef.current = () => void load(current);

    void refreshActive();
    const cleanups = [
      onBroadcast('tabContextChanged', ({ tabId }) => {
        if (tabId === current) void load(tabId);
      }),
      onBroadcast('storeChanged', () => void load(current)),
    ];
    if (options.followActiveTab && pinnedTabId() === null) {
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

  const reload = useCallback(() => reloadRef.current(), []);
  return { ...state, reload };
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

export function openOptionsPage(): void {
  void browser.runtime.openOptionsPage();
}
