// Distinctive wording: the words and two-word phrases one side uses more than the others, by the
// weighted log-odds ratio with an informative Dirichlet prior (Monroe, Colaresi & Quinn 2008,
// "Fightin' Words", §3.5.1), ranked by z-score. The prior comes from the reader's local corpus plus
// the event itself, so a word common everywhere needs much evidence to stand out, and a rare
// word said once is not enough: short texts (feed summaries) yield few terms, never noise.
import { stripDatelines } from './sentences';
import { tokenizeWords } from './tokens';
import type { BackgroundCounts, DistinctiveTerm } from './types';

/**
 * Total pseudo-count of the prior: the background's word rates count as much as this many tokens
 * of evidence (about two full articles). Calibrated on AllSides roundup excerpts (~100 tokens a
 * side): 1000 and 3000 kept the most terms at a fixed z; 10,000 and more swamped every excerpt.
 */
export const PRIOR_MASS = 1000;
/** A term must occur this often on its side: one mention is an accident of wording, not framing. */
export const MIN_COUNT = 2;
/** One-sided 95% (the question is "uses more than the others"): the term is marked strong. */
export const MIN_Z = 1.645;
/**
 * One-sided 90%: the weakest evidence shown, marked as such. Two ~100-word excerpts almost never
 * reach 95% for any word (1% of AllSides sides did), so short texts would show nothing at all;
 * the UI shows the z and counts beside each term and can grey out the weak ones.
 */
export const MIN_Z_SHOWN = 1.28;
/** Terms kept per side. */
export const MAX_TERMS = 10;
/** Prior floor for a term the background never saw, as a share of one count. */
const UNSEEN_PRIOR = 0.5;

export type TermCounts = Map<string, number>;

export interface SideText {
  /** Term counts with the surface form seen most often per key. */
  counts: TermCounts;
  surfaces: Map<string, Map<string, number>>;
  tokens: number;
}

function bump<K>(map: Map<K, number>, key: K, by = 1): void {
  map.set(key, (map.get(key) ?? 0) + by);
}

/** Unigram and bigram counts of texts; `excluded` keys (the outlet's own name) are skipped. */
export function countTerms(texts: string[], excluded: ReadonlySet<string> = new Set()): SideText {
  const side: SideText = { counts: new Map(), surfaces: new Map(), tokens: 0 };
  const add = (key: string, surface: string) => {
    bump(side.counts, key);
    let forms = side.surfaces.get(key);
    if (!forms) side.surfaces.set(key, (forms = new Map()));
    bump(forms, surface);
  };
  for (const text of texts) {
    const words = tokenizeWords(stripDatelines(text));
    words.forEach((w, i) => {
      if (w.stop || excluded.has(w.key)) return;
      side.tokens += 1;
      if (!w.number) add(w.key, w.surface);
      const next = words[i + 1];
      // A phrase is two adjacent content words; a number is kept only beside a word ("19 soldiers").
      if (next && !next.stop && !excluded.has(next.key) && !(w.number && next.number)) {
        add(`${w.key} ${next.key}`, `${w.surface} ${next.surface}`);
      }
    });
  }
  return side;
}

/** The side without terms that contain an excluded key (the outlets' own names). */
export function withoutKeys(side: SideText, excluded: ReadonlySet<string>): SideText {
  if (excluded.size === 0) return side;
  const counts: TermCounts = new Map();
  for (const [key, n] of side.counts) if (!key.split(' ').some((k) => excluded.has(k))) counts.set(key, n);
  return { counts, surfaces: side.surfaces, tokens: side.tokens };
}

/** Merges several sides into one (a group of outlets). */
export function mergeSides(sides: SideText[]): SideText {
  const merged: SideText = { counts: new Map(), surfaces: new Map(), tokens: 0 };
  for (const side of sides) {
    mergeCounts(merged.counts, side.counts);
    merged.tokens += side.tokens;
    for (const [key, forms] of side.surfaces) {
      const target = merged.surfaces.get(key) ?? new Map<string, number>();
      mergeCounts(target, forms);
      merged.surfaces.set(key, target);
    }
  }
  return merged;
}

/** Adds counts into a total. */
export function mergeCounts<K>(target: Map<K, number>, source: Map<K, number>): void {
  for (const [key, n] of source) bump(target, key, n);
}

function bestSurface(forms: Map<string, number> | undefined, key: string): string {
  if (!forms) return key;
  return [...forms].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0][0];
}

function total(counts: TermCounts): number {
  let n = 0;
  for (const v of counts.values()) n += v;
  return n;
}

export interface Prior {
  alpha: (key: string) => number;
  mass: number;
}

/** The informative prior: background counts plus the event's own, scaled to PRIOR_MASS. */
export function buildPrior(eventCounts: TermCounts, background: BackgroundCounts | undefined, mass = PRIOR_MASS): Prior {
  const pooled = new Map(eventCounts);
  if (background) for (const [key, n] of Object.entries(background)) if (n > 0) bump(pooled, key, n);
  const sum = Math.max(1, total(pooled));
  // A prior cannot be worth more evidence than the text it was counted from.
  mass = Math.min(mass, sum);
  return { alpha: (key) => (mass * Math.max(pooled.get(key) ?? 0, UNSEEN_PRIOR)) / sum, mass };
}

export interface Evidence {
  minCount: number;
  minZ: number;
  limit: number;
}

export const DEFAULT_EVIDENCE: Evidence = { minCount: MIN_COUNT, minZ: MIN_Z_SHOWN, limit: MAX_TERMS };

/**
 * Terms of `side` over-represented relative to the others. `others` is either the others' counts
 * or, with `othersIncludeSide`, the event's total counts from which the side's are subtracted
 * (saves building one map per outlet).
 */
export function distinctiveTerms(side: SideText, others: TermCounts, prior: Prior, evidence: Evidence = DEFAULT_EVIDENCE, othersIncludeSide = false): DistinctiveTerm[] {
  const n1 = total(side.counts);
  const n2 = total(others) - (othersIncludeSide ? n1 : 0);
  const out: DistinctiveTerm[] = [];
  for (const [key, y1] of side.counts) {
    if (y1 < evidence.minCount) continue;
    const y2 = Math.max(0, (others.get(key) ?? 0) - (othersIncludeSide ? y1 : 0));
    const a = prior.alpha(key);
    const l1 = Math.log((y1 + a) / Math.max(1e-9, n1 + prior.mass - y1 - a));
    const l2 = Math.log((y2 + a) / Math.max(1e-9, n2 + prior.mass - y2 - a));
    const z = (l1 - l2) / Math.sqrt(1 / (y1 + a) + 1 / (y2 + a));
    if (z >= evidence.minZ) out.push({ term: bestSurface(side.surfaces.get(key), key), key, z: Math.round(z * 100) / 100, strong: z >= MIN_Z, count: y1, otherCount: y2 });
  }
  out.sort((x, y) => y.z - x.z || (x.key < y.key ? -1 : 1));
  return dropNestedUnigrams(out).slice(0, evidence.limit);
}

/** A word whose every use is inside a kept phrase adds nothing: keep "verifiable action" alone. */
function dropNestedUnigrams(terms: DistinctiveTerm[]): DistinctiveTerm[] {
  const phrases = terms.filter((t) => t.key.includes(' '));
  return terms.filter((t) => t.key.includes(' ') || !phrases.some((p) => p.count >= t.count && p.key.split(' ').includes(t.key)));
}

/**
 * Token keys of an outlet's names ("Kabul Dispatch" → kabul, dispatch) and their initials
 * ("Global Wire Service" → gws, as wires credit themselves), excluded from its terms.
 */
export function nameKeys(names: string[]): Set<string> {
  const keys = new Set<string>();
  for (const name of names) {
    const words = tokenizeWords(name.replace(/\(.*?\)/gu, ' ').replace(/\.(com|org|net|co\.uk|example)\b/gu, ''));
    for (const w of words) if (!w.stop) keys.add(w.key);
    const initials = words.filter((w) => /^\p{Lu}/u.test(w.surface)).map((w) => w.key[0]).join('');
    if (initials.length >= 2) keys.add(initials);
  }
  return keys;
}
