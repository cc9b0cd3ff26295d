// When each feed is fetched next. Pure: state and `now` in, times out. The background's alarm
// asks `dueFeeds` which feeds to fetch; every fetch outcome sets the feed's next time through
// `nextFetchTime`. Backoff is deterministic (no jitter): a handful of feeds on different hosts
// does not cause a thundering herd, and a fixed schedule is testable and explainable in the
// options page ("next try in 2 h").

/** Persisted per feed URL (Dexie `meta` or a feeds table; the lead decides). */
export interface FeedState {
  url: string;
  etag?: string;
  lastModified?: string;
  /** Epoch ms of the last attempt, successful or not. */
  lastFetchAt?: number;
  /** Epoch ms at or after which the feed is due. */
  nextFetchAt: number;
  /** Consecutive failures; 0 after any success or 304. */
  failures: number;
  /** Why the last attempt failed; cleared by a success. Shown in the options page. */
  lastError?: string;
  /** Items in the last successfully parsed response. */
  itemCount: number;
  /** HTTP status of the last response (0 when none arrived: timeout, network error). */
  lastStatus?: number;
  /** Reader-chosen interval between fetches. */
  intervalMs: number;
  /** Set when the feed answered with a permanent redirect, so the options page can offer it. */
  movedTo?: string;
}

/** News feeds change every few minutes to hours; half an hour keeps the corpus fresh enough. */
export const DEFAULT_INTERVAL_MS = 30 * 60_000;
/** Politeness floor: no outlet needs polling more often than every 10 minutes. */
export const MIN_INTERVAL_MS = 10 * 60_000;
export const MAX_INTERVAL_MS = 24 * 60 * 60_000;
/** First retry after a failure; doubles per consecutive failure. */
export const BACKOFF_BASE_MS = 15 * 60_000;
/** A feed that keeps failing is still retried daily, so it recovers without the reader. */
export const MAX_BACKOFF_MS = 24 * 60 * 60_000;

export type FetchOutcome = 'updated' | 'unchanged' | 'failed';

export function clampInterval(intervalMs: number | undefined): number {
  if (intervalMs === undefined || !Number.isFinite(intervalMs)) return DEFAULT_INTERVAL_MS;
  return Math.min(MAX_INTERVAL_MS, Math.max(MIN_INTERVAL_MS, Math.round(intervalMs)));
}

/** A feed the reader just enabled: due at once. */
export function initialFeedState(url: string, now: number, intervalMs?: number): FeedState {
  return { url, nextFetchAt: now, failures: 0, itemCount: 0, intervalMs: clampInterval(intervalMs) };
}

/** Delay before retrying after `failures` consecutive failures (1 → 15 min, 2 → 30 min, …, ≤ 24 h). */
export function backoffDelay(failures: number): number {
  if (failures <= 0) return 0;
  const exponent = Math.min(failures - 1, 16); // 2^16 × 15 min is far past the cap already
  return Math.min(MAX_BACKOFF_MS, BACKOFF_BASE_MS * 2 ** exponent);
}

/**
 * Epoch ms of the next fetch after an attempt at `now`. Success or 304: one interval later.
 * Failure: the larger of the interval and the backoff for `failures` (the count including this
 * failure), and no earlier than a server's Retry-After (capped at a day).
 */
export function nextFetchTime(state: Pick<FeedState, 'intervalMs'>, now: number, outcome: FetchOutcome, failures = 0, retryAfterMs?: number): number {
  const interval = clampInterval(state.intervalMs);
  if (outcome !== 'failed') return now + interval;
  let delay = Math.max(interval, backoffDelay(failures));
  if (retryAfterMs !== undefined && retryAfterMs > 0) delay = Math.max(delay, Math.min(retryAfterMs, MAX_BACKOFF_MS));
  return now + delay;
}

/** Feeds due at `now`, longest-waiting first, at most `limit` (one alarm's batch). */
export function dueFeeds(states: readonly FeedState[], now: number, limit = Infinity): FeedState[] {
  return states
    .filter((state) => state.nextFetchAt <= now)
    .sort((a, b) => a.nextFetchAt - b.nextFetchAt || a.url.localeCompare(b.url))
    .slice(0, limit);
}

/** The earliest time any feed is due: when the background should set its next alarm. */
export function nextDueTime(states: readonly FeedState[]): number | undefined {
  let earliest: number | undefined;
  for (const state of states) if (earliest === undefined || state.nextFetchAt < earliest) earliest = state.nextFetchAt;
  return earliest;
}
