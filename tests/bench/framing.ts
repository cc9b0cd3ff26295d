// `npm run --silent bench -- framing [runs]`: the whole framing (frameEvent) of a 10-article event
// in Node, median and p95 over repeated runs after a warm-up, wall clock and CPU time. Three events,
// all built from the project's own demo texts (lib/demo stories and tests/fixtures/quotes):
// - full (the target, issue 6): ten outlets' articles on the Istanbul talks, each 600–900 words as
//   a real article is: the outlet's own story, then background paragraphs from its own earlier
//   coverage (Doha ceasefire, border clashes), then, where still short, paragraphs from the pool
//   of other demo texts and wire copy (each pool paragraph used once). Outlets share facts in
//   their own wording, and a little wire copy verbatim, as real coverage does. Quotes are
//   extracted at ingest, as lib/article/enrich does, so they are not part of the timed work.
// - padded: the earlier benchmark's event (each fixture article followed by four others, so every
//   sentence appears verbatim in five articles): a worst case for claim matching, kept comparable.
// - summaries: the 10 fixture articles as they are (~900 characters), quotes extracted inside the
//   run as for feed items that arrive without them.
// Wall time on a shared machine includes the time the process waits for a CPU: the CPU time (all
// threads of the process, so GC helper threads too), the GC pause time and the involuntary context
// switches are reported beside it so a gap between wall and CPU can be told apart from real work.
// The baseline, measured in the same run, only finds the words of the full event's texts with a copy
// of the framing tokenizer's word regex (NFKC, then the regex): fixed work whatever framing does.
import { loadavg } from 'node:os';
import { PerformanceObserver } from 'node:perf_hooks';
import { extractQuotes } from '../../lib/article/quotes';
import { demoArticles as demoStory } from '../../lib/demo/articles';
import { DEMO_OUTLET_IDS, demoOutlets as demoStoryOutlets } from '../../lib/demo/outlets';
import { frameEvent, type FramingArticle } from '../../lib/framing';
import type { Outlet } from '../../lib/types';
import { demoArticles, demoOutlets } from '../unit/framing/demo-event';

const DEFAULT_RUNS = 100;
/** Warm-up calls (the first of them timed apart): V8 tiers the framing code up over the first tens of calls. */
const WARM_UP = 20;
const EVENT_SIZE = 10;
/** lib/framing/tokens.ts's word regex, copied so the baseline does not change with the tokenizer. */
const BASELINE_WORD_RE = /[\p{L}\p{N}](?:[\p{L}\p{N}\p{M}]|['’.-](?=[\p{L}\p{N}]))*/gu;
/** Words per full article: pad to at least this, as a full-length news article. */
const MIN_WORDS = 620;
/** Demo articles appended to each padded article (the earlier benchmark's event). */
const PADDING_ARTICLES = [3, 5, 7, 9];
/** Outlets of the fixture set that join the demo story's seven in the full event. */
const EXTRA_OUTLETS = ['bharat', 'gulf', 'wire'];

interface Timing {
  /** The first call, before any warm-up: cold JIT and caches (one sample, so noisy). */
  first: { wall: number; cpu: number };
  wall: number[];
  cpu: number[];
  gc: number[];
  /** Involuntary context switches over all timed runs: the OS took the CPU away. */
  preempted: number;
}

function quantile(values: number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return Math.round(sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] * 100) / 100;
}

/** GC pause time (ms) reported by V8 since the last call. */
function gcMeter(): { take(): number; stop(): void } {
  let pending = 0;
  const observer = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) pending += entry.duration;
  });
  observer.observe({ entryTypes: ['gc'] });
  return {
    take() {
      const n = pending;
      pending = 0;
      return n;
    },
    stop: () => observer.disconnect(),
  };
}

/** Keeps results alive so the work cannot be optimised away. */
let sink = 0;

/** Runs `fn` after a warm-up; GC pauses are attributed to each run (the observer reports them a tick later). */
async function time(fn: () => unknown, runs: number): Promise<Timing> {
  const firstCpu = process.cpuUsage();
  const firstStart = performance.now();
  sink += fn() ? 1 : 0;
  const firstWall = performance.now() - firstStart;
  const firstUsed = process.cpuUsage(firstCpu);
  for (let i = 1; i < WARM_UP; i += 1) fn();
  const timing: Timing = { first: { wall: firstWall, cpu: (firstUsed.user + firstUsed.system) / 1000 }, wall: [], cpu: [], gc: [], preempted: 0 };
  const gc = gcMeter();
  let preempted = 0;
  for (let i = 0; i < runs; i += 1) {
    const switches = process.resourceUsage().involuntaryContextSwitches;
    const cpu = process.cpuUsage();
    const start = performance.now();
    const result = fn();
    timing.wall.push(performance.now() - start);
    const used = process.cpuUsage(cpu);
    preempted += process.resourceUsage().involuntaryContextSwitches - switches;
    timing.cpu.push((used.user + used.system) / 1000);
    sink += result ? 1 : 0;
    // GC entries are delivered on a later tick: yield once, outside the timed section.
    await new Promise((resolve) => setImmediate(resolve));
    timing.gc.push(gc.take());
  }
  timing.preempted = preempted;
  gc.stop();
  return timing;
}

const words = (text: string) => text.split(/\s+/u).filter(Boolean).length;

/** The ten-outlet Istanbul event with full-length articles (see the header). */
export function fullEvent(): { articles: FramingArticle[]; outlets: Outlet[] } {
  const talks = demoStory.filter((a) => a.story === 'pak-afghan-talks');
  const fixtures = [...demoArticles(), ...demoArticles(undefined, 'holdout'), ...demoArticles(undefined, 'holdout-2')];
  const storyOutlets = demoStoryOutlets(0);
  const leads: FramingArticle[] = [
    ...talks.filter((a) => a.event === 'istanbul-talks').map((a) => ({
      id: a.id, outletId: a.outletId, outletName: storyOutlets.find((o) => o.id === a.outletId)?.name ?? a.outletId,
      title: a.headline, dek: a.dek, body: a.paragraphs.join('\n'), quotes: [],
    })),
    ...EXTRA_OUTLETS.map((o) => fixtures.find((a) => a.outletId === o && a.id.includes('istanbul')) as FramingArticle),
  ];
  const leadIds = new Set(leads.map((l) => l.id));
  const paragraphsOf = (a: FramingArticle) => a.body.split('\n');
  // Background the outlet wrote itself: its earlier articles of the story, newest first.
  const ownEarlier = (outletId: string): string[] => [
    ...talks.filter((a) => a.outletId === outletId && !leadIds.has(a.id)).reverse().flatMap((a) => a.paragraphs),
    ...fixtures.filter((a) => a.outletId === outletId && !leadIds.has(a.id)).flatMap(paragraphsOf),
  ];
  // Wire copy, reprinted verbatim: one paragraph of the wire's own Istanbul story per short article.
  const wireCopy = talks.find((a) => a.outletId === 'meridian-wire' && a.event === 'istanbul-talks')?.paragraphs ?? [];
  // Then the texts of outlets outside the event, each paragraph used once.
  const pool = fixtures.filter((a) => !EXTRA_OUTLETS.includes(a.outletId)).flatMap(paragraphsOf);
  let nextWire = 1;
  let nextPool = 0;
  const articles = leads.map((lead) => {
    const paragraphs = paragraphsOf(lead);
    const short = () => words(paragraphs.join(' ')) < MIN_WORDS;
    for (const p of ownEarlier(lead.outletId)) {
      if (!short()) break;
      paragraphs.push(p);
    }
    if (short() && lead.outletId !== 'meridian-wire') paragraphs.push(wireCopy[nextWire++ % wireCopy.length]);
    while (short() && nextPool < pool.length) paragraphs.push(pool[nextPool++]);
    return { ...lead, body: paragraphs.join('\n'), quotes: extractQuotes(paragraphs) };
  });
  return { articles, outlets: [...storyOutlets, ...demoOutlets] };
}

export function paddedEvent(): FramingArticle[] {
  const all = demoArticles();
  return all.slice(0, EVENT_SIZE).map((a, i) => {
    const body = [a.body, ...PADDING_ARTICLES.map((k) => all[(i + k) % all.length].body)].join('\n');
    return { ...a, body, quotes: extractQuotes(body.split('\n')) };
  });
}

function summary(t: Timing) {
  return {
    first_ms: Math.round(t.first.wall * 100) / 100,
    first_cpu_ms: Math.round(t.first.cpu * 100) / 100,
    median_ms: quantile(t.wall, 0.5),
    p95_ms: quantile(t.wall, 0.95),
    cpu_median_ms: quantile(t.cpu, 0.5),
    cpu_p95_ms: quantile(t.cpu, 0.95),
    gc_median_ms: quantile(t.gc, 0.5),
    gc_p95_ms: quantile(t.gc, 0.95),
    preempted_per_run: Math.round((t.preempted / t.wall.length) * 100) / 100,
  };
}

export async function bench(args: string[]): Promise<Record<string, unknown>> {
  const runs = Number(args[0]) > 0 ? Number(args[0]) : DEFAULT_RUNS;
  const full = fullEvent();
  const padded = paddedEvent();
  const summaries = demoArticles().slice(0, EVENT_SIZE).map((a) => ({ ...a, quotes: [] }));
  const options = { enabledOutlets: [...DEMO_OUTLET_IDS, ...demoOutlets.map((o) => o.id)] };
  const chars = (articles: FramingArticle[]) => articles.reduce((n, a) => n + a.title.length + a.dek.length + a.body.length, 0);
  const fullWords = full.articles.map((a) => words(`${a.title} ${a.dek} ${a.body}`));
  const fullTiming = summary(await time(() => frameEvent(full.articles, full.outlets, options), runs));
  const paddedTiming = summary(await time(() => frameEvent(padded, demoOutlets, options), runs));
  const summaryTiming = summary(await time(() => frameEvent(summaries, demoOutlets, options), runs));
  const baseline = summary(await time(() => full.articles.map((a) => [...`${a.title}\n${a.dek}\n${a.body}`.normalize('NFKC').matchAll(BASELINE_WORD_RE)].length), runs));
  const result = {
    bench: 'framing',
    node: process.version,
    load_average_1m: Math.round(loadavg()[0] * 100) / 100,
    runs,
    warm_up: WARM_UP,
    full_chars: chars(full.articles),
    full_words_min: Math.min(...fullWords),
    full_words_max: Math.max(...fullWords),
    frame_event_median_ms: fullTiming.median_ms,
    frame_event_p95_ms: fullTiming.p95_ms,
    frame_event_cpu_median_ms: fullTiming.cpu_median_ms,
    frame_event_cpu_p95_ms: fullTiming.cpu_p95_ms,
    frame_event_gc_median_ms: fullTiming.gc_median_ms,
    frame_event_gc_p95_ms: fullTiming.gc_p95_ms,
    frame_event_preempted_per_run: fullTiming.preempted_per_run,
    frame_event_first_ms: fullTiming.first_ms,
    frame_event_first_cpu_ms: fullTiming.first_cpu_ms,
    padded_chars: chars(padded),
    padded_frame_event_median_ms: paddedTiming.median_ms,
    padded_frame_event_p95_ms: paddedTiming.p95_ms,
    padded_frame_event_cpu_median_ms: paddedTiming.cpu_median_ms,
    summaries_chars: chars(summaries),
    summaries_frame_event_median_ms: summaryTiming.median_ms,
    summaries_frame_event_p95_ms: summaryTiming.p95_ms,
    summaries_frame_event_cpu_median_ms: summaryTiming.cpu_median_ms,
    baseline_tokenize_median_ms: baseline.median_ms,
    baseline_tokenize_cpu_median_ms: baseline.cpu_median_ms,
  };
  console.log(`framing: 10-article events, ${runs} runs after ${WARM_UP} warm-up, Node ${process.version}, load average ${result.load_average_1m}`);
  console.log(`  full (${result.full_chars} chars, ${result.full_words_min}–${result.full_words_max} words an article): median ${fullTiming.median_ms} ms, p95 ${fullTiming.p95_ms} ms; CPU median ${fullTiming.cpu_median_ms} ms, p95 ${fullTiming.cpu_p95_ms} ms; GC median ${fullTiming.gc_median_ms} ms, p95 ${fullTiming.gc_p95_ms} ms; ${fullTiming.preempted_per_run} preemptions a run; first (cold) call ${fullTiming.first_ms} ms, CPU ${fullTiming.first_cpu_ms} ms`);
  console.log(`  padded (${result.padded_chars} chars, every sentence in five articles): median ${paddedTiming.median_ms} ms, p95 ${paddedTiming.p95_ms} ms; CPU median ${paddedTiming.cpu_median_ms} ms`);
  console.log(`  summaries (${result.summaries_chars} chars, quotes extracted in the run): median ${summaryTiming.median_ms} ms, p95 ${summaryTiming.p95_ms} ms; CPU median ${summaryTiming.cpu_median_ms} ms`);
  console.log(`  baseline, the word regex over the full event's texts: median ${baseline.median_ms} ms; CPU median ${baseline.cpu_median_ms} ms`);
  if (fullTiming.median_ms > fullTiming.cpu_median_ms * 1.5) {
    console.log(`  note: wall time well above CPU time with ${fullTiming.preempted_per_run} preemptions a run: the machine is loaded (load average ${result.load_average_1m}); compare CPU times`);
  }
  if (sink < 0) console.log(sink);
  return result;
}
