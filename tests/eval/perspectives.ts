// `npm run --silent eval -- perspectives <dataset>/<split>`: same-event retrieval on AllSides
// headline roundups (../shared/EVAL.md). Every article is ingested in date order; the event
// the engine puts it in is the prediction, its ranked candidates give r5 and mrr.
import { join } from 'node:path';
import type { EvalResult } from '../cli/eval';
import { rankRelated } from '../../lib/match/related';
import { EVENT_WINDOW_MS } from '../../lib/match/thresholds';
import { bestThreshold, bm25Ranker, rankingOf, tfidfRanker, type Doc } from './engine-support/baselines';
import { outletIdOf, readJsonl, round } from './engine-support/data';
import { runEngine, type EvalItem } from './engine-support/engine';
import { addPairs, addRanking, newRankCounts, prf, rankMetrics, type PairCounts } from './engine-support/metrics';

interface RoundupArticle {
  article_id: string;
  story_id: string;
  story_date: string;
  outlet: string;
  title: string;
  url: string;
  body_excerpt: string[];
}

/** The references' fixed window: every roundup article carries the roundup's date. */
const BASELINE_WINDOW_MS = 3 * 86_400_000;

function loadItems(folder: string): { items: EvalItem[]; story: Map<string, string> } {
  const rows = readJsonl<RoundupArticle>(join(folder, 'headline_roundups_2021', 'articles.jsonl'));
  const story = new Map(rows.map((r) => [r.article_id, r.story_id]));
  const items = rows
    .map((r) => ({
      key: r.article_id,
      url: r.url,
      title: r.title,
      paragraphs: r.body_excerpt ?? [],
      outlet: r.outlet,
      outletId: outletIdOf(r.outlet),
      published: Date.parse(r.story_date),
    }))
    .sort((a, b) => a.published - b.published || (a.key < b.key ? -1 : 1));
  return { items, story };
}

export async function evaluate(folder: string): Promise<EvalResult> {
  const { items, story } = loadItems(folder);
  const goldOf = (key: string) => new Set(items.filter((o) => o.key !== key && story.get(o.key) === story.get(key)).map((o) => o.key));
  const run = await runEngine(items, Math.max(...items.map((i) => i.published ?? 0)));
  const pairs: PairCounts = { tp: 0, predicted: 0, gold: 0 };
  const ranks = newRankCounts();
  for (const item of items) {
    const article = await run.store.getArticle(run.idOf.get(item.key) as string);
    if (!article) throw new Error(`article not stored: ${item.key}`);
    const related = await rankRelated(run.store, article, { windowMs: EVENT_WINDOW_MS });
    const gold = goldOf(item.key);
    addPairs(pairs, related.filter((r) => r.sameEvent).map((r) => run.keyOf.get(r.article.id) as string), gold);
    addRanking(ranks, related.map((r) => run.keyOf.get(r.article.id) as string), gold);
  }
  const docs: Doc[] = items.map((i) => ({ id: i.key, text: [i.title, ...i.paragraphs].join('\n'), time: i.published ?? 0 }));
  const gold = (i: number) => goldOf(items[i].key);
  const tfidf = rankingOf(docs, gold, tfidfRanker(docs));
  const tfidfWindow = tfidfRanker(docs, BASELINE_WINDOW_MS);
  const tfidfW = { ...rankingOf(docs, gold, tfidfWindow), ...bestThreshold(docs, gold, tfidfWindow) };
  const bm25Window = bm25Ranker(docs, BASELINE_WINDOW_MS);
  const bm25W = { ...rankingOf(docs, gold, bm25Window), ...bestThreshold(docs, gold, bm25Window) };
  const m = { ...prf(pairs), ...rankMetrics(ranks) };
  const r = (o: Record<string, number>) => Object.fromEntries(Object.entries(o).map(([k, v]) => [k, round(v)]));
  return {
    summary: [
      `perspectives on ${folder}: ${items.length} articles, ${new Set(story.values()).size} stories`,
      `engine: precision ${round(m.precision)} recall ${round(m.recall)} f1 ${round(m.f1)} r5 ${round(m.r5)} mrr ${round(m.mrr)}`,
      `tf-idf: r5 ${round(tfidf.r5)} mrr ${round(tfidf.mrr)}; ±3 days: ${JSON.stringify(r(tfidfW))}`,
      `bm25 (minisearch) ±3 days: ${JSON.stringify(r(bm25W))}`,
    ],
    json: {
      task: 'perspectives',
      n: items.length,
      ...r(m),
      baseline: { method: 'tf-idf cosine', ...r(tfidf), window_3d: r(tfidfW), bm25_window_3d: r(bm25W) },
    },
  };
}
