// `npm run --silent bench -- feeds`: feed parsing throughput, parse + ingest through the story
// engine into IndexedDB (fake-indexeddb in Node), and a full refresh of every feed of the default
// registry against local stand-ins (127.0.0.1) with the engine running; @rowanmanning/feed-parser
// measured in the same run as the parsing baseline.
import 'fake-indexeddb/auto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { parseFeed as baselineParse } from '@rowanmanning/feed-parser';
import { parseFeed as feedsmithParse } from 'feedsmith';
import { parseFeedText } from '../../lib/feeds/parse';
import { refreshFeed } from '../../lib/feeds/fetch';
import { initialFeedState } from '../../lib/feeds/schedule';
import { DEFAULT_OUTLETS } from '../../lib/outlets/registry';
import { ingestInputs } from '../../lib/background/ingest';
import { LIMITS } from '../../lib/limits';
import { openDatabase, type ThreadlineDB } from '../../lib/store/db';
import { seedDefaultOutlets } from '../../lib/store/outlets';
import type { ArticleInput } from '../../lib/types';

const ITEMS = 500;
const RUNS = 21;
/** Feeds fetched at once in a refresh: what one alarm run would allow itself. */
const CONCURRENCY = 6;
const NOW = Date.UTC(2025, 10, 1);

/** A synthetic RSS 2.0 feed: news-sized items with HTML summaries, categories and authors. */
function syntheticFeed(items: number, host = 'bench.example'): string {
  const parts = ['<?xml version="1.0" encoding="UTF-8"?><rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/"><channel><title>Bench</title><link>https://', host, '/</link><description>x</description>'];
  for (let i = 0; i < items; i++) {
    const day = 1 + (i % 28);
    parts.push(
      `<item><title>Talks in Doha resume as mediators from Qatar and Türkiye meet delegations (${i})</title>`,
      `<link>https://${host}/news/${i}</link><guid isPermaLink="false">bench-${i}</guid>`,
      `<pubDate>Tue, ${String(day).padStart(2, '0')} Oct 2025 10:${String(i % 60).padStart(2, '0')}:00 +0500</pubDate>`,
      `<description><![CDATA[<p>Delegations from Pakistan and Afghanistan met for a ${i}th round.</p><p>The ceasefire agreed in Doha held overnight, officials said, while the question of the TTP remained open.</p>]]></description>`,
      `<dc:creator>Reporter ${i % 17}</dc:creator><category>Pakistan</category><category>Afghanistan</category></item>`,
    );
  }
  parts.push('</channel></rss>');
  return parts.join('');
}

function stats(samples: number[]): { median: number; p95: number } {
  const sorted = [...samples].sort((a, b) => a - b);
  return { median: sorted[Math.floor(sorted.length / 2)], p95: sorted[Math.min(sorted.length - 1, Math.ceil(sorted.length * 0.95) - 1)] };
}

function timeRuns(run: () => void): { median: number; p95: number } {
  run(); // warm-up
  const samples: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const started = performance.now();
    run();
    samples.push(performance.now() - started);
  }
  return stats(samples);
}

async function freshDb(name: string): Promise<ThreadlineDB> {
  indexedDB.deleteDatabase(name);
  const db = openDatabase(name);
  await seedDefaultOutlets(db);
  return db;
}

/** The background's feed path: items in batches of LIMITS.ingestBatch, one transaction each. */
async function ingestInBatches(db: ThreadlineDB, inputs: ArticleInput[], outletId: string): Promise<void> {
  const outlet = await db.outlets.get(outletId);
  for (let i = 0; i < inputs.length; i += LIMITS.ingestBatch) await ingestInputs(db, inputs.slice(i, i + LIMITS.ingestBatch), NOW, outlet);
}

/** Parse a 500-item feed and ingest it into an empty store, engine running; median of runs. */
async function parseIngest(text: string): Promise<{ median: number; p95: number }> {
  const samples: number[] = [];
  for (let run = 0; run < 5; run++) {
    const db = await freshDb(`bench-feeds-${run}`);
    const started = performance.now();
    const parsed = parseFeedText(text, { now: NOW });
    await ingestInBatches(db, parsed.items.map((i) => i.article), DEFAULT_OUTLETS[0].id);
    samples.push(performance.now() - started);
    db.close();
  }
  return stats(samples);
}

async function registryFetchParse(ingest?: ThreadlineDB): Promise<{ seconds: number; feeds: number; items: number; failures: number }> {
  const feeds = DEFAULT_OUTLETS.flatMap((outlet) => outlet.feeds.map((url) => ({ url, outletId: outlet.id })));
  // Each feed gets its own items (distinct links), as real feeds would.
  const server = createServer((req, res) => {
    res.writeHead(200, { 'Content-Type': 'application/rss+xml' });
    res.end(syntheticFeed(50, `feed${Math.abs([...(req.url ?? '')].reduce((h, c) => (h * 31 + c.charCodeAt(0)) | 0, 7))}.example`));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  // Every registry URL is answered by the local server: same path, host rewritten. Nothing leaves the machine.
  const localFetch: typeof fetch = (input, init) => {
    const url = new URL(String(input instanceof Request ? input.url : input));
    return fetch(`http://127.0.0.1:${port}${url.pathname}${url.search}`, init);
  };
  const deps = { fetch: localFetch, now: () => NOW };
  let items = 0;
  let failures = 0;
  const queue = [...feeds];
  const started = performance.now();
  await Promise.all(Array.from({ length: CONCURRENCY }, async () => {
    for (let feed = queue.shift(); feed; feed = queue.shift()) {
      const result = await refreshFeed(feed.url, initialFeedState(feed.url, NOW), deps);
      items += result.items.length;
      if (result.outcome === 'failed') failures++;
      if (ingest) await ingestInBatches(ingest, result.items.map((i) => i.article), feed.outletId);
    }
  }));
  const seconds = (performance.now() - started) / 1000;
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
  return { seconds, feeds: feeds.length, items, failures };
}

export async function bench(): Promise<Record<string, unknown>> {
  const text = syntheticFeed(ITEMS);
  const check = parseFeedText(text, { now: NOW });
  if (check.items.length !== ITEMS) throw new Error(`parsed ${check.items.length} of ${ITEMS} items`);
  const ours = timeRuns(() => parseFeedText(text, { now: NOW }));
  const raw = timeRuns(() => feedsmithParse(text));
  const baseline = timeRuns(() => baselineParse(text));
  const refresh = await registryFetchParse();
  const ingest = await parseIngest(text);
  const refreshDb = await freshDb('bench-feeds-registry');
  const fullRefresh = await registryFetchParse(refreshDb);
  const stored = await refreshDb.articles.count();
  refreshDb.close();
  const perSecond = (ms: number) => Math.round((ITEMS / ms) * 1000);
  console.log(`machine: Node ${process.version} on ${process.platform}/${process.arch}; ${RUNS} runs of a ${ITEMS}-item RSS 2.0 feed (${(text.length / 1024).toFixed(0)} KB)`);
  console.log(`parse → ArticleInput (feedsmith + cleaning): median ${ours.median.toFixed(1)} ms, p95 ${ours.p95.toFixed(1)} ms = ${perSecond(ours.median)} items/s`);
  console.log(`of which feedsmith's raw parse: median ${raw.median.toFixed(1)} ms = ${perSecond(raw.median)} items/s`);
  console.log(`baseline @rowanmanning/feed-parser (raw parse only): median ${baseline.median.toFixed(1)} ms = ${perSecond(baseline.median)} items/s`);
  console.log(`registry fetch+parse (local stand-ins, ${refresh.feeds} feeds × 50 items, concurrency ${CONCURRENCY}): ${refresh.seconds.toFixed(2)} s, ${refresh.items} items, ${refresh.failures} failures`);
  console.log(`parse + ingest through the story engine (fake-indexeddb, batches of ${LIMITS.ingestBatch}): median ${ingest.median.toFixed(0)} ms, p95 ${ingest.p95.toFixed(0)} ms = ${perSecond(ingest.median)} items/s`);
  console.log(`full registry refresh with the engine running: ${fullRefresh.seconds.toFixed(2)} s, ${stored} articles stored`);
  return {
    bench: 'feeds',
    items: ITEMS,
    parse_items_per_s: perSecond(ours.median),
    parse_median_ms: Number(ours.median.toFixed(2)),
    parse_p95_ms: Number(ours.p95.toFixed(2)),
    feedsmith_raw_parse_items_per_s: perSecond(raw.median),
    parse_ingest_items_per_s: perSecond(ingest.median),
    registry_refresh_s: Number(fullRefresh.seconds.toFixed(3)),
    registry_refresh_stored: stored,
    registry_fetch_parse_s: Number(refresh.seconds.toFixed(3)),
    registry_feeds: refresh.feeds,
    node: process.version,
    baseline: { parser: '@rowanmanning/feed-parser 2.1.5', parse_items_per_s: perSecond(baseline.median), parse_median_ms: Number(baseline.median.toFixed(2)) },
  };
}
