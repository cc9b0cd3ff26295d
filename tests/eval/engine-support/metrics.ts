// Ranking and set metrics shared by the evaluations (definitions in ../shared/EVAL.md).

export interface PairCounts {
  tp: number;
  predicted: number;
  gold: number;
}

export function addPairs(counts: PairCounts, predicted: readonly string[], gold: ReadonlySet<string>): void {
  counts.predicted += predicted.length;
  counts.gold += gold.size;
  counts.tp += predicted.filter((id) => gold.has(id)).length;
}

export function prf(counts: PairCounts): { precision: number; recall: number; f1: number } {
  const precision = counts.predicted > 0 ? counts.tp / counts.predicted : 0;
  const recall = counts.gold > 0 ? counts.tp / counts.gold : 0;
  const f1 = precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : 0;
  return { precision, recall, f1 };
}

export interface RankCounts {
  queries: number;
  reciprocal: number;
  goldTotal: number;
  goldInTop5: number;
}

export function newRankCounts(): RankCounts {
  return { queries: 0, reciprocal: 0, goldTotal: 0, goldInTop5: 0 };
}

/** Adds one query's ranked list: reciprocal rank of the first gold, gold found in the top 5. */
export function addRanking(counts: RankCounts, ranked: readonly string[], gold: ReadonlySet<string>): void {
  if (gold.size === 0) return;
  counts.queries += 1;
  counts.goldTotal += gold.size;
  const first = ranked.findIndex((id) => gold.has(id));
  if (first >= 0) counts.reciprocal += 1 / (first + 1);
  counts.goldInTop5 += ranked.slice(0, 5).filter((id) => gold.has(id)).length;
}

export function rankMetrics(counts: RankCounts): { r5: number; mrr: number } {
  return {
    r5: counts.goldTotal > 0 ? counts.goldInTop5 / counts.goldTotal : 0,
    mrr: counts.queries > 0 ? counts.reciprocal / counts.queries : 0,
  };
}
