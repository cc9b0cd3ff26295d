// The one message protocol of the extension: every message name, its argument and its reply.
// One object argument; the reply is the return value (as @webext-core/messaging's ProtocolMap).
// The background validates every argument against the schema below and checks the sender
// before a handler runs (lib/background/dispatch.ts).
import { browser } from 'wxt/browser';
import * as v from 'valibot';
import { LIMITS } from './limits';
// The same schema the import uses for an outlet record: one definition of a valid outlet.
import { outletRecord } from './store/record-schemas';
import type { ArticleInput, Outlet } from './types';
import type { SearchHit, Settings, SourceView, StoreStats, TabContext } from './views';

export interface ProtocolMap {
  /** Content script: what it saw on the page (null when the page is not an article). */
  reportPage(data: { url: string; article: ArticleInput | null }): { articleId: string | null; dots: number };
  /**
   * Content script (its own tab only) or extension page (any tab): what we know about the tab.
   * `partial`: answer before the event's framing is computed (`pendingFraming`); ask again for it.
   */
  getTabContext(data: { tabId?: number; partial?: boolean }): TabContext;
  /** Extension pages: look stories up in the local store. */
  searchStore(data: { query: string }): SearchHit[];
  /** Extension pages: counts for the options page. */
  getStoreStats(data: Record<string, never>): StoreStats;
  /** Popup: "look up this page" on a tab the content script does not run on (activeTab). */
  lookUpTab(data: { tabId: number }): { started: boolean; reason?: string };
  /** Popup and side panel: fetch the full pages of the event's articles that only have summaries. */
  fetchFullText(data: { eventId: string }): { fetched: number; failed: number; declined: boolean };

  // ---- Writes: extension pages only ----
  getSettings(data: Record<string, never>): Settings;
  saveSettings(data: { settings: Partial<Settings> }): Settings;
  listSources(data: Record<string, never>): SourceView[];
  setSourceEnabled(data: { outletId: string; enabled: boolean }): SourceView;
  saveOutlet(data: { outlet: Outlet }): SourceView;
  removeOutlet(data: { outletId: string }): { removed: boolean };
  /** Adds a feed after fetching it once to check that it parses. */
  addFeed(data: { url: string; outletId?: string }): SourceView;
  refreshFeeds(data: Record<string, never>): { fetched: number; items: number; failed: number };
  importOpml(data: { xml: string }): { added: number; updated: number; errors: string[] };
  exportOpml(data: Record<string, never>): { xml: string };
  /** The whole store as JSON lines (one record per line). */
  exportData(data: Record<string, never>): { jsonl: string; lines: number };
  /** All or nothing: one bad line imports nothing and names the line. */
  importData(data: { jsonl: string }): { imported: number };
  /** Delete every stored article, event and story. */
  clearStore(data: { confirm: true }): { cleared: true };
}

export type MessageName = keyof ProtocolMap;
export type MessageData<K extends MessageName> = Parameters<ProtocolMap[K]>[0];
export type MessageReply<K extends MessageName> = ReturnType<ProtocolMap[K]>;

/** Messages a content script (a sender with a tab) may send; everything else is refused. */
export const CONTENT_SCRIPT_MESSAGES: ReadonlySet<MessageName> = new Set<MessageName>(['reportPage', 'getTabContext']);

/** Events the background broadcasts to open extension pages (popup, side panel, options). */
export interface BroadcastMap {
  tabContextChanged: { tabId: number };
  storeChanged: Record<string, never>;
}

// ---- Schemas: the boundary. Bounded strings and arrays; anything else is rejected. ----

const text = (max: number) => v.pipe(v.string(), v.maxLength(max));
const list = <T extends v.GenericSchema>(item: T, max: number) => v.pipe(v.array(item), v.maxLength(max));
const httpUrl = v.pipe(v.string(), v.maxLength(LIMITS.url), v.regex(/^https?:\/\//i, 'must be an http(s) URL'), v.url());

const quoteSchema = v.object({
  text: text(LIMITS.quote),
  speaker: text(LIMITS.speaker),
  paragraph: v.pipe(v.number(), v.integer(), v.minValue(0)),
  offset: v.pipe(v.number(), v.integer(), v.minValue(0)),
});

const entitiesSchema = v.object({
  people: list(text(LIMITS.entity), LIMITS.entities),
  places: list(text(LIMITS.entity), LIMITS.entities),
  organisations: list(text(LIMITS.entity), LIMITS.entities),
});

export const articleInputSchema = v.object({
  url: httpUrl,
  canonicalUrl: v.optional(httpUrl),
  title: v.pipe(text(LIMITS.title), v.minLength(1)),
  dek: v.optional(text(LIMITS.dek)),
  bylines: list(text(LIMITS.byline), LIMITS.bylines),
  published: v.optional(text(64)),
  modified: v.optional(text(64)),
  language: v.optional(text(LIMITS.language)),
  section: v.optional(text(LIMITS.section)),
  tags: list(text(LIMITS.tag), LIMITS.tags),
  siteName: v.optional(text(LIMITS.siteName)),
  paragraphs: list(text(LIMITS.paragraph), LIMITS.paragraphs),
  quotes: list(quoteSchema, LIMITS.quotes),
  entities: entitiesSchema,
  wordCount: v.pipe(v.number(), v.integer(), v.minValue(0)),
  source: v.picklist(['visit', 'feed', 'import']),
});

const tabId = v.pipe(v.number(), v.integer(), v.minValue(0));
const id = v.pipe(v.string(), v.minLength(1), v.maxLength(200));
const empty = v.object({}) as v.GenericSchema<unknown, Record<string, never>>;

const settingsPatch = v.partial(
  v.object({
    detection: v.picklist(['known-outlets', 'all-sites', 'on-click']),
    fullTextOnDemand: v.boolean(),
    maxFeedArticles: v.pipe(v.number(), v.integer(), v.minValue(100), v.maxValue(500_000)),
  }),
);

/** Import payloads: large but bounded (the import itself validates every line). */
const MAX_IMPORT_CHARS = 50_000_000;

export const MESSAGE_SCHEMAS: { [K in MessageName]: v.GenericSchema<unknown, MessageData<K>> } = {
  reportPage: v.object({ url: httpUrl, article: v.nullable(articleInputSchema) }) as v.GenericSchema<unknown, MessageData<'reportPage'>>,
  getTabContext: v.object({ tabId: v.optional(tabId), partial: v.optional(v.boolean()) }),
  searchStore: v.object({ query: text(LIMITS.searchQuery) }),
  getStoreStats: empty,
  lookUpTab: v.object({ tabId }),
  fetchFullText: v.object({ eventId: id }),
  getSettings: empty,
  saveSettings: v.object({ settings: settingsPatch }),
  listSources: empty,
  setSourceEnabled: v.object({ outletId: id, enabled: v.boolean() }),
  saveOutlet: v.object({ outlet: outletRecord }) as v.GenericSchema<unknown, MessageData<'saveOutlet'>>,
  removeOutlet: v.object({ outletId: id }),
  addFeed: v.object({ url: httpUrl, outletId: v.optional(id) }),
  refreshFeeds: empty,
  importOpml: v.object({ xml: v.pipe(v.string(), v.maxLength(5_000_000)) }),
  exportOpml: empty,
  exportData: empty,
  importData: v.object({ jsonl: v.pipe(v.string(), v.maxLength(MAX_IMPORT_CHARS)) }),
  clearStore: v.object({ confirm: v.literal(true) }),
};

export function isMessageName(name: unknown): name is MessageName {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(MESSAGE_SCHEMAS, name);
}

// ---- Sending ----

/** Sends a message to the background; resolves with its reply, rejects with its error. */
export async function sendMessage<K extends MessageName>(type: K, data: MessageData<K>): Promise<MessageReply<K>> {
  return (await browser.runtime.sendMessage({ type, data })) as MessageReply<K>;
}

/** Background → open extension pages. Nobody listening is normal (no page open). */
export async function broadcast<K extends keyof BroadcastMap>(event: K, data: BroadcastMap[K]): Promise<void> {
  try {
    await browser.runtime.sendMessage({ event, data });
  } catch {
    // "Receiving end does not exist" when no extension page is open.
  }
}

/** Extension pages: subscribe to one broadcast event; returns the unsubscribe function. */
export function onBroadcast<K extends keyof BroadcastMap>(event: K, listener: (data: BroadcastMap[K]) => void): () => void {
  const handler = (raw: unknown): undefined => {
    if (raw && typeof raw === 'object' && (raw as { event?: unknown }).event === event) {
      listener((raw as { data: BroadcastMap[K] }).data);
    }
    return undefined;
  };
  browser.runtime.onMessage.addListener(handler);
  return () => browser.runtime.onMessage.removeListener(handler);
}

// ---- Background → offscreen document (Chrome): parsing HTML needs a DOM the worker lacks ----

export const OFFSCREEN_EXTRACT = 'extractPage';

export interface OffscreenRequest {
  type: typeof OFFSCREEN_EXTRACT;
  data: { html: string; url: string };
}

export function isOffscreenRequest(raw: unknown): raw is OffscreenRequest {
  const r = raw as OffscreenRequest | undefined;
  return r?.type === OFFSCREEN_EXTRACT && typeof r.data?.html === 'string' && typeof r.data?.url === 'string';
}
