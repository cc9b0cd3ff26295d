// Fault tests for feed fetching against a real HTTP server on 127.0.0.1, with Node's real fetch.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import type { AddressInfo } from 'node:net';
import { fetchFeed, refreshFeed, MAX_FEED_BYTES } from '../../lib/feeds/fetch';
import { initialFeedState, type FeedState } from '../../lib/feeds/schedule';

const NOW = Date.UTC(2025, 10, 1, 12);
const fixture = (name: string) => readFileSync(`tests/fixtures/feeds/${name}`);
const RSS = fixture('rss2.xml');
const ETAG = '"rss2-v1"';
const LAST_MODIFIED = 'Sat, 01 Nov 2025 10:00:00 GMT';
/** 64 MB of spaces inside an RSS shell, about 64 KB compressed: the cap counts decoded bytes. */
const GZIP_BOMB = gzipSync(Buffer.concat([Buffer.from('<rss version="2.0"><channel><title>'), Buffer.alloc(64 * 1024 * 1024, 0x20), Buffer.from('</title></channel></rss>')]));

let server: Server;
let base = '';
const requested: string[] = [];
const hugeProgress = { written: 0, closed: false };

function send(res: ServerResponse, status: number, body: string | Buffer, headers: Record<string, string> = {}): void {
  res.writeHead(status, headers);
  res.end(body);
}

function streamHuge(res: ServerResponse): void {
  // 20 MB of valid RSS, written in 64 KB chunks without a Content-Length.
  res.writeHead(200, { 'Content-Type': 'application/rss+xml' });
  const item = `<item><title>Filler</title><link>http://127.0.0.1/x</link><description>${'x'.repeat(60_000)}</description></item>`;
  const total = 20 * 1024 * 1024;
  res.write('<?xml version="1.0"?><rss version="2.0"><channel><title>Huge</title>');
  res.on('close', () => { hugeProgress.closed = true; });
  const pump = () => {
    while (hugeProgress.written < total && !hugeProgress.closed) {
      hugeProgress.written += item.length;
      if (!res.write(item)) return void res.once('drain', pump);
    }
    if (!hugeProgress.closed) res.end('</channel></rss>');
  };
  pump();
}

const routes: Record<string, (req: IncomingMessage, res: ServerResponse) => void> = {
  '/rss2': (req, res) => {
    if (req.headers['if-none-match'] === ETAG || req.headers['if-modified-since'] === LAST_MODIFIED) return send(res, 304, '');
    send(res, 200, RSS, { 'Content-Type': 'application/rss+xml; charset=utf-8', ETag: ETAG, 'Last-Modified': LAST_MODIFIED });
  },
  '/atom': (_req, res) => send(res, 200, fixture('atom.xml'), { 'Content-Type': 'application/atom+xml' }),
  '/rdf': (_req, res) => send(res, 200, fixture('rdf.xml'), { 'Content-Type': 'application/rdf+xml' }),
  '/json': (_req, res) => send(res, 200, fixture('json-feed.json'), { 'Content-Type': 'application/feed+json' }),
  '/rss091': (_req, res) => send(res, 200, fixture('rss091.xml'), { 'Content-Type': 'text/xml' }),
  '/404': (_req, res) => send(res, 404, 'not found'),
  '/500': (_req, res) => send(res, 500, 'boom'),
  '/503': (_req, res) => send(res, 503, 'busy', { 'Retry-After': '7200' }),
  '/stall-headers': () => undefined, // never answers
  '/stall-body': (_req, res) => { res.writeHead(200, { 'Content-Type': 'application/rss+xml' }); res.write('<rss version="2.0"><channel>'); },
  '/gzip': (_req, res) => send(res, 200, gzipSync(RSS), { 'Content-Type': 'application/rss+xml', 'Content-Encoding': 'gzip' }),
  '/loop-a': (_req, res) => send(res, 302, '', { Location: '/loop-b' }),
  '/loop-b': (_req, res) => send(res, 302, '', { Location: '/loop-a' }),
  '/moved': (_req, res) => send(res, 301, '', { Location: '/moved-2' }),
  '/moved-2': (_req, res) => send(res, 308, '', { Location: '/rss2' }),
  '/temp': (_req, res) => send(res, 302, '', { Location: '/atom' }),
  '/to-file': (_req, res) => send(res, 302, '', { Location: 'file:///etc/passwd' }),
  '/no-location': (_req, res) => send(res, 302, ''),
  '/huge': (_req, res) => streamHuge(res),
  '/huge-declared': (_req, res) => { res.writeHead(200, { 'Content-Length': String(20 * 1024 * 1024) }); res.write('<rss>'); },
  '/malformed': (_req, res) => send(res, 200, fixture('malformed.xml'), { 'Content-Type': 'application/rss+xml' }),
  '/laughs': (_req, res) => send(res, 200, fixture('billion-laughs.xml'), { 'Content-Type': 'application/rss+xml' }),
  '/xxe': (_req, res) => send(res, 200, fixture('external-entity.xml'), { 'Content-Type': 'application/rss+xml' }),
  '/hostile': (_req, res) => send(res, 200, fixture('hostile.xml'), { 'Content-Type': 'application/rss+xml' }),
  '/cp1252': (_req, res) => send(res, 200, fixture('windows-1252.xml'), { 'Content-Type': 'text/xml; charset=windows-1252' }),
  '/cp1252-undeclared': (_req, res) => send(res, 200, fixture('windows-1252.xml'), { 'Content-Type': 'application/rss+xml' }),
  '/feed-as-html': (_req, res) => send(res, 200, RSS, { 'Content-Type': 'text/html' }),
  '/feed-as-octets': (_req, res) => send(res, 200, fixture('atom.xml'), { 'Content-Type': 'application/octet-stream' }),
  '/html-page': (_req, res) => send(res, 200, '<!doctype html><html><body><script>x()</script><p>Not a feed</p></body></html>', { 'Content-Type': 'application/rss+xml' }),
  '/image': (_req, res) => send(res, 200, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 1, 2, 3]), { 'Content-Type': 'image/png' }),
  '/gzip-bomb': (_req, res) => send(res, 200, GZIP_BOMB, { 'Content-Type': 'application/rss+xml', 'Content-Encoding': 'gzip' }),
  '/empty': (_req, res) => send(res, 200, '', { 'Content-Type': 'application/rss+xml' }),
};

beforeAll(async () => {
  server = createServer((req, res) => {
    const route = routes[new URL(req.url ?? '/', 'http://127.0.0.1').pathname];
    if (route) route(req, res);
    else send(res, 404, '');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

const recordingFetch: typeof fetch = (input, init) => {
  requested.push(String(input instanceof Request ? input.url : input));
  return fetch(input, init);
};
const deps = { fetch: recordingFetch, now: () => NOW, timeoutMs: 1500 };
const fresh = (path: string): FeedState => initialFeedState(`${base}${path}`, NOW);
const refresh = (path: string, state = fresh(path)) => refreshFeed(`${base}${path}`, state, deps);

describe('fetching valid feeds', () => {
  it.each([
    ['/rss2', 3], ['/atom', 2], ['/rdf', 1], ['/json', 1], ['/rss091', 1], ['/gzip', 3], ['/feed-as-html', 3], ['/feed-as-octets', 2],
  ])('%s → %i items', async (path, count) => {
    const result = await refresh(path);
    expect(result.outcome).toBe('updated');
    expect(result.items).toHaveLength(count);
    expect(result.state).toMatchObject({ failures: 0, lastStatus: 200, itemCount: count, lastFetchAt: NOW, nextFetchAt: NOW + result.state.intervalMs });
    expect(result.state.lastError).toBeUndefined();
  });

  it('stores validators, sends them back, and treats 304 as unchanged', async () => {
    const first = await refresh('/rss2');
    expect(first.state).toMatchObject({ etag: ETAG, lastModified: LAST_MODIFIED });
    const second = await refresh('/rss2', first.state);
    expect(second.outcome).toBe('unchanged');
    expect(second.items).toEqual([]);
    expect(second.state).toMatchObject({ lastStatus: 304, failures: 0, etag: ETAG, itemCount: 3 });
  });

  it('follows redirects within the limit and remembers a permanent move', async () => {
    const moved = await refresh('/moved');
    expect(moved.outcome).toBe('updated');
    expect(moved.state.movedTo).toBe(`${base}/rss2`);
    const temp = await refresh('/temp');
    expect(temp.items).toHaveLength(2);
    expect(temp.state.movedTo).toBeUndefined();
  });

  it('decodes windows-1252, declared in the header or only in the XML declaration', async () => {
    for (const path of ['/cp1252', '/cp1252-undeclared']) {
      const result = await refresh(path);
      expect(result.items[0].article.title, path).toBe('“Acuerdo” en Doha: los mediadores – Turquía y Catar – celebran');
    }
  });

  it('cleans hostile markup, drops impossible dates and duplicate guids', async () => {
    const result = await refresh('/hostile');
    expect(result.outcome).toBe('updated');
    expect(result.items.map((item) => item.guid)).toEqual(['hostile-1', 'hostile-2', 'hostile-5', 'hostile-6']);
    expect(JSON.stringify(result.items)).not.toMatch(/<script|onerror/i);
    expect(result.items.every((item) => item.article.published === undefined)).toBe(true);
    expect(result.errors.some((error) => /duplicate guid/.test(error))).toBe(true);
  });

  it('keeps billion-laughs entities inert', async () => {
    const result = await refresh('/laughs');
    expect(JSON.stringify(result).length).toBeLessThan(10_000);
  });

  it('reads what it can of malformed XML', async () => {
    const result = await refresh('/malformed');
    expect(result.items.map((item) => item.article.title)).toEqual(['Unclosed tag']);
  });
});

describe('faults are recorded, never thrown', () => {
  it.each([
    ['/404', 404, /HTTP 404/],
    ['/500', 500, /HTTP 500/],
    ['/loop-a', 302, /more than 5 redirects/],
    ['/to-file', 302, /non-http\(s\)/],
    ['/no-location', 302, /without a Location/],
    ['/xxe', 200, /not a readable/],
    ['/html-page', 200, /not a readable.*Content-Type application\/rss\+xml/],
    ['/image', 200, /not a feed.*image\/png/],
    ['/gzip-bomb', 200, /larger than/],
    ['/empty', 200, /not a readable/],
    ['/huge-declared', 200, /larger than/],
  ])('%s → status %i, error kept, backoff', async (path, status, error) => {
    const result = await refresh(path);
    expect(result.outcome).toBe('failed');
    expect(result.items).toEqual([]);
    expect(result.state.lastStatus).toBe(status);
    expect(result.state.lastError).toMatch(error);
    expect(result.state.failures).toBe(1);
    expect(result.state.nextFetchAt).toBeGreaterThan(NOW);
  });

  it('backs off further on each consecutive failure and resets on success', async () => {
    let state = fresh('/500');
    const delays: number[] = [];
    for (let i = 0; i < 4; i++) {
      state = (await refresh('/500', state)).state;
      delays.push(state.nextFetchAt - NOW);
    }
    expect(state.failures).toBe(4);
    expect(delays).toEqual([30, 30, 60, 120].map((m) => m * 60_000));
    const recovered = await refreshFeed(`${base}/rss2`, { ...state, url: `${base}/rss2` }, deps);
    expect(recovered.state).toMatchObject({ failures: 0, lastError: undefined });
  });

  it('honours Retry-After', async () => {
    const result = await refresh('/503');
    expect(result.state.nextFetchAt).toBe(NOW + 2 * 60 * 60_000);
  });

  it('keeps validators and item count from before a failure', async () => {
    const ok = await refresh('/rss2');
    const failed = await refreshFeed(`${base}/html-page`, { ...ok.state, url: `${base}/html-page` }, deps);
    expect(failed.state).toMatchObject({ etag: ETAG, itemCount: 3, failures: 1 });
  });

  it.each(['/stall-headers', '/stall-body'])('times out a stalling server (%s)', async (path) => {
    const started = Date.now();
    const result = await refresh(path);
    expect(Date.now() - started).toBeLessThan(5000);
    expect(result.state).toMatchObject({ failures: 1, lastError: 'timed out', lastStatus: 0 });
  });

  it('stops reading a 20 MB feed at the size cap', async () => {
    const result = await refresh('/huge');
    expect(result.outcome).toBe('failed');
    expect(result.state.lastError).toMatch(/larger than/);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(hugeProgress.closed).toBe(true);
    expect(hugeProgress.written).toBeLessThan(20 * 1024 * 1024);
    expect(hugeProgress.written).toBeGreaterThan(MAX_FEED_BYTES / 2);
  });

  it('records a refused connection and an invalid URL', async () => {
    const closed = await refreshFeed('http://127.0.0.1:9/rss', initialFeedState('http://127.0.0.1:9/rss', NOW), deps);
    expect(closed.state.lastError).toMatch(/network error/);
    const bad = await fetchFeed('javascript:alert(1)', initialFeedState('javascript:alert(1)', NOW), deps);
    expect(bad.state.lastError).toMatch(/not http\(s\)/);
  });

  it('sent every request to the feed host only', () => {
    expect(requested.length).toBeGreaterThan(20);
    for (const url of requested) expect(new URL(url).hostname).toBe('127.0.0.1');
  });
});
