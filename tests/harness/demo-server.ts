// The demo news site on 127.0.0.1: one server for all fictional outlets, routed by the Host header
// (<outlet>.localhost:PORT; browsers resolve every *.localhost name to loopback).
// Standalone: `node --import tsx tests/harness/demo-server.ts [--port N]` prints the URLs and serves.
import { createHash } from 'node:crypto';
import { createServer, request, type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { pathToFileURL } from 'node:url';
import { demoArticleAt, demoArticleById, demoArticlesOf, demoArticleUrl, newestDemoArticle } from '../../lib/demo/articles';
import { demoOrigin, demoOutletByHost, demoOutlets } from '../../lib/demo/outlets';
import { renderArticlePage, renderDemoIndex, renderHomePage, renderRssFeed } from '../../lib/demo/render';
import { renderSpaPage, spaPath } from '../../lib/demo/render-spa';
import { SPA_OUTLET_ID, spaArticles } from '../../lib/demo/spa';
import type { Outlet } from '../../lib/types';

export interface DemoServer {
  port: number;
  /** http://127.0.0.1:PORT */
  origin: string;
  articleUrl(id: string): string;
  newestArticleUrl(): string;
  homeUrl(outletId: string): string;
  feedUrl(outletId: string): string;
  /** The SPA test page: http://127.0.0.1:PORT/spa/ */
  spaUrl(): string;
  outlets: Outlet[];
  /** Requests served so far, newest last ("GET indus-ledger.localhost /feed.xml 304"), for tests. */
  log: string[];
  close(): Promise<void>;
}

const HTML = 'text/html; charset=utf-8';
/** Requests kept in `log`; a long `npm start` session must not grow it forever. */
const LOG_LIMIT = 1000;
/**
 * Port of the standalone server. Fixed by default because stored articles keep their URLs, port
 * included: a reader who restarts the demo should find the same pages again.
 */
export const DEFAULT_DEMO_PORT = 8787;

function send(res: ServerResponse, req: IncomingMessage, status: number, type: string, body: string, headers: Record<string, string> = {}): void {
  const buf = Buffer.from(body, 'utf8');
  res.writeHead(status, { 'Content-Type': type, 'Content-Length': String(buf.length), 'X-Content-Type-Options': 'nosniff', ...headers });
  res.end(req.method === 'HEAD' ? undefined : buf);
}

function notFound(res: ServerResponse, req: IncomingMessage, what: string): void {
  send(res, req, 404, HTML, `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Not found</title></head><body><h1>Not found</h1><p>${what.replace(/[&<>"']/g, '')} is not part of the Threadline demo.</p></body></html>`, { 'Cache-Control': 'no-store' });
}

function serveFeed(req: IncomingMessage, res: ServerResponse, outlet: Outlet, port: number): number {
  const articles = demoArticlesOf(outlet.id);
  const xml = renderRssFeed(outlet, articles, port);
  const etag = `"${createHash('sha1').update(xml).digest('hex').slice(0, 20)}"`;
  const newest = Math.max(0, ...articles.map((a) => Date.parse(a.modified ?? a.published)));
  const lastModified = new Date(Math.floor(newest / 1000) * 1000).toUTCString();
  const headers = { ETag: etag, 'Last-Modified': lastModified, 'Cache-Control': 'no-cache' };
  const inm = req.headers['if-none-match'];
  const ims = req.headers['if-modified-since'];
  // If-None-Match wins over If-Modified-Since (RFC 9110 §13.2.2).
  const fresh = inm !== undefined
    ? inm.split(',').map((t) => t.trim().replace(/^W\//, '')).some((t) => t === etag || t === '*')
    : ims !== undefined && !Number.isNaN(Date.parse(ims)) && Date.parse(ims) >= Date.parse(lastModified);
  if (fresh) {
    res.writeHead(304, headers);
    res.end();
    return 304;
  }
  send(res, req, 200, 'application/rss+xml; charset=utf-8', xml, headers);
  return 200;
}

function handle(req: IncomingMessage, res: ServerResponse, port: number): number {
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    send(res, req, 405, 'text/plain; charset=utf-8', 'Method not allowed', { Allow: 'GET, HEAD' });
    return 405;
  }
  const hostHeader = (req.headers.host ?? '').toLowerCase();
  const hostname = hostHeader.replace(/:\d+$/, '');
  const path = new URL(req.url ?? '/', 'http://x').pathname;
  const outlet = demoOutletByHost(hostname, port);
  const isLanding = !outlet && (hostname === '127.0.0.1' || hostname === 'localhost' || hostname === '');
  if (!outlet && !isLanding) {
    notFound(res, req, `The host ${hostname}`);
    return 404;
  }
  const page = (body: string): number => {
    send(res, req, 200, HTML, body, { 'Cache-Control': 'no-store' });
    return 200;
  };
  if (path === '/favicon.ico') {
    notFound(res, req, 'The favicon');
    return 404;
  }
  const spaOutlet = outlet ?? demoOutlets(port).find((o) => o.id === SPA_OUTLET_ID);
  if (spaOutlet && (isLanding || outlet?.id === SPA_OUTLET_ID) && (path === '/spa' || path.startsWith('/spa/'))) {
    const articles = spaArticles();
    const current = articles.find((a) => spaPath(a) === path.replace(/\/$/, ''));
    if (path !== '/spa' && path !== '/spa/' && !current) {
      notFound(res, req, 'This SPA route');
      return 404;
    }
    const origin = outlet ? demoOrigin(outlet.id, port) : `http://127.0.0.1:${port}`;
    return page(renderSpaPage(articles, spaOutlet, origin, current?.id));
  }
  if (isLanding || !outlet) {
    if (path === '/' || path === '/index.html') return page(renderDemoIndex(port));
    notFound(res, req, 'This page');
    return 404;
  }
  if (path === '/' || path === '/index.html') return page(renderHomePage(outlet, demoArticlesOf(outlet.id), port));
  if (path === '/feed.xml') return serveFeed(req, res, outlet, port);
  const article = demoArticleAt(outlet.id, path);
  if (article) return page(renderArticlePage(article, outlet, port));
  notFound(res, req, 'This page');
  return 404;
}

/** Starts the demo server on 127.0.0.1 (`port` 0 or absent: an ephemeral port). */
export async function startDemoServer(options: { port?: number } = {}): Promise<DemoServer> {
  const log: string[] = [];
  let port = 0;
  const server = createServer((req, res) => {
    let status = 500;
    try {
      status = handle(req, res, port);
    } catch (error) {
      if (!res.headersSent) send(res, req, 500, 'text/plain; charset=utf-8', 'Internal error');
      else res.end();
      console.error('demo server:', error);
    }
    log.push(`${req.method} ${req.headers.host ?? ''} ${req.url ?? ''} ${status}`);
    if (log.length > LOG_LIMIT) log.splice(0, log.length - LOG_LIMIT);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  port = (server.address() as AddressInfo).port;
  const outletUrl = (outletId: string, path: string): string => {
    if (!demoOutlets(port).some((o) => o.id === outletId)) throw new Error(`Unknown demo outlet: ${outletId}`);
    return demoOrigin(outletId, port) + path;
  };
  return {
    port,
    origin: `http://127.0.0.1:${port}`,
    outlets: demoOutlets(port),
    log,
    articleUrl(id) {
      const article = demoArticleById(id);
      if (!article) throw new Error(`Unknown demo article: ${id}`);
      return demoArticleUrl(article, port);
    },
    newestArticleUrl: () => demoArticleUrl(newestDemoArticle(), port),
    homeUrl: (outletId) => outletUrl(outletId, '/'),
    feedUrl: (outletId) => outletUrl(outletId, '/feed.xml'),
    spaUrl: () => `http://127.0.0.1:${port}/spa/`,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}

export interface DemoResponse {
  status: number;
  headers: IncomingHttpHeaders;
  body: string;
}

/**
 * GET (or HEAD) a demo URL from Node. Node's resolver does not map *.localhost to loopback and
 * fetch() overwrites the Host header, so this connects to 127.0.0.1 and sends the Host itself.
 */
export function demoRequest(url: string, init: { method?: 'GET' | 'HEAD'; headers?: Record<string, string> } = {}): Promise<DemoResponse> {
  const target = new URL(url);
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port: Number(target.port || 80),
        path: target.pathname + target.search,
        method: init.method ?? 'GET',
        headers: { ...init.headers, host: target.host },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end();
  });
}

async function main(): Promise<void> {
  const flag = process.argv.indexOf('--port');
  const port = Number(flag >= 0 ? process.argv[flag + 1] : (process.env.DEMO_PORT ?? DEFAULT_DEMO_PORT));
  const demo = await startDemoServer({ port }).catch((error: NodeJS.ErrnoException) => {
    if (error.code !== 'EADDRINUSE' || port === 0) throw error;
    console.log(`Port ${port} is busy; using a free port instead.`);
    return startDemoServer({ port: 0 });
  });
  console.log(`Threadline demo news sites (demo content, not real articles): ${demo.origin}/`);
  console.log(`SPA test page: ${demo.spaUrl()}`);
  for (const outlet of demo.outlets) {
    console.log(`\n${outlet.name} (${outlet.country}): ${demo.homeUrl(outlet.id)}  feed: ${demo.feedUrl(outlet.id)}`);
    for (const article of demoArticlesOf(outlet.id)) console.log(`  ${demo.articleUrl(article.id)}`);
  }
  console.log(`\nNewest article: ${demo.newestArticleUrl()}\nCtrl+C to stop.`);
  const stop = (): void => {
    void demo.close().then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
