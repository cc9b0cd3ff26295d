// `npm run --silent eval -- cluster <dataset>/<split>`: news search results (../shared/EVAL.md).
// Per query, its 50 items (title, meta description, date) go into a fresh store in date order;
// the engine's events are the clusters, scored by B-cubed F1 against each annotator.
import { join } from 'node:path';
import type { EvalResult } from '../cli/eval';
import { readJsonl, round } from './engine-support/data';
import { tfidfVectors, type Doc } from './engine-support/baselines';
import { runEngine, type EvalItem } from './engine-support/engine';

interface Query {
  query: string;
  items: { index: number; title: string; url: string; meta?: { title?: string; description?: string }; date?: string }[];
  gold_clusterings: Record<string, number[][]>;
}

/** Average-link TF-IDF baseline: merge while the closest clusters' mean cosine exceeds this. */
const BASELINE_LINK = 0.2;
const NOON_MS = 12 * 3_600_000;

function hostOf(url: string): string {
  try {
    return new URL(url).hostname.replace(/^www\./, '');
  } catch {
    return 'unknown';
  }
}

function toItem(q: Query, it: Query['items'][number]): EvalItem {
  const date = it.date ? Date.parse(it.date) : NaN;
  return {
    key: `${q.query}/${it.index}`,
    url: it.url,
    title: it.meta?.title || it.title,
    paragraphs: it.meta?.description ? [it.meta.description] : [],
    outlet: hostOf(it.url),
    outletId: hostOf(it.url),
    published: Number.isFinite(date) ? date + NOON_MS : undefined,
  };
}

/** B-cubed F1 of a clustering (label per item) against gold clusters (others singletons). */
export function bcubedF1(labels: Map<number, string>, gold: number[][]): number {
  const goldOf = new Map<number, string>();
  gold.forEach((c, i) => c.forEach((x) => goldOf.set(x, `g${i}`)));
  const items = [...labels.keys()];
  const g = (x: number) => goldOf.get(x) ?? `s${x}`;
  let p = 0;
  let r = 0;
  for (const x of items) {
    const same = items.filter((y) => labels.get(y) === labels.get(x));
    const gsame = items.filter((y) => g(y) === g(x));
    const both = same.filter((y) => g(y) === g(x)).length;
    p += both / same.length;
    r += both / gsame.length;
  }
  p /= items.length;
  r /= items.length;
  return p + r > 0 ? (2 * p * r) / (p + r) : 0;
}

function averageLink(docs: Doc[]): Map<number, string> {
  const v = tfidfVectors(docs);
  const sim = (a: number, b: number) => {
    let s = 0;
    for (const [w, x] of v[a]) s += x * (v[b].get(w) ?? 0);
    return s;
  };
  let clusters = docs.map((_, i) => [i]);
  for (;;) {
    let best = { s: BASELINE_LINK, a: -1, b: -1 };
    for (let a = 0; a < clusters.length; a++)
      for (let b = a + 1; b < clusters.length; b++) {
        let s = 0;
        for (const x of clusters[a]) for (const y of clusters[b]) s += sim(x, y);
        s /= clusters[a].length * clusters[b].length;
        if (s > best.s) best = { s, a, b };
      }
    if (best.a < 0) break;
    clusters[best.a] = [...clusters[best.a], ...clusters[best.b]];
    clusters = clusters.filter((_, i) => i !== best.b);
  }
  const labels = new Map<number, string>();
  clusters.forEach((c, i) => c.forEach((x) => labels.set(x + 1, `c${i}`)));
  return labels;
}

export async function evaluate(folder: string): Promise<EvalResult> {
  const queries = readJsonl<Query>(join(folder, 'queries.jsonl'));
  const lines: string[] = [];
  const sums = { engine: 0, singletons: 0, averageLink: 0 };
  let n = 0;
  for (const q of queries) {
    const items = q.items.map((it) => toItem(q, it));
    const ordered = [...items].sort((a, b) => (a.published ?? 0) - (b.published ?? 0) || (a.key < b.key ? -1 : 1));
    const run = await runEngine(ordered, Math.max(...items.map((i) => i.published ?? 0)));
    const engine = new Map<number, string>();
    for (const it of q.items) engine.set(it.index, (await run.store.getArticle(run.idOf.get(`${q.query}/${it.index}`) as string))?.eventId ?? `x${it.index}`);
    const singletons = new Map(q.items.map((it) => [it.index, `s${it.index}`]));
    const avg = averageLink(items.map((i) => ({ id: i.key, text: [i.title, ...i.paragraphs].join('\n'), time: i.published ?? 0 })));
    const golds = Object.values(q.gold_clusterings);
    const mean = (labels: Map<number, string>) => golds.reduce((s, g) => s + bcubedF1(labels, g), 0) / golds.length;
    const scores = { engine: mean(engine), singletons: mean(singletons), averageLink: mean(avg) };
    sums.engine += scores.engine;
    sums.singletons += scores.singletons;
    sums.averageLink += scores.averageLink;
    n += 1;
    lines.push(`  ${q.query}: ${new Set(engine.values()).size} clusters, bcubed_f1 ${round(scores.engine)} (singletons ${round(scores.singletons)}, average-link ${round(scores.averageLink)})`);
  }
  return {
    summary: [`cluster on ${folder}: ${n} queries`, ...lines, `engine bcubed_f1 ${round(sums.engine / n)}; singletons ${round(sums.singletons / n)}; average-link tf-idf ${round(sums.averageLink / n)}`],
    json: {
      task: 'cluster',
      n,
      bcubed_f1: round(sums.engine / n),
      baseline: { method: 'each item its own cluster', bcubed_f1: round(sums.singletons / n), average_link_tfidf: round(sums.averageLink / n) },
    },
  };
}
