// `npm run --silent eval -- triplets <dataset>/<split>`: NeuS triplets (../shared/EVAL.md). Each
// snippet (title + lead, no outlet, no date) is ingested; the engine's ranked related articles
// for each snippet are scored against the two other snippets of its triplet.
import { join } from 'node:path';
import type { EvalResult } from '../cli/eval';
import { rankRelated } from '../../lib/match/related';
import { bm25Ranker, rankingOf, tfidfRanker, type Doc } from './engine-support/baselines';
import { readJsonl, round } from './engine-support/data';
import { runEngine, type EvalItem } from './engine-support/engine';
import { addRanking, newRankCounts, rankMetrics } from './engine-support/metrics';

interface Triplet {
  triplet_id: string;
  articles: { title: string; lead: string }[];
}

/** Snippets carry no date: all get the same one, so the time window never decides. */
const UNDATED = Date.UTC(2021, 0, 1);

function loadItems(folder: string, maxTriplets: number): { items: EvalItem[]; group: Map<string, string> } {
  const rows = readJsonl<Triplet>(join(folder, 'neus_triplets', 'triplets.jsonl')).slice(0, maxTriplets);
  const items: EvalItem[] = [];
  const group = new Map<string, string>();
  for (const row of rows) {
    row.articles.forEach((a, k) => {
      const key = `${row.triplet_id}/${k}`;
      group.set(key, row.triplet_id);
      items.push({ key, url: `https://snippet.invalid/${encodeURIComponent(key)}`, title: a.title ?? '', paragraphs: a.lead ? [a.lead] : [], outlet: 'unknown', outletId: 'unknown', published: UNDATED });
    });
  }
  return { items, group };
}

/**
 * `maxTriplets` (or the CLI's `--limit=N`) limits the run to the file's first triplets (the
 * integration test's and tuning's quick pass; the full set takes tens of minutes on 2 cores).
 * Without either, every triplet is scored. `engineOnly` (the CLI's `--engine-only`) skips the
 * TF-IDF and BM25 references, most of a full run's time: for iterating on the engine.
 */
export async function evaluate(folder: string, options: { maxTriplets?: number; limit?: number; engineOnly?: boolean } = {}): Promise<EvalResult> {
  const { items, group } = loadItems(folder, options.maxTriplets ?? options.limit ?? Infinity);
  const members = new Map<string, string[]>();
  for (const [key, id] of group) members.set(id, [...(members.get(id) ?? []), key]);
  const goldOf = (key: string) => new Set((members.get(group.get(key) as string) ?? []).filter((k) => k !== key));
  const run = await runEngine(items, UNDATED);
  const ranks = newRankCounts();
  for (const item of items) {
    const article = await run.store.getArticle(run.idOf.get(item.key) as string);
    if (!article) throw new Error(`snippet not stored: ${item.key}`);
    const related = await rankRelated(run.store, article, { windowMs: Infinity });
    addRanking(ranks, related.map((r) => run.keyOf.get(r.article.id) as string), goldOf(item.key));
  }
  const m = rankMetrics(ranks);
  if (options.engineOnly) {
    return {
      summary: [`triplets on ${folder}: ${items.length} snippets in ${members.size} triplets`, `engine: r5 ${round(m.r5)} mrr ${round(m.mrr)}`, 'references skipped (--engine-only)'],
      json: { task: 'triplets', n: items.length, r5: round(m.r5), mrr: round(m.mrr), baseline: { skipped: true } },
    };
  }
  const docs: Doc[] = items.map((i) => ({ id: i.key, text: [i.title, ...i.paragraphs].join('\n'), time: UNDATED }));
  const gold = (i: number) => goldOf(items[i].key);
  const tfidf = rankingOf(docs, gold, tfidfRanker(docs));
  const bm25 = rankingOf(docs, gold, bm25Ranker(docs));
  return {
    summary: [
      `triplets on ${folder}: ${items.length} snippets in ${members.size} triplets`,
      `engine: r5 ${round(m.r5)} mrr ${round(m.mrr)}`,
      `tf-idf: r5 ${round(tfidf.r5)} mrr ${round(tfidf.mrr)}; bm25 (minisearch): r5 ${round(bm25.r5)} mrr ${round(bm25.mrr)}`,
    ],
    json: {
      task: 'triplets',
      n: items.length,
      r5: round(m.r5),
      mrr: round(m.mrr),
      baseline: { method: 'tf-idf cosine', r5: round(tfidf.r5), mrr: round(tfidf.mrr), bm25: { r5: round(bm25.r5), mrr: round(bm25.mrr) } },
    },
  };
}
