/// <reference types="chrome" />
// Real Chromium with the built extension loaded (RECIPE.md §6): a fresh profile per launch,
// the service worker handle for reading the store back, and the real side panel over CDP.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type BrowserContext, type Page, type Worker } from 'playwright-core';
import { CHROMIUM_ARGS, ensureChromium } from './browsers';
import { waitFor } from './wait';

/**
 * The demo build (`wxt build --mode demo`): the product plus host access to the demo site on
 * loopback, because headless Chromium cannot answer the optional-permission prompt. The
 * permission flow itself is tested in Firefox, whose prompt a pref answers.
 */
export const CHROME_BUILD_DIR = resolve(import.meta.dirname, '..', '..', '.output', 'chrome-mv3-demo');

export interface LoadedExtension {
  context: BrowserContext;
  worker: Worker;
  extensionId: string;
  pageUrl(name: 'popup' | 'sidepanel' | 'options'): string;
  close(): Promise<void>;
}

export interface LaunchOptions {
  extDir?: string;
  headless?: boolean;
  /**
   * Send every request of the browser through this proxy ("http://127.0.0.1:PORT"), loopback
   * and *.localhost included (tests/harness/proxy.ts records them).
   */
  proxy?: string;
  /** More Chromium flags, after CHROMIUM_ARGS. */
  args?: string[];
}

export async function launchExtension(options: LaunchOptions = {}): Promise<LoadedExtension> {
  const extDir = options.extDir ?? CHROME_BUILD_DIR;
  const profile = mkdtempSync(join(tmpdir(), 'threadline-profile-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: ensureChromium(),
    headless: options.headless ?? true,
    viewport: { width: 1280, height: 860 },
    args: [...CHROMIUM_ARGS, `--disable-extensions-except=${extDir}`, `--load-extension=${extDir}`, ...(options.args ?? [])],
    // Playwright adds the "<-loopback>" bypass rule itself: loopback goes through the proxy too.
    ...(options.proxy && { proxy: { server: options.proxy } }),
  });
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 15_000 }));
  // The unpacked extension's id depends on its path: derive it, never hard-code it.
  const extensionId = new URL(worker.url()).host;
  return {
    context,
    worker,
    extensionId,
    pageUrl: (name) => `chrome-extension://${extensionId}/${name}.html`,
    close: async () => {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** The current service worker (it may have been restarted since launch). */
export async function currentWorker(ext: LoadedExtension): Promise<Worker> {
  const alive = ext.context.serviceWorkers().find((w) => w.url().startsWith(`chrome-extension://${ext.extensionId}/`));
  return alive ?? (await ext.context.waitForEvent('serviceworker', { timeout: 15_000 }));
}

export { waitFor };

/** The tab state the background keeps for a page, read from the service worker. */
export async function tabStateFor(ext: LoadedExtension, page: Page): Promise<{ status: string; articleId: string | null; url: string } | null> {
  const worker = await currentWorker(ext);
  return worker.evaluate(async (url) => {
    const chromeApi = (globalThis as unknown as { chrome: typeof chrome }).chrome;
    const tabs = await chromeApi.tabs.query({});
    const tab = tabs.find((t) => t.url === url);
    if (!tab?.id) return null;
    const all = await chromeApi.storage.session.get(`tab:${tab.id}`);
    return (all[`tab:${tab.id}`] as { status: string; articleId: string | null; url: string }) ?? null;
  }, page.url());
}

export async function badgeFor(ext: LoadedExtension, page: Page): Promise<string> {
  const worker = await currentWorker(ext);
  return worker.evaluate(async (url) => {
    const chromeApi = (globalThis as unknown as { chrome: typeof chrome }).chrome;
    const tab = (await chromeApi.tabs.query({})).find((t) => t.url === url);
    return tab?.id ? chromeApi.action.getBadgeText({ tabId: tab.id }) : '';
  }, page.url());
}

/** A page of an extension view opened as a tab, with the given tab made the "active" one first. */
export async function openExtensionPage(ext: LoadedExtension, name: 'popup' | 'sidepanel' | 'options', opts: { width?: number; height?: number } = {}): Promise<Page> {
  const page = await ext.context.newPage();
  await page.setViewportSize({ width: opts.width ?? 400, height: opts.height ?? 600 });
  await page.goto(ext.pageUrl(name));
  return page;
}

/** Sends one protocol message from an extension page, as the options page does. */
export async function sendFromPage<T>(ext: LoadedExtension, type: string, data: unknown): Promise<T> {
  const page = await ext.context.newPage();
  try {
    await page.goto(ext.pageUrl('options'));
    return (await page.evaluate(([t, d]) => chrome.runtime.sendMessage({ type: t, data: d }), [type, data] as const)) as T;
  } finally {
    await page.close();
  }
}

/**
 * What a reader of the demo does in the options page: import the demo outlets (OPML) and enable
 * them, which registers the content script on their sites and schedules their feeds.
 */
export async function setUpDemoSources(ext: LoadedExtension, opml: string, outletIds: string[]): Promise<void> {
  await sendFromPage(ext, 'importOpml', { xml: opml });
  for (const outletId of outletIds) await sendFromPage(ext, 'setSourceEnabled', { outletId, enabled: true });
  const worker = await currentWorker(ext);
  await waitFor(
    () => worker.evaluate(async () => ((await chrome.scripting.getRegisteredContentScripts())[0]?.matches?.length ?? 0) > 0),
    'the content script registration',
  );
}
