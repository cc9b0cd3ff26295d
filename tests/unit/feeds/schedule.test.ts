import { describe, expect, it } from 'vitest';
import {
  backoffDelay, clampInterval, DEFAULT_INTERVAL_MS, dueFeeds, initialFeedState, MAX_BACKOFF_MS, MIN_INTERVAL_MS, nextDueTime, nextFetchTime,
} from '../../../lib/feeds/schedule';

const MIN = 60_000;
const NOW = Date.UTC(2025, 9, 19, 12);

describe('schedule', () => {
  it('starts a new feed due now with the default interval', () => {
    expect(initialFeedState('https://a.example/rss', NOW)).toEqual({ url: 'https://a.example/rss', nextFetchAt: NOW, failures: 0, itemCount: 0, intervalMs: DEFAULT_INTERVAL_MS });
  });

  it('clamps the interval to a polite range', () => {
    expect(clampInterval(1000)).toBe(MIN_INTERVAL_MS);
    expect(clampInterval(Number.NaN)).toBe(DEFAULT_INTERVAL_MS);
    expect(clampInterval(365 * 24 * 60 * MIN)).toBe(24 * 60 * MIN);
  });

  it('backs off exponentially, deterministically, capped at a day', () => {
    expect([0, 1, 2, 3, 4, 5, 6, 7, 50].map(backoffDelay)).toEqual([0, 15 * MIN, 30 * MIN, 60 * MIN, 120 * MIN, 240 * MIN, 480 * MIN, 960 * MIN, MAX_BACKOFF_MS]);
  });

  it('schedules the next fetch per outcome', () => {
    const state = { intervalMs: 30 * MIN };
    expect(nextFetchTime(state, NOW, 'updated')).toBe(NOW + 30 * MIN);
    expect(nextFetchTime(state, NOW, 'unchanged')).toBe(NOW + 30 * MIN);
    expect(nextFetchTime(state, NOW, 'failed', 1)).toBe(NOW + 30 * MIN);
    expect(nextFetchTime(state, NOW, 'failed', 3)).toBe(NOW + 60 * MIN);
    expect(nextFetchTime(state, NOW, 'failed', 1, 5 * 60 * MIN)).toBe(NOW + 5 * 60 * MIN);
    expect(nextFetchTime(state, NOW, 'failed', 1, 1e12)).toBe(NOW + MAX_BACKOFF_MS);
  });

  it('lists due feeds, longest-waiting first, bounded', () => {
    const states = [
      { ...initialFeedState('https://c.example/', NOW), nextFetchAt: NOW - 5 },
      { ...initialFeedState('https://a.example/', NOW), nextFetchAt: NOW + 1 },
      { ...initialFeedState('https://b.example/', NOW), nextFetchAt: NOW - 10 },
      { ...initialFeedState('https://d.example/', NOW), nextFetchAt: NOW },
    ];
    expect(dueFeeds(states, NOW).map((s) => s.url)).toEqual(['https://b.example/', 'https://c.example/', 'https://d.example/']);
    expect(dueFeeds(states, NOW, 1).map((s) => s.url)).toEqual(['https://b.example/']);
    expect(nextDueTime(states)).toBe(NOW - 10);
    expect(nextDueTime([])).toBeUndefined();
  });
});
