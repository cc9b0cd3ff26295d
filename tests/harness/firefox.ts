/// <reference types="chrome" />
// Real headless Firefox (ESR) with the built extension installed (RECIPE-FIREFOX.md):
// puppeteer-core over WebDriver BiDi, no driver download; the add-on is installed temporarily
// with BiDi webExtension.install, its moz-extension UUID preset through the
// `extensions.webextensions.uuids` pref so extension pages have known URLs; a fresh profile
// per launch. The product build is tested (no host access at install): the optional
// host-permission request is answered by a pref instead of the prompt.
// Everything privileged (tabs, storage.session, the badge, the real popup and sidebar, the
// extension's IndexedDB, protocol messages) runs in an extension page opened in a tab, the
// "control page". BiDi cannot reach the sidebar or the popup themselves; an extension page
// reaches their DOM through browser.extension.getViews().
//
// Code passed to page.evaluate() declares no named inner functions: tsx (esbuild keepNames)
// would wrap them in a __name() helper that does not exist in the browser.
import { randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { findFirefox } from './browsers';
import { waitFor } from './wait';

/** The product build for Firefox: `npx wxt build -b firefox --mv3`. */
export const FIREFOX_BUILD_DIR = resolve(import.meta.dirname, '..', '..', '.output', 'firefox-mv3');

export type ExtensionPageName = 'popup' | 'sidepanel' | 'options';

/** A stored article as the raw IndexedDB row (only the fields the tests look at). */
export interface StoredArticleRow {
  id: string;
  url: string;
  title: string;
  source: string;
  outletName: string;
}

/** What the background keeps per tab in storage.session under `tab:<tabId>`. */
export interface TabStateRow {
  url: string;
  status: string;
  articleId: string | null;
  updatedAt: number;
}

/** What the tests read from a rendered view (popup or sidebar). */
export interface ViewReading {
  url: string;
  /** The article's headline (h1.headline of the article header); '' when no article is shown. */
  headline: string;
  /** The relative time under the headline. */
  time: string;
  /** Something is still loading (an aria-busy element). */
  busy: boolean;
  /** The view's visible text. */
  text: string;
  width: number;
}

export interface FirefoxExtension {
  browser: Browser;
  geckoId: string;
  uuid: string;
  /** moz-extension://<uuid> */
  origin: string;
  pageUrl(name: ExtensionPageName, query?: Record<string, string | number>): string;
  /** A new tab on a web page (puppeteer's goto works for http(s)). */
  openPage(url: string): Promise<Page>;
  /** A new tab on an extension page (BiDi browsingContext.navigate; page.goto hangs there). */
  openExtensionPage(name: ExtensionPageName, options?: { query?: Record<string, string | number>; width?: number; height?: number }): Promise<Page>;
  /** Navigates a tab with BiDi browsingContext.navigate, waiting for the load to complete. */
  navigate(page: Page, url: string): Promise<void>;
  /** Runs `fn` in the control page (an extension page, so `browser.*` is the extension's). */
  inExtension<T, A = undefined>(fn: (arg: A) => T | Promise<T>, arg?: A): Promise<T>;
  /** Sends one protocol message from an extension page, as the options page does. */
  sendMessage<T = unknown>(type: string, data: unknown): Promise<T>;
  /**
   * Asks for host permissions with permissions.request() in the handler of a trusted click, as
   * the options page does; the pref set at launch grants without the prompt.
   */
  requestHostPermissions(origins: string[]): Promise<boolean>;
  /** Match patterns of the registered dynamic content scripts (scripting API). */
  registeredContentScriptMatches(): Promise<string[]>;
  /** The WebExtension tab id of a page opened through this harness (no `tabs` permission needed). */
  tabIdOf(page: Page): Promise<number>;
  tabState(page: Page): Promise<TabStateRow | null>;
  badgeText(page: Page): Promise<string>;
  storedArticles(): Promise<StoredArticleRow[]>;
  /** Reads the real sidebar (sidebar_action) through getViews; null when it is not open. */
  readSidebar(): Promise<ViewReading | null>;
  /** Opens the sidebar with a trusted click (sidebarAction.open() needs a user gesture). */
  openSidebar(): Promise<void>;
  /** Closes it the same way (sidebarAction.close() needs a user gesture too). */
  closeSidebar(): Promise<void>;
  /** Opens the real toolbar popup (action.openPopup(), no gesture needed) and waits until `ready`. */
  openPopup(ready: (reading: ViewReading) => boolean, what: string): Promise<ViewReading>;
  /** Reads the open popup through getViews; null when none is open. */
  readPopup(): Promise<ViewReading | null>;
  closePopup(): Promise<void>;
  /**
   * A screenshot of what the real popup or sidebar shows: their DOM (scripts removed) copied
   * into an extension page of the same size, since BiDi cannot capture those views themselves.
   */
  screenshotView(type: 'popup' | 'sidebar', path: string): Promise<void>;
  close(): Promise<void>;
}

interface BidiConnection {
  send(method: string, params: Record<string, unknown>): Promise<unknown>;
}

/** BiDi browsing context id of a page's top frame (puppeteer keeps it as the frame's _id). */
function contextIdOf(page: Page): string {
  const id = (page.mainFrame() as unknown as { _id?: string })._id;
  if (typeof id !== 'string') throw new Error('puppeteer-core changed: no BiDi browsing context id on the main frame');
  return id;
}

export { waitFor };

function readGeckoId(extDir: string): string {
  const manifestPath = join(extDir, 'manifest.json');
  if (!existsSync(manifestPath)) {
    throw new Error(`No Firefox build at ${extDir}. Build it first: npx wxt build -b firefox --mv3`);
  }
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as { browser_specific_settings?: { gecko?: { id?: string } } };
  const id = manifest.browser_specific_settings?.gecko?.id;
  if (!id) throw new Error(`${manifestPath} has no browser_specific_settings.gecko.id`);
  return id;
}

const HOW_TO_GET_FIREFOX = [
  'The Firefox end-to-end tests need Firefox (ESR 142 or newer).',
  '  Debian/Ubuntu:  sudo apt-get update && sudo apt-get install -y firefox-esr',
  '  Elsewhere:      set FIREFOX_PATH to the browser executable.',
].join('\n');

type BrowserApi = typeof chrome;

export async function launchFirefoxExtension(options: { extDir?: string; headless?: boolean } = {}): Promise<FirefoxExtension> {
  const extDir = options.extDir ?? FIREFOX_BUILD_DIR;
  const geckoId = readGeckoId(extDir);
  const executablePath = findFirefox();
  if (!executablePath) throw new Error(HOW_TO_GET_FIREFOX);
  const uuid = randomUUID();
  const origin = `moz-extension://${uuid}`;
  const profile = mkdtempSync(join(tmpdir(), 'threadline-firefox-'));
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath,
    headless: options.headless ?? true,
    userDataDir: profile,
    defaultViewport: { width: 1280, height: 860 },
    // Without it Firefox refuses BiDi navigation to moz-extension:// URLs.
    args: ['--remote-allow-system-access'],
    extraPrefsFirefox: {
      // The extension's pages get a known origin instead of a random one per profile.
      'extensions.webextensions.uuids': JSON.stringify({ [geckoId]: uuid }),
      // permissions.request() grants without showing the prompt (still only in a user gesture).
      'extensions.webextOptionalPermissionPrompts': false,
      // A quiet, offline browser: no first-run pages, updates or telemetry.
      'browser.shell.checkDefaultBrowser': false,
      'app.update.enabled': false,
      'datareporting.policy.dataSubmissionEnabled': false,
      'toolkit.telemetry.reportingpolicy.firstRun': false,
    },
  });
  // *.localhost names (the demo outlets) need no pref: Firefox resolves them to loopback itself.
  const connection = (browser as unknown as { connection: BidiConnection }).connection;
  try {
    const installed = await browser.installExtension(extDir);
    if (installed !== geckoId) throw new Error(`Installed add-on id ${installed}, expected ${geckoId}`);
  } catch (error) {
    await browser.close();
    rmSync(profile, { recursive: true, force: true });
    throw error;
  }

  const pageUrl = (name: ExtensionPageName, query: Record<string, string | number> = {}): string => {
    const search = new URLSearchParams(Object.entries(query).map(([k, v]) => [k, String(v)])).toString();
    return `${origin}/${name}.html${search ? `?${search}` : ''}`;
  };

  const navigate = async (page: Page, url: string): Promise<void> => {
    await connection.send('browsingContext.navigate', { context: contextIdOf(page), url, wait: 'complete' });
  };

  // The control page: one extension page, created on first use (concurrent callers share it).
  let control: Promise<Page> | undefined;
  const controlPage = async (): Promise<Page> => {
    if (!control || (await control).isClosed()) {
      control = browser.newPage().then(async (page) => {
        await navigate(page, pageUrl('options'));
        return page;
      });
    }
    return control;
  };

  const inExtension = async <T, A>(fn: (arg: A) => T | Promise<T>, arg?: A): Promise<T> => {
    const page = await controlPage();
    return (await page.evaluate(fn as (a: unknown) => T | Promise<T>, arg)) as T;
  };

  const listTabIds = () => inExtension(async () => (await (globalThis as unknown as { browser: BrowserApi }).browser.tabs.query({})).map((t) => t.id ?? -1));

  // Tab ids are taken when a tab opens (the ids that appear), not looked up by URL: without the
  // `tabs` permission the extension sees no URL of a tab on a site it has no access to.
  const tabIds = new WeakMap<Page, number>();
  let opening: Promise<unknown> = Promise.resolve();
  const newTab = (): Promise<Page> => {
    const run = opening.then(async () => {
      const before = new Set(await listTabIds());
      const page = await browser.newPage();
      const id = await waitFor(async () => (await listTabIds()).find((t) => !before.has(t)), 'the new tab in tabs.query()');
      tabIds.set(page, id);
      return page;
    });
    opening = run.catch(() => undefined);
    return run;
  };

  const tabIdOf = async (page: Page): Promise<number> => {
    const id = tabIds.get(page);
    if (id === undefined) throw new Error(`The tab of ${page.url()} was not opened through the harness`);
    return id;
  };

  const openExtensionPage: FirefoxExtension['openExtensionPage'] = async (name, opts = {}) => {
    const page = await newTab();
    if (opts.width || opts.height) await page.setViewport({ width: opts.width ?? 400, height: opts.height ?? 600 });
    await navigate(page, pageUrl(name, opts.query));
    return page;
  };

  const readView = async (type: 'popup' | 'sidebar'): Promise<ViewReading | null> =>
    inExtension((viewType: string) => {
      const api = (globalThis as unknown as { browser: BrowserApi }).browser;
      const [view] = api.extension.getViews({ type: viewType as chrome.extension.ViewType });
      if (!view) return null;
      const doc = view.document;
      return {
        url: view.location.href,
        headline: doc.querySelector('.article-header h1.headline, h1.headline')?.textContent?.trim() ?? '',
        time: doc.querySelector('.article-header time')?.textContent?.trim() ?? '',
        busy: doc.querySelector('[aria-busy="true"]') !== null,
        text: (doc.body?.innerText ?? '').slice(0, 20_000),
        width: view.innerWidth,
      };
    }, type);

  /**
   * Runs a user-gesture-only API call: a button in the control page whose click handler calls
   * it synchronously, clicked by puppeteer (a trusted click). The result lands in a data attribute.
   */
  const clickToCall = async (call: { api: 'sidebarAction.open' | 'sidebarAction.close' | 'permissions.request'; arg?: unknown }): Promise<unknown> => {
    const page = await controlPage();
    const id = `__call_${Math.random().toString(36).slice(2)}`;
    await page.evaluate(
      (buttonId: string, c: { api: string; arg?: unknown }) => {
        const api = (globalThis as unknown as { browser: Record<string, Record<string, (a?: unknown) => Promise<unknown>>> }).browser;
        const button = document.createElement('button');
        button.id = buttonId;
        button.textContent = c.api;
        button.onclick = () => {
          const [ns, method] = c.api.split('.');
          // Called without an argument when there is none: an explicit undefined fails the schema.
          (c.arg === undefined ? api[ns][method]() : api[ns][method](c.arg)).then(
            (result) => (button.dataset.result = JSON.stringify({ result: result ?? null })),
            (error: unknown) => (button.dataset.result = JSON.stringify({ error: String(error) })),
          );
        };
        document.body.prepend(button);
      },
      id,
      call,
    );
    // A background tab throttles its frames, which puppeteer's click waits on: bring it forward.
    await page.bringToFront();
    await page.click(`#${id}`);
    const raw = await waitFor(() => page.evaluate((buttonId: string) => document.getElementById(buttonId)?.dataset.result ?? '', id), `${call.api}()`);
    await page.evaluate((buttonId: string) => document.getElementById(buttonId)?.remove(), id);
    const outcome = JSON.parse(raw) as { result?: unknown; error?: string };
    if (outcome.error) throw new Error(`${call.api}(): ${outcome.error}`);
    return outcome.result;
  };

  const ext: FirefoxExtension = {
    browser,
    geckoId,
    uuid,
    origin,
    pageUrl,
    navigate,
    openExtensionPage,
    inExtension,
    tabIdOf,

    async openPage(url) {
      const page = await newTab();
      await page.goto(url, { waitUntil: 'load' });
      return page;
    },

    async sendMessage<T>(type: string, data: unknown) {
      return inExtension(
        (message: { type: string; data: unknown }) => (globalThis as unknown as { browser: BrowserApi }).browser.runtime.sendMessage(message),
        { type, data },
      ) as Promise<T>;
    },

    async requestHostPermissions(origins) {
      return (await clickToCall({ api: 'permissions.request', arg: { origins } })) === true;
    },

    registeredContentScriptMatches() {
      return inExtension(async () =>
        (await (globalThis as unknown as { browser: BrowserApi }).browser.scripting.getRegisteredContentScripts()).flatMap((s) => s.matches ?? []),
      );
    },

    async tabState(page) {
      const tabId = await tabIdOf(page);
      return inExtension(async (id: number) => {
        const all = await (globalThis as unknown as { browser: BrowserApi }).browser.storage.session.get(`tab:${id}`);
        return (all[`tab:${id}`] as TabStateRow | undefined) ?? null;
      }, tabId);
    },

    async badgeText(page) {
      const tabId = await tabIdOf(page);
      return inExtension((id: number) => (globalThis as unknown as { browser: BrowserApi }).browser.action.getBadgeText({ tabId: id }), tabId);
    },

    /** Raw IndexedDB (no Dexie, no app code): database 'threadline', store 'articles'. */
    storedArticles() {
      return inExtension(
        () =>
          new Promise<StoredArticleRow[]>((resolveRows, rejectRows) => {
            const open = indexedDB.open('threadline');
            // Never create the database from here: a missing one means nothing is stored.
            open.onupgradeneeded = () => open.transaction?.abort();
            open.onerror = () => (open.error?.name === 'AbortError' ? resolveRows([]) : rejectRows(open.error));
            open.onsuccess = () => {
              const db = open.result;
              const request = db.transaction('articles').objectStore('articles').getAll();
              request.onsuccess = () => {
                db.close();
                resolveRows(request.result as StoredArticleRow[]);
              };
              request.onerror = () => rejectRows(request.error);
            };
          }),
      );
    },

    readSidebar: () => readView('sidebar'),
    readPopup: () => readView('popup'),

    async openSidebar() {
      await clickToCall({ api: 'sidebarAction.open' });
      await waitFor(async () => (await readView('sidebar')) !== null, 'the sidebar to open');
    },

    async closeSidebar() {
      await clickToCall({ api: 'sidebarAction.close' });
      await waitFor(async () => (await readView('sidebar')) === null, 'the sidebar to close');
    },

    async openPopup(ready, what) {
      await inExtension(() => (globalThis as unknown as { browser: BrowserApi }).browser.action.openPopup());
      return waitFor(async () => {
        const reading = await readView('popup');
        return reading && ready(reading) ? reading : null;
      }, what);
    },

    async closePopup() {
      await inExtension(() => {
        const api = (globalThis as unknown as { browser: BrowserApi }).browser;
        for (const view of api.extension.getViews({ type: 'popup' as chrome.extension.ViewType })) view.close();
      });
      await waitFor(async () => (await readView('popup')) === null, 'the popup to close', 5_000);
    },

    async screenshotView(type, path) {
      const snapshot = await inExtension((viewType: string) => {
        const api = (globalThis as unknown as { browser: BrowserApi }).browser;
        const [view] = api.extension.getViews({ type: viewType as chrome.extension.ViewType });
        if (!view) return null;
        return { html: view.document.documentElement.innerHTML, width: view.innerWidth, height: view.innerHeight, lang: view.document.documentElement.lang };
      }, type);
      if (!snapshot) throw new Error(`No ${type} view to take a screenshot of`);
      // A new tab becomes the active one, which the sidebar follows: the DOM was read before.
      const page = await openExtensionPage('options', { width: Math.max(snapshot.width, 200), height: Math.max(snapshot.height, 300) });
      await page.evaluate((s: { html: string; lang: string }) => {
        document.documentElement.lang = s.lang;
        // Scripts stripped: only the markup and the extension's own stylesheets are shown.
        document.documentElement.innerHTML = s.html.replace(/<script\b[^>]*>[\s\S]*?<\/script>/gi, '');
        return Promise.all(
          Array.from(document.querySelectorAll('link[rel="stylesheet"]'), (link) =>
            (link as HTMLLinkElement).sheet ? null : new Promise((done) => { link.addEventListener('load', done); link.addEventListener('error', done); }),
          ),
        );
      }, snapshot);
      mkdirSync(dirname(path), { recursive: true });
      writeFileSync(path, await page.screenshot({ fullPage: true }));
      await page.close();
    },

    async close() {
      try {
        await browser.close();
      } finally {
        rmSync(profile, { recursive: true, force: true });
      }
    },
  };
  return ext;
}

/**
 * What a reader of the demo does in the options page: import the demo outlets (OPML), then for
 * the sources they enable, grant host access to their sites (asked in the click that enables
 * them) and enable them, which registers the content script there and schedules their feeds.
 * Returns the content script's match patterns once granted but not yet enabled, and at the end.
 */
export async function setUpDemoSources(ext: FirefoxExtension, opml: string, outletIds: string[], origins: string[]): Promise<{ grantedOnly: string[]; enabled: string[] }> {
  await ext.sendMessage('importOpml', { xml: opml });
  if (!(await ext.requestHostPermissions(origins))) throw new Error('permissions.request() was refused');
  // permissions.onAdded re-syncs the registration: still nothing, no source is enabled yet.
  await new Promise((r) => setTimeout(r, 300));
  const grantedOnly = await ext.registeredContentScriptMatches();
  for (const outletId of outletIds) await ext.sendMessage('setSourceEnabled', { outletId, enabled: true });
  const enabled = await waitFor(async () => {
    const matches = await ext.registeredContentScriptMatches();
    return matches.length > 0 ? matches : null;
  }, 'the content script registration');
  return { grantedOnly, enabled };
}
