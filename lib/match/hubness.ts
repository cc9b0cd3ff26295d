// Hubness: some articles (a generic "Trump says…" piece, a weekly round-up) sit close to many
// others and crowd the top of every nearby ranking. A candidate's density (its mean cosine to its
// nearest fellow candidates) measures this; subtracting part of it from its score lets the
// article that is close to the query in particular outrank the one that is close to everything
// (the CSLS correction of cross-lingual retrieval, computed over the retrieved pool so that it
// costs no extra reads).
import type { TermVector } from './similarity';
import { HUB_NEIGHBOURS, HUB_PENALTY } from './thresholds';

/** Mean of the `k` largest values (missing values count 0). */
function meanOfTop(values: Float64Array, skip: number, k: number): number {
  const best: number[] = [];
  values.forEach((v, i) => {
    if (i === skip || v <= 0) return;
    if (best.length < k) best.push(v);
    else if (v > best[k - 1]) best[k - 1] = v;
    else return;
    best.sort((a, b) => b - a);
  });
  return best.reduce((sum, v) => sum + v, 0) / k;
}

/**
 * The density of each `pool[i]` for i in `targets`: the mean of its `k` highest cosines to the
 * pool's other vectors (missing neighbours count 0, so a sparse pool means a low density). One
 * pass over an inverted index of the pool: the cost is the postings shared, not pool².
 */
export function poolDensities(pool: readonly TermVector[], targets: readonly number[], k = HUB_NEIGHBOURS): number[] {
  if (k <= 0) return targets.map(() => 0);
  // Only the targets' terms can add to their cosines: the rest of the pool's terms stay unindexed.
  const postings = new Map<string, [number, number][]>();
  for (const i of targets) for (const term of pool[i].weights.keys()) if (!postings.has(term)) postings.set(term, []);
  pool.forEach((v, i) => {
    if (v.norm === 0) return;
    for (const [term, w] of v.weights) postings.get(term)?.push([i, w / v.norm]);
  });
  return targets.map((i) => {
    const v = pool[i];
    if (v.norm === 0) return 0;
    const dots = new Float64Array(pool.length);
    for (const [term, w] of v.weights) for (const [j, x] of postings.get(term) ?? []) dots[j] += (w / v.norm) * x;
    return meanOfTop(dots, i, k);
  });
}

/** A candidate's ranking score: its similarity to the query less part of its density. */
export function hubAdjusted(score: number, density: number, penalty = HUB_PENALTY): number {
  return score - penalty * density;
}
