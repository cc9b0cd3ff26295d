// One feed request: conditional GET, timeout, size cap, bounded redirects, charset decoding, and
// the outcome written into the feed's state (never thrown). Pure apart from the injected `fetch`:
// the only requests made go to the feed's URL and the redirect targets it names.
import { parseFeedText, type FeedItem } from './parse';
import { decodeFeedBytes } from './charset';
import { nextFetchTime, type FeedState } from './schedule';

/** A news feed is tens to hundreds of KB; 5 MB is generous and bounds memory per fetch. */
export const MAX_FEED_BYTES = 5 * 1024 * 1024;
/** Slow hosts answer within seconds; 20 s keeps one stalled server from holding an alarm run. */
export const FETCH_TIMEOUT_MS = 20_000;
/** Feed hosts redirect once or twice (http → https, old path → new); more is a loop. */
export const MAX_REDIRECTS = 5;
/** Stored error strings stay short enough for the options page. */
const MAX_ERROR_CHARS = 300;

const ACCEPT = 'application/rss+xml, application/atom+xml, application/feed+json, application/rdf+xml;q=0.9, application/xml;q=0.9, text/xml;q=0.9, application/json;q=0.8, */*;q=0.5';

export interface FetchDeps {
  fetch: typeof fetch;
  /** Epoch ms. */
  now: () => number;
  timeoutMs?: number;
  maxBytes?: number;
  maxRedirects?: number;
}

export interface FetchFeedResult {
  state: FeedState;
  outcome: 'updated' | 'unchanged' | 'failed';
  /** Decoded body, present when outcome is 'updated'. */
  text?: string;
  contentType?: string;
  /** The URL the body came from after redirects. */
  finalUrl?: string;
}

class FeedFetchError extends Error {
  constructor(message: string, readonly status = 0, readonly retryAfterMs?: number) {
    super(message);
  }
}

function isHttpUrl(url: URL): boolean {
  return url.protocol === 'http:' || url.protocol === 'https:';
}

function conditionalHeaders(state: FeedState, url: string): Record<string, string> {
  const headers: Record<string, string> = { Accept: ACCEPT };
  // Validators belong to the URL that sent them: only the feed's own URL gets them.
  if (url !== state.url) return headers;
  if (state.etag) headers['If-None-Match'] = state.etag;
  if (state.lastModified) headers['If-Modified-Since'] = state.lastModified;
  return headers;
}

/** Retry-After as ms: delta seconds or an HTTP date. */
function retryAfterMs(value: string | null, now: number): number | undefined {
  if (!value) return undefined;
  if (/^\d+$/.test(value.trim())) return Number(value.trim()) * 1000;
  const at = Date.parse(value);
  return Number.isFinite(at) && at > now ? at - now : undefined;
}

async function readCapped(response: Response, maxBytes: number): Promise<Uint8Array> {
  const declared = Number(response.headers.get('content-length'));
  if (Number.isFinite(declared) && declared > maxBytes) {
    await response.body?.cancel().catch(() => undefined);
    throw new FeedFetchError(`feed larger than ${maxBytes} bytes (Content-Length ${declared})`, response.status);
  }
  if (!response.body) return new Uint8Array(await response.arrayBuffer());
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel().catch(() => undefined);
      throw new FeedFetchError(`feed larger than ${maxBytes} bytes; stopped reading`, response.status);
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return bytes;
}

/**
 * Follows redirects by hand so that each hop is checked (http(s) only, at most `maxRedirects`).
 * In an extension worker a manual redirect is opaque (no Location header is readable), so there
 * the request is repeated with redirect: 'follow', where the browser enforces the same rules
 * (http(s) only, its own limit of 20 hops) and `response.url` tells where it ended.
 */
async function request(url: string, state: FeedState, deps: FetchDeps, signal: AbortSignal): Promise<{ response: Response; finalUrl: string; permanent?: string }> {
  const maxRedirects = deps.maxRedirects ?? MAX_REDIRECTS;
  let current = new URL(url);
  let permanent: string | undefined;
  const init = (target: string, redirect: RequestRedirect): RequestInit => ({
    method: 'GET', headers: conditionalHeaders(state, target), redirect, signal, credentials: 'omit', cache: 'no-store', referrerPolicy: 'no-referrer',
  });
  for (let hop = 0; ; hop++) {
    const response = await deps.fetch(current.href, init(current.href, 'manual'));
    if (response.type === 'opaqueredirect') {
      const followed = await deps.fetch(current.href, init(current.href, 'follow'));
      return { response: followed, finalUrl: followed.url || current.href, permanent };
    }
    if (response.status < 300 || response.status >= 400 || response.status === 304) return { response, finalUrl: current.href, permanent };
    await response.body?.cancel().catch(() => undefined);
    const location = response.headers.get('location');
    if (!location) throw new FeedFetchError(`HTTP ${response.status} redirect without a Location`, response.status);
    if (hop >= maxRedirects) throw new FeedFetchError(`more than ${maxRedirects} redirects (loop?)`, response.status);
    const next = new URL(location, current);
    if (!isHttpUrl(next)) throw new FeedFetchError(`redirect to a non-http(s) URL refused (${next.protocol})`, response.status);
    // Only an unbroken chain of permanent redirects from the feed's URL says the feed moved.
    if ((response.status === 301 || response.status === 308) && (hop === 0 || permanent)) permanent = next.href;
    else permanent = undefined;
    current = next;
  }
}

function failedState(state: FeedState, now: number, error: unknown): FeedState {
  const failures = state.failures + 1;
  const known = error instanceof FeedFetchError ? error : undefined;
  const message = known?.message ?? (error instanceof Error && error.name === 'AbortError' ? 'timed out' : `network error: ${error instanceof Error ? error.message : String(error)}`);
  return {
    ...state,
    lastFetchAt: now,
    failures,
    lastError: message.slice(0, MAX_ERROR_CHARS),
    lastStatus: known?.status ?? 0,
    nextFetchAt: nextFetchTime(state, now, 'failed', failures, known?.retryAfterMs),
  };
}

/** Fetches one feed and returns its updated state (and body when changed). Never throws. */
export async function fetchFeed(feedUrl: string, state: FeedState, deps: FetchDeps): Promise<FetchFeedResult> {
  const now = deps.now();
  const base: FeedState = { ...state, url: feedUrl };
  let parsedUrl: URL;
  try {
    parsedUrl = new URL(feedUrl);
    if (!isHttpUrl(parsedUrl)) throw new FeedFetchError('feed URL is not http(s)');
  } catch (error) {
    return { state: failedState(base, now, error instanceof FeedFetchError ? error : new FeedFetchError('feed URL is not a valid URL')), outcome: 'failed' };
  }
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), deps.timeoutMs ?? FETCH_TIMEOUT_MS);
  try {
    const { response, finalUrl, permanent } = await request(parsedUrl.href, base, deps, controller.signal);
    const moved = permanent ? { movedTo: permanent } : {};
    if (response.status === 304) {
      await response.body?.cancel().catch(() => undefined);
      return { state: { ...base, ...moved, lastFetchAt: now, failures: 0, lastError: undefined, lastStatus: 304, nextFetchAt: nextFetchTime(base, now, 'unchanged') }, outcome: 'unchanged', finalUrl };
    }
    if (!response.ok) {
      await response.body?.cancel().catch(() => undefined);
      throw new FeedFetchError(`HTTP ${response.status}`, response.status, retryAfterMs(response.headers.get('retry-after'), now));
    }
    const contentType = response.headers.get('content-type') ?? undefined;
    // Servers mislabel feeds as text/html or octet-stream all the time, so the type is not
    // checked, except for media, which is never a feed and not worth downloading.
    if (/^\s*(?:image|audio|video|font)\//i.test(contentType ?? '')) {
      await response.body?.cancel().catch(() => undefined);
      throw new FeedFetchError(`not a feed (Content-Type ${contentType})`, response.status);
    }
    const bytes = await readCapped(response, deps.maxBytes ?? MAX_FEED_BYTES);
    const { text } = decodeFeedBytes(bytes, contentType);
    const validators = { etag: response.headers.get('etag') ?? undefined, lastModified: response.headers.get('last-modified') ?? undefined };
    const next: FeedState = { ...base, ...moved, ...validators, lastFetchAt: now, failures: 0, lastError: undefined, lastStatus: response.status, nextFetchAt: nextFetchTime(base, now, 'updated') };
    return { state: next, outcome: 'updated', text, contentType, finalUrl };
  } catch (error) {
    return { state: failedState(base, now, controller.signal.aborted ? new FeedFetchError('timed out') : error), outcome: 'failed' };
  } finally {
    clearTimeout(timer);
  }
}

export interface RefreshFeedResult {
  state: FeedState;
  outcome: 'updated' | 'unchanged' | 'failed';
  items: FeedItem[];
  title: string;
  /** Item-level problems (dropped items); feed-level failures are in `state.lastError`. */
  errors: string[];
}

/**
 * Fetch and parse: what the alarm handler calls per due feed. A body that is not a feed counts as
 * a failure (backoff, error kept) and leaves the validators unset so the next try refetches it.
 */
export async function refreshFeed(feedUrl: string, state: FeedState, deps: FetchDeps): Promise<RefreshFeedResult> {
  const fetched = await fetchFeed(feedUrl, state, deps);
  if (fetched.outcome !== 'updated' || fetched.text === undefined) return { state: fetched.state, outcome: fetched.outcome, items: [], title: '', errors: [] };
  const now = fetched.state.lastFetchAt ?? deps.now();
  const parsed = parseFeedText(fetched.text, { feedUrl: fetched.finalUrl ?? feedUrl, now });
  if (!parsed.format) {
    const reason = `${parsed.errors[0] ?? 'not a feed'}${fetched.contentType ? ` (Content-Type ${fetched.contentType})` : ''}`;
    const failures = state.failures + 1;
    const failedState: FeedState = {
      ...fetched.state, etag: state.etag, lastModified: state.lastModified, failures, lastError: reason.slice(0, MAX_ERROR_CHARS),
      nextFetchAt: nextFetchTime(state, now, 'failed', failures),
    };
    return { state: failedState, outcome: 'failed', items: [], title: '', errors: parsed.errors };
  }
  return { state: { ...fetched.state, itemCount: parsed.items.length }, outcome: 'updated', items: parsed.items, title: parsed.title, errors: parsed.errors };
}
