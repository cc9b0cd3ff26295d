// Corpus statistics for inverse document frequency. Kept incrementally: each ingest adds the
// article's distinct terms, each re-ingest moves the difference, so nothing ever rescans.

export interface DocFreqSnapshot {
  /** Articles counted. */
  docs: number;
  /** Articles containing each requested term (0 when unseen). */
  df: Map<string, number>;
}

/**
 * A store this small says little about which words are common: until it holds this many
 * articles, frequencies are read against this many. Otherwise, in a new store of 17 articles,
 * "Istanbul" in 8 of them weighs like "said", and two outlets' reports of the Istanbul talks
 * share nothing that counts. Above it (every real store soon) it changes nothing.
 */
export const IDF_MIN_DOCS = 300;

/** Smoothed IDF: an unseen term weighs most, a term in every article still counts a little. */
export function idf(df: number, docs: number): number {
  const n = Math.max(docs, IDF_MIN_DOCS);
  return Math.log((n + 1) / (df + 0.5)) + 1;
}

/** The per-term change from an article's old terms to its new ones (+1 added, -1 removed). */
export function docFreqDelta(oldTerms: readonly string[], newTerms: readonly string[]): Map<string, number> {
  const delta = new Map<string, number>();
  for (const term of new Set(oldTerms)) delta.set(term, (delta.get(term) ?? 0) - 1);
  for (const term of new Set(newTerms)) delta.set(term, (delta.get(term) ?? 0) + 1);
  for (const [term, change] of delta) if (change === 0) delta.delete(term);
  return delta;
}

/** Applies a delta to an in-memory table of document frequencies. */
export function applyDocFreqDelta(table: Map<string, number>, delta: ReadonlyMap<string, number>): void {
  for (const [term, change] of delta) {
    const next = (table.get(term) ?? 0) + change;
    if (next > 0) table.set(term, next);
    else table.delete(term);
  }
}
