// The reference rankers of ../shared/EVAL.md, computed in the same run on the same items:
// plain TF-IDF cosine (what the published references use) and MiniSearch's BM25 (what a
// developer would reach for first). Neither shares code with the engine on purpose.
import MiniSearch from 'minisearch';
import { addPairs, addRanking, newRankCounts, prf, rankMetrics, type PairCounts } from './metrics';

export interface Doc {
  id: string;
  text: string;
  /** Epoch ms, for windowed variants. */
  time: number;
}

function words(text: string): string[] {
  return text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
}

/** Sparse TF-IDF vectors (raw tf × ln(N/df)), L2-normalised. */
export function tfidfVectors(docs: readonly Doc[]): Map<string, number>[] {
  const counts = docs.map((d) => {
    const tf = new Map<string, number>();
    for (const w of words(d.text)) tf.set(w, (tf.get(w) ?? 0) + 1);
    return tf;
  });
  const df = new Map<string, number>();
  for (const tf of counts) for (const w of tf.keys()) df.set(w, (df.get(w) ?? 0) + 1);
  return counts.map((tf) => {
    const v = new Map<string, number>();
    let sum = 0;
    for (const [w, n] of tf) {
      const x = n * Math.log(docs.length / (df.get(w) ?? 1));
      v.set(w, x);
      sum += x * x;
    }
    const norm = Math.sqrt(sum) || 1;
    for (const [w, x] of v) v.set(w, x / norm);
    return v;
  });
}

function dot(a: Map<string, number>, b: Map<string, number>): number {
  let s = 0;
  for (const [w, x] of a) {
    const y = b.get(w);
    if (y !== undefined) s += x * y;
  }
  return s;
}

export interface Scored {
  id: string;
  score: number;
}

export type Ranker = (queryIndex: number) => Scored[];

export function tfidfRanker(docs: readonly Doc[], windowMs = Infinity): Ranker {
  const vectors = tfidfVectors(docs);
  return (q) =>
    docs
      .map((d, i) => ({ id: d.id, score: i === q || Math.abs(d.time - docs[q].time) > windowMs ? -1 : dot(vectors[q], vectors[i]) }))
      .filter((s) => s.score > 0)
      .sort((a, b) => b.score - a.score || (a.id < b.id ? -1 : 1));
}

export function bm25Ranker(docs: readonly Doc[], windowMs = Infinity): Ranker {
  const search = new MiniSearch<Doc>({ fields: ['text'], storeFields: [], idField: 'id' });
  search.addAll(docs as Doc[]);
  const byId = new Map(docs.map((d) => [d.id, d]));
  return (q) =>
    search
      .search(docs[q].text, { combineWith: 'OR' })
      .filter((r) => r.id !== docs[q].id && Math.abs((byId.get(r.id)?.time ?? 0) - docs[q].time) <= windowMs)
      .map((r) => ({ id: String(r.id), score: r.score }));
}

/** r5 and mrr of a ranker over all docs with gold. */
export function rankingOf(docs: readonly Doc[], gold: (i: number) => Set<string>, ranker: Ranker): { r5: number; mrr: number } {
  const counts = newRankCounts();
  docs.forEach((_, i) => addRanking(counts, ranker(i).map((s) => s.id), gold(i)));
  return rankMetrics(counts);
}

/** Pairwise precision/recall when every candidate above a threshold is shown; the best F1 threshold. */
export function bestThreshold(docs: readonly Doc[], gold: (i: number) => Set<string>, ranker: Ranker): { precision: number; recall: number; f1: number; threshold: number } {
  const lists = docs.map((_, i) => ranker(i));
  const scores = [...new Set(lists.flatMap((l) => l.map((s) => Math.round(s.score * 1000) / 1000)))].sort((a, b) => a - b);
  let best = { precision: 0, recall: 0, f1: 0, threshold: 0 };
  const step = Math.max(1, Math.floor(scores.length / 200));
  for (let k = 0; k < scores.length; k += step) {
    const t = scores[k];
    const counts: PairCounts = { tp: 0, predicted: 0, gold: 0 };
    lists.forEach((l, i) => addPairs(counts, l.filter((s) => s.score >= t).map((s) => s.id), gold(i)));
    const m = prf(counts);
    if (m.f1 > best.f1) best = { ...m, threshold: t };
  }
  return best;
}
