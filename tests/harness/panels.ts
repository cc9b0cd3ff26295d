/// <reference types="chrome" />
// The real side panel and the real popup are not in Playwright's page list; they are reached
// as raw CDP targets (RECIPE.md §6.7, tests/harness/cdp.ts).
import type { CDPSession } from 'playwright-core';
import { attachTarget } from './cdp';
import type { LoadedExtension } from './extension';
import { currentWorker, waitFor } from './extension';

export interface CdpTarget {
  evaluate<T>(expression: string): Promise<T>;
  screenshot(): Promise<Buffer>;
  detach(): Promise<void>;
}

async function attach(cdp: CDPSession, targetId: string): Promise<CdpTarget> {
  const session = await attachTarget(cdp, targetId);
  return {
    async evaluate<T>(expression: string) {
      const reply = await session.send<{ result: { value: T } }>('Runtime.evaluate', { expression, returnByValue: true, awaitPromise: true });
      return reply.result.value;
    },
    async screenshot() {
      const reply = await session.send<{ data: string }>('Page.captureScreenshot', { format: 'png' });
      return Buffer.from(reply.data, 'base64');
    },
    detach: () => session.detach(),
  };
}

async function findTarget(ext: LoadedExtension, suffix: string): Promise<CdpTarget> {
  const cdp = await ext.context.browser()!.newBrowserCDPSession();
  const target = await waitFor(async () => {
    const { targetInfos } = await cdp.send('Target.getTargets');
    return targetInfos.find((t) => t.url.startsWith(`chrome-extension://${ext.extensionId}/`) && t.url.includes(suffix));
  }, `the ${suffix} target`);
  return attach(cdp, target.targetId);
}

/**
 * Opens the real Chrome side panel for the tab `tabPage` shows. sidePanel.open() needs a user
 * gesture, so a button in an extension page (options.html in the same window) is clicked.
 */
export async function openRealSidePanel(ext: LoadedExtension): Promise<CdpTarget> {
  const opener = await ext.context.newPage();
  await opener.goto(ext.pageUrl('options'));
  await opener.evaluate(() => {
    const button = document.createElement('button');
    button.id = '__open_panel';
    button.textContent = 'open panel';
    button.onclick = () => {
      const chromeApi = (globalThis as unknown as { chrome: typeof chrome }).chrome;
      void chromeApi.windows.getCurrent().then((w) => chromeApi.sidePanel.open({ windowId: w.id! }));
    };
    document.body.append(button);
  });
  await opener.click('#__open_panel');
  const worker = await currentWorker(ext);
  await waitFor(
    () => worker.evaluate(async () => (await (globalThis as unknown as { chrome: typeof chrome }).chrome.runtime.getContexts({ contextTypes: ['SIDE_PANEL' as chrome.runtime.ContextType] })).length > 0),
    'the side panel context',
  );
  await opener.close();
  return findTarget(ext, '/sidepanel.html');
}

/** Opens the real toolbar popup (works without a gesture from the service worker in headless). */
export async function openRealPopup(ext: LoadedExtension): Promise<CdpTarget> {
  const worker = await currentWorker(ext);
  await worker.evaluate(() => (globalThis as unknown as { chrome: typeof chrome }).chrome.action.openPopup());
  return findTarget(ext, '/popup.html');
}
