// Cosine similarity over IDF-weighted term vectors, and the explanation of a match.
import type { MatchExplanation, WeightedTerm } from '../types';
import { idf } from '../text/doc-freq';
import { isCountry } from '../text/places';
import { CENTROID_ENTITY_TERMS, EVENT_TIME_SCALE_HOURS, EVENT_WINDOW_MS, HOUR } from './thresholds';

export interface DocStats {
  docs: number;
  df: Map<string, number>;
}

export interface TermVector {
  weights: Map<string, number>;
  norm: number;
}

/** Same-event evidence: the cosine, fading with the time between the two articles. */
export function timeWeighted(score: number, distanceMs: number): number {
  return distanceMs > EVENT_WINDOW_MS ? 0 : score * Math.exp(-distanceMs / HOUR / EVENT_TIME_SCALE_HOURS);
}

/** Shared terms and entities shown per link: enough to explain, few enough to read. */
const EXPLANATION_TERMS = 8;

export function toVector(terms: readonly WeightedTerm[], stats: DocStats): TermVector {
  const weights = new Map<string, number>();
  let sum = 0;
  for (const { term, weight } of terms) {
    const w = weight * idf(stats.df.get(term) ?? 0, stats.docs);
    weights.set(term, w);
    sum += w * w;
  }
  return { weights, norm: Math.sqrt(sum) };
}

/**
 * cosine(query, toVector(terms, stats)) without building the other vector: the engine scores
 * hundreds of candidates per article and keeps only their scores.
 */
export function cosineTo(query: TermVector, terms: readonly WeightedTerm[], idfOf: (term: string) => number): number {
  let dot = 0;
  let sum = 0;
  for (const { term, weight } of terms) {
    const w = weight * idfOf(term);
    sum += w * w;
    const q = query.weights.get(term);
    if (q !== undefined) dot += w * q;
  }
  return query.norm === 0 || sum === 0 ? 0 : dot / (query.norm * Math.sqrt(sum));
}

/**
 * cosineTo for the candidates of one query: each term's IDF and query weight looked up once per
 * query (candidates share most of their terms), one map lookup per candidate term instead of
 * two. `slots` numbers the terms already known (scoreCandidates numbers them as it collects
 * them); the others are numbered as they come. Same arithmetic in the same order as cosineTo.
 */
export function candidateScorer(query: TermVector, stats: DocStats, slots = new Map<string, number>()): (terms: readonly WeightedTerm[]) => number {
  const idfs: number[] = [];
  const weights: (number | undefined)[] = [];
  const fill = (term: string) => {
    idfs.push(idf(stats.df.get(term) ?? 0, stats.docs));
    weights.push(query.weights.get(term));
  };
  for (const term of slots.keys()) fill(term);
  return (terms) => {
    let dot = 0;
    let sum = 0;
    for (const { term, weight } of terms) {
      let slot = slots.get(term);
      if (slot === undefined) {
        slot = idfs.length;
        slots.set(term, slot);
        fill(term);
      }
      const w = weight * idfs[slot];
      sum += w * w;
      const q = weights[slot];
      if (q !== undefined) dot += w * q;
    }
    return query.norm === 0 || sum === 0 ? 0 : dot / (query.norm * Math.sqrt(sum));
  };
}

export function cosine(a: TermVector, b: TermVector): number {
  if (a.norm === 0 || b.norm === 0) return 0;
  const [small, large] = a.weights.size <= b.weights.size ? [a, b] : [b, a];
  let dot = 0;
  for (const [term, w] of small.weights) {
    const other = large.weights.get(term);
    if (other !== undefined) dot += w * other;
  }
  return dot / (a.norm * b.norm);
}

/** The shared evidence of two vectors, heaviest contribution first. */
export function explain(a: TermVector, b: TermVector, score: number, withId?: string): MatchExplanation {
  const shared: [string, number][] = [];
  for (const [term, w] of a.weights) {
    const other = b.weights.get(term);
    if (other !== undefined) shared.push([term, w * other]);
  }
  shared.sort((x, y) => y[1] - x[1] || (x[0] < y[0] ? -1 : 1));
  const sharedEntities = shared.filter(([t]) => t.startsWith('@')).map(([t]) => t.slice(1)).slice(0, EXPLANATION_TERMS);
  const sharedTerms = shared.filter(([t]) => !t.startsWith('@')).map(([t]) => t).slice(0, EXPLANATION_TERMS);
  return { score: Math.round(score * 1000) / 1000, sharedTerms, sharedEntities, ...(withId ? { withId } : {}) };
}

/**
 * Cosine over the entity terms ("@…") alone: do two articles name the same places, people and
 * organisations? Neighbouring stories share vocabulary ("protesters", "regime") but not names.
 */
export function entityCosine(a: TermVector, b: TermVector): number {
  let dot = 0;
  let na = 0;
  let nb = 0;
  for (const [term, w] of a.weights) {
    if (!term.startsWith('@')) continue;
    na += w * w;
    const other = b.weights.get(term);
    if (other !== undefined) dot += w * other;
  }
  for (const [term, w] of b.weights) if (term.startsWith('@')) nb += w * w;
  return na > 0 && nb > 0 ? dot / Math.sqrt(na * nb) : 0;
}

/**
 * Whether two vectors share a named entity narrower than a country: a person, an organisation,
 * a city. Two stories about the same pair of countries (talks, and a cricket series) share the
 * countries and nothing else that names the thread.
 */
export function sharesSpecificEntity(a: TermVector, b: TermVector): boolean {
  for (const term of a.weights.keys()) {
    if (term.startsWith('@') && b.weights.has(term) && !isCountry(term.slice(1))) return true;
  }
  return false;
}

/**
 * The mean of several term lists (missing terms count 0): the heaviest `limit` word terms plus
 * the heaviest `entitySlots` entity terms ("@…"). Entities keep their own slots because word
 * counts outweigh them: without the slots a long story's centroid loses every name, and story
 * links, which require shared names, never form.
 */
export function centroidOf(lists: readonly (readonly WeightedTerm[])[], limit: number, entitySlots = CENTROID_ENTITY_TERMS): WeightedTerm[] {
  const sums = new Map<string, number>();
  for (const list of lists) for (const { term, weight } of list) sums.set(term, (sums.get(term) ?? 0) + weight);
  return topOfMean(sums, Math.max(lists.length, 1), limit, entitySlots);
}

/**
 * centroidOf([`mean` repeated `n` times, `added`]) without the n copies: a story's running mean
 * when an event joins it (lib/match/stories.ts withEvent). The sums are the same additions in
 * the same order, so the result is the same to the last bit; a list with a term twice (never
 * made by centroidOf) takes the plain path, whose additions interleave.
 */
export function centroidWithOne(mean: readonly WeightedTerm[], n: number, added: readonly WeightedTerm[], limit: number, entitySlots = CENTROID_ENTITY_TERMS): WeightedTerm[] {
  const sums = new Map<string, number>();
  for (const { term, weight } of mean) {
    if (sums.has(term)) return centroidOf([...Array<readonly WeightedTerm[]>(n).fill(mean), added], limit, entitySlots);
    let sum = 0;
    for (let k = 0; k < n; k++) sum += weight;
    if (n > 0) sums.set(term, sum);
  }
  for (const { term, weight } of added) sums.set(term, (sums.get(term) ?? 0) + weight);
  return topOfMean(sums, n + 1, limit, entitySlots);
}

/** Heaviest first, terms ascending among equals (centroid terms are distinct: a total order). */
function heavierFirst(a: WeightedTerm, b: WeightedTerm): number {
  return b.weight - a.weight || (a.term < b.term ? -1 : 1);
}

/**
 * The first `k` of `items` in `order`, in that order: the head of the sorted list without
 * sorting all of it (an event's members bring a few hundred terms; its centroid keeps 52).
 */
function headOf<T>(items: readonly T[], k: number, order: (a: T, b: T) => number): T[] {
  if (items.length <= k) return [...items].sort(order);
  const head = items.slice(0, k).sort(order);
  for (let i = k; i < items.length; i++) {
    const item = items[i];
    if (k === 0 || order(item, head[k - 1]) >= 0) continue;
    let lo = 0;
    let hi = k - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (order(head[mid], item) < 0) lo = mid + 1;
      else hi = mid;
    }
    head.splice(lo, 0, item);
    head.pop();
  }
  return head;
}

/**
 * The heaviest terms of a mean of `n` lists from their sums (see centroidOf): the heaviest
 * `entitySlots` entity terms and `limit` word terms, heaviest first.
 */
function topOfMean(sums: ReadonlyMap<string, number>, n: number, limit: number, entitySlots: number): WeightedTerm[] {
  const entities: WeightedTerm[] = [];
  const words: WeightedTerm[] = [];
  for (const [term, sum] of sums) (term.startsWith('@') ? entities : words).push({ term, weight: Math.round((sum / n) * 100) / 100 });
  return [...headOf(entities, entitySlots, heavierFirst), ...headOf(words, limit, heavierFirst)].sort(heavierFirst);
}
