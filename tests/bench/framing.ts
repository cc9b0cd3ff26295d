// `npm run --silent bench -- framing [runs]`: the whole framing (frameEvent) of a 10-article event
// in Node, median and p95 over repeated runs after a warm-up, wall clock and CPU time (the CPU
// time is what a loaded machine distorts least). Two events from the project's demo texts:
// - full: 10 articles of ~4,500 characters (each demo article followed by paragraphs of four
//   others, so outlets share content as real coverage does), quotes already extracted at ingest;
// - summaries: the 10 demo articles as they are (~900 characters), quotes extracted inside the run
//   as for feed items that arrive without them.
// The baseline, measured in the same run, only tokenizes the full event's texts.
import { loadavg } from 'node:os';
import { extractQuotes } from '../../lib/article/quotes';
import { frameEvent, type FramingArticle } from '../../lib/framing';
import { tokenizeWords } from '../../lib/framing/tokens';
import { demoArticles, demoOutlets } from '../unit/framing/demo-event';

const DEFAULT_RUNS = 50;
const WARM_UP = 5;
const EVENT_SIZE = 10;
/** Demo articles appended to each full article, to reach the length of a real one. */
const PADDING_ARTICLES = [3, 5, 7, 9];

interface Timing {
  wall: number[];
  cpu: number[];
}

function quantile(values: number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return Math.round(sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] * 100) / 100;
}

function time(fn: () => void, runs: number): Timing {
  for (let i = 0; i < WARM_UP; i += 1) fn();
  const timing: Timing = { wall: [], cpu: [] };
  for (let i = 0; i < runs; i += 1) {
    const cpu = process.cpuUsage();
    const start = performance.now();
    fn();
    timing.wall.push(performance.now() - start);
    const used = process.cpuUsage(cpu);
    timing.cpu.push((used.user + used.system) / 1000);
  }
  return timing;
}

function fullEvent(): FramingArticle[] {
  const all = demoArticles();
  return all.slice(0, EVENT_SIZE).map((a, i) => {
    const body = [a.body, ...PADDING_ARTICLES.map((k) => all[(i + k) % all.length].body)].join('\n');
    return { ...a, body, quotes: extractQuotes(body.split('\n')) };
  });
}

export async function bench(args: string[]): Promise<Record<string, unknown>> {
  const runs = Number(args[0]) > 0 ? Number(args[0]) : DEFAULT_RUNS;
  const full = fullEvent();
  const summaries = demoArticles().slice(0, EVENT_SIZE).map((a) => ({ ...a, quotes: [] }));
  const options = { enabledOutlets: demoOutlets.map((o) => o.id) };
  const chars = (articles: FramingArticle[]) => articles.reduce((n, a) => n + a.title.length + a.body.length, 0);
  const fullTiming = time(() => frameEvent(full, demoOutlets, options), runs);
  const summaryTiming = time(() => frameEvent(summaries, demoOutlets, options), runs);
  const baseline = time(() => full.forEach((a) => tokenizeWords(`${a.title}\n${a.dek}\n${a.body}`)), runs);
  const result = {
    bench: 'framing',
    node: process.version,
    load_average_1m: Math.round(loadavg()[0] * 100) / 100,
    runs,
    full_chars: chars(full),
    frame_event_median_ms: quantile(fullTiming.wall, 0.5),
    frame_event_p95_ms: quantile(fullTiming.wall, 0.95),
    frame_event_cpu_median_ms: quantile(fullTiming.cpu, 0.5),
    summaries_chars: chars(summaries),
    summaries_frame_event_median_ms: quantile(summaryTiming.wall, 0.5),
    summaries_frame_event_p95_ms: quantile(summaryTiming.wall, 0.95),
    baseline_tokenize_median_ms: quantile(baseline.wall, 0.5),
  };
  console.log(`framing: 10-article events, ${runs} runs after ${WARM_UP} warm-up, Node ${process.version}, load average ${result.load_average_1m}`);
  console.log(`  full text (${result.full_chars} chars): median ${result.frame_event_median_ms} ms, p95 ${result.frame_event_p95_ms} ms, CPU median ${result.frame_event_cpu_median_ms} ms`);
  console.log(`  summaries (${result.summaries_chars} chars, quotes extracted in the run): median ${result.summaries_frame_event_median_ms} ms, p95 ${result.summaries_frame_event_p95_ms} ms`);
  console.log(`  baseline, tokenizing the full event only: median ${result.baseline_tokenize_median_ms} ms`);
  return result;
}
