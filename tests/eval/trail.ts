// `npm run --silent eval -- trail <dataset>/<split>`: Timeline17 (../shared/EVAL.md). All articles
// are ingested in date order; for each gold timeline the latest article of that outlet's
// collection asks for its trail. trail_precision: share of the trail's articles from the same
// story; date_f1: the top-k dots' days (k = gold entries) against the gold entry days.
import { join } from 'node:path';
import type { EvalResult } from '../cli/eval';
import { getTrail } from '../../lib/match/trail';
import { readJsonl, round } from './engine-support/data';
import { runEngine, type EvalItem } from './engine-support/engine';

interface T17Article {
  id: string;
  story: string;
  outlet: string;
  collection: string;
  date: string;
  text: string;
}

interface T17Timeline {
  story: string;
  outlet: string;
  collection: string;
  entries: { date: string }[];
}

/** Articles carry a day only: noon UTC keeps the day whatever the reader's offset. */
const NOON_MS = 12 * 3_600_000;

function toItem(a: T17Article): EvalItem {
  const lines = a.text.split('\n').map((l) => l.trim()).filter(Boolean);
  return {
    key: a.id,
    url: `https://${a.outlet}.invalid/${encodeURIComponent(a.id)}`,
    title: lines[0] ?? '',
    paragraphs: lines.slice(1),
    outlet: a.outlet,
    outletId: a.outlet,
    published: Date.parse(a.date) + NOON_MS,
  };
}

function dayKey(epochMs: number): string {
  return new Date(epochMs).toISOString().slice(0, 10);
}

function f1(predicted: Set<string>, gold: Set<string>): number {
  const tp = [...predicted].filter((d) => gold.has(d)).length;
  if (tp === 0) return 0;
  const p = tp / predicted.size;
  const r = tp / gold.size;
  return (2 * p * r) / (p + r);
}

/** The first k distinct days of a ranked list of days. */
function topDays(days: string[], k: number): Set<string> {
  const out = new Set<string>();
  for (const d of days) {
    if (out.size >= k) break;
    out.add(d);
  }
  return out;
}

function baselineDays(articles: T17Article[], k: number): Set<string> {
  const counts = new Map<string, number>();
  for (const a of articles) counts.set(a.date, (counts.get(a.date) ?? 0) + 1);
  return topDays([...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).map(([d]) => d), k);
}

export async function evaluate(folder: string): Promise<EvalResult> {
  const articles = readJsonl<T17Article>(join(folder, 'articles.jsonl.gz')).filter((a) => a.text.trim().length > 0);
  const timelines = readJsonl<T17Timeline>(join(folder, 'timelines.jsonl'));
  const items = articles.map(toItem).sort((a, b) => (a.published ?? 0) - (b.published ?? 0) || (a.key < b.key ? -1 : 1));
  const storyOf = new Map(articles.map((a) => [a.id, a.story]));
  const run = await runEngine(items, Math.max(...items.map((i) => i.published ?? 0)));
  const lines: string[] = [];
  let precisionSum = 0;
  let f1Sum = 0;
  let baseSum = 0;
  for (const timeline of timelines) {
    const own = articles.filter((a) => a.collection === timeline.collection).sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.id < b.id ? -1 : 1));
    const query = own[own.length - 1];
    const gold = new Set(timeline.entries.map((e) => e.date));
    const trail = await getTrail(run.store, run.idOf.get(query.id) as string, Date.now());
    const trailKeys = trail.dots.flatMap((d) => d.articleIds).map((id) => run.keyOf.get(id) as string);
    const precision = trailKeys.filter((k) => storyOf.get(k) === timeline.story).length / Math.max(trailKeys.length, 1);
    const ranked = [...trail.dots].sort((a, b) => a.importanceRank - b.importanceRank).map((d) => dayKey(d.date));
    const dateF1 = f1(topDays(ranked, gold.size), gold);
    const base = f1(baselineDays(own, gold.size), gold);
    precisionSum += precision;
    f1Sum += dateF1;
    baseSum += base;
    lines.push(`  ${timeline.collection}: ${trail.dots.length} dots, ${trailKeys.length} articles, precision ${round(precision)}, date_f1 ${round(dateF1)} (baseline ${round(base)})`);
  }
  const n = timelines.length;
  return {
    summary: [`trail on ${folder}: ${items.length} articles, ${n} timelines`, ...lines, `engine: trail_precision ${round(precisionSum / n)} date_f1 ${round(f1Sum / n)}; baseline date_f1 ${round(baseSum / n)}`],
    json: {
      task: 'trail',
      n,
      trail_precision: round(precisionSum / n),
      date_f1: round(f1Sum / n),
      baseline: { method: 'collection dates ranked by article count', trail_precision: 1, date_f1: round(baseSum / n) },
    },
  };
}
