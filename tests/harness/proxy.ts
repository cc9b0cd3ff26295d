// A recording HTTP proxy on 127.0.0.1 for the end-to-end tests. Chromium launched with it (and
// Playwright's "<-loopback>" bypass rule, so that loopback and *.localhost go through it too)
// sends every request of every context through here: pages, the extension's service worker and
// its offscreen document. Each request is recorded; only the allowed upstreams on 127.0.0.1 are
// forwarded, anything else is answered 403 and stays in the record for the test to fail on.
import { createServer, request, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { BrowserContext } from 'playwright-core';

export interface ProxiedRequest {
  method: string;
  /** Host name as the browser asked for it (no port). */
  hostname: string;
  port: number;
  path: string;
  /** Whether it was forwarded to an allowed upstream. */
  forwarded: boolean;
}

export interface RecordingProxy {
  port: number;
  /** http://127.0.0.1:PORT, for Playwright's `proxy.server`. */
  server: string;
  requests: ProxiedRequest[];
  /** "host:port" of every request outside the allowed upstreams. */
  refused(): string[];
  close(): Promise<void>;
}

export interface RecordingProxyOptions {
  /** Whether a request for this host and port may go to 127.0.0.1:port. */
  allow: (hostname: string, port: number) => boolean;
}

function target(req: IncomingMessage): URL | undefined {
  try {
    // A proxied request line carries the absolute URL.
    return new URL(req.url ?? '');
  } catch {
    return undefined;
  }
}

export async function startRecordingProxy(options: RecordingProxyOptions): Promise<RecordingProxy> {
  const requests: ProxiedRequest[] = [];
  const server = createServer((req, res) => {
    const url = target(req);
    const hostname = url?.hostname.toLowerCase() ?? '';
    const port = url ? Number(url.port || (url.protocol === 'https:' ? 443 : 80)) : 0;
    const forwarded = !!url && url.protocol === 'http:' && options.allow(hostname, port);
    requests.push({ method: req.method ?? '', hostname, port, path: url ? url.pathname + url.search : req.url ?? '', forwarded });
    if (!url || !forwarded) {
      res.writeHead(403, { 'Content-Type': 'text/plain; charset=utf-8' }).end('Refused by the test proxy');
      return;
    }
    const headers = { ...req.headers };
    delete headers['proxy-connection'];
    delete headers['proxy-authorization'];
    const upstream = request({ host: '127.0.0.1', port, path: url.pathname + url.search, method: req.method, headers }, (up) => {
      res.writeHead(up.statusCode ?? 502, up.headers);
      up.pipe(res);
    });
    upstream.on('error', () => {
      if (!res.headersSent) res.writeHead(502).end();
      else res.destroy();
    });
    req.pipe(upstream);
  });
  // HTTPS (and anything else tunnelled) is never allowed: recorded, then refused.
  server.on('connect', (req: IncomingMessage, socket) => {
    const [hostname = '', port = '443'] = (req.url ?? '').split(':');
    requests.push({ method: 'CONNECT', hostname: hostname.toLowerCase(), port: Number(port), path: '', forwarded: false });
    socket.end('HTTP/1.1 403 Forbidden\r\n\r\n');
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;
  return {
    port,
    server: `http://127.0.0.1:${port}`,
    requests,
    refused: () => requests.filter((r) => !r.forwarded).map((r) => `${r.method} ${r.hostname}:${r.port}${r.path}`),
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}

/**
 * Chromium's own services (component updater, sign-in, time checks): the browser process calls
 * them whatever the extension does; the proxy refuses them like any other host off the allow list.
 */
export function isChromiumServiceHost(hostname: string): boolean {
  return /(^|\.)(google\.com|googleapis\.com|gvt1\.com|gstatic\.com)$/.test(hostname);
}

export interface ContextRequest {
  url: string;
  /** The page's URL, or the service worker's script URL, that made the request. */
  from: string;
}

/**
 * Records the requests made by the pages and service workers of a Playwright context (the
 * extension's worker included), from now on: what they asked for, apart from what the browser
 * process asks for on its own.
 */
export function recordContextRequests(context: BrowserContext): ContextRequest[] {
  const requests: ContextRequest[] = [];
  context.on('request', (r) => {
    let from = r.serviceWorker()?.url() ?? '';
    if (!from) {
      try {
        from = r.frame().url();
      } catch {
        from = '(no frame)';
      }
    }
    requests.push({ url: r.url(), from });
  });
  return requests;
}

export interface RequestAudit {
  /** Requests of pages and extension contexts to hosts off the allow list (must be none). */
  fromContexts: string[];
  /** Requests the proxy refused that were not to Chromium's own services (must be none). */
  otherRefused: string[];
  /** Chromium's own service requests the proxy refused ("host:port"), for the log. */
  chromiumServices: string[];
}

/** Sorts what the browser asked for against the allow list (see RequestAudit). */
export function auditRequests(proxy: RecordingProxy, contextRequests: readonly ContextRequest[], allow: (hostname: string, port: number) => boolean): RequestAudit {
  const fromContexts = contextRequests
    .filter((r) => {
      const url = new URL(r.url);
      if (url.protocol !== 'http:' && url.protocol !== 'https:') return false;
      return !allow(url.hostname, Number(url.port || (url.protocol === 'https:' ? 443 : 80)));
    })
    .map((r) => `${r.url} (from ${r.from})`);
  const refused = proxy.requests.filter((r) => !r.forwarded);
  return {
    fromContexts,
    otherRefused: refused.filter((r) => !isChromiumServiceHost(r.hostname)).map((r) => `${r.method} ${r.hostname}:${r.port}${r.path}`),
    chromiumServices: [...new Set(refused.filter((r) => isChromiumServiceHost(r.hostname)).map((r) => `${r.hostname}:${r.port}`))].sort(),
  };
}
