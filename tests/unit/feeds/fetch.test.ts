// fetchFeed with a fake fetch: the browser-only paths a Node server cannot produce.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { fetchFeed, refreshFeed } from '../../../lib/feeds/fetch';
import { initialFeedState } from '../../../lib/feeds/schedule';

const NOW = Date.UTC(2025, 10, 1);
const URL_A = 'https://feeds.demo.example/rss';
const RSS = readFileSync('tests/fixtures/feeds/rss2.xml', 'utf8');

function responseAt(url: string, body: string, init: ResponseInit = {}): Response {
  const response = new Response(body, init);
  Object.defineProperty(response, 'url', { value: url });
  return response;
}

describe('fetchFeed in an extension worker', () => {
  it('re-requests with redirect: follow when a manual redirect is opaque, and keeps the final URL', async () => {
    const calls: Array<[string, RequestRedirect | undefined]> = [];
    const fakeFetch = (async (input: RequestInfo | URL, init?: RequestInit) => {
      calls.push([String(input), init?.redirect]);
      if (init?.redirect === 'manual') return { type: 'opaqueredirect', status: 0, headers: new Headers(), body: null } as unknown as Response;
      return responseAt('https://www.demo.example/feed/home', RSS, { status: 200, headers: { 'content-type': 'application/rss+xml' } });
    }) as typeof fetch;
    const result = await refreshFeed(URL_A, initialFeedState(URL_A, NOW), { fetch: fakeFetch, now: () => NOW });
    expect(calls).toEqual([[URL_A, 'manual'], [URL_A, 'follow']]);
    expect(result.outcome).toBe('updated');
    expect(result.items).toHaveLength(3);
    // Relative links resolve against where the body came from.
    expect(result.items[2].article.url).toBe('https://www.demo.example/news/relative-link');
  });

  it('records a fetch that throws synchronously or rejects', async () => {
    const throwing = (() => { throw new TypeError('Failed to fetch'); }) as unknown as typeof fetch;
    const rejecting = (() => Promise.reject(new TypeError('net::ERR_NAME_NOT_RESOLVED'))) as typeof fetch;
    for (const fake of [throwing, rejecting]) {
      const { state, outcome } = await fetchFeed(URL_A, initialFeedState(URL_A, NOW), { fetch: fake, now: () => NOW });
      expect(outcome).toBe('failed');
      expect(state.lastError).toMatch(/network error/);
    }
  });

  it('sends validators only to the feed’s own URL', async () => {
    const headersSeen: Array<Record<string, string>> = [];
    const fakeFetch = (async (input: RequestInfo | URL, init?: RequestInit) => {
      headersSeen.push(init?.headers as Record<string, string>);
      if (String(input) === URL_A) return new Response(null, { status: 301, headers: { location: 'https://elsewhere.demo.example/rss' } });
      return new Response(null, { status: 304 });
    }) as typeof fetch;
    const state = { ...initialFeedState(URL_A, NOW), etag: '"e1"', lastModified: 'Sat, 01 Nov 2025 10:00:00 GMT' };
    const result = await fetchFeed(URL_A, state, { fetch: fakeFetch, now: () => NOW });
    expect(headersSeen[0]['If-None-Match']).toBe('"e1"');
    expect(headersSeen[1]['If-None-Match']).toBeUndefined();
    expect(result.state.movedTo).toBe('https://elsewhere.demo.example/rss');
  });
});
