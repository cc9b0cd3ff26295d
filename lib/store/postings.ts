// The term lookups of the store (schema version 3): one `postings` row per term holding the ids
// of the articles whose terms include it, oldest first. It replaces the multi-entry index on
// `termKeys`, whose entries cost 50–70 bytes each in Chromium (the term and the article id in
// UTF-16, the id again as the value) and one IndexedDB request per term looked up: a row costs
// about the id's length per article, and all the query terms of a match are one bulkGet.
//
// A row keeps at most POSTING_CAP ids, the newest. That is every article for any term the
// engine may look up (a query term is in at most MAX_QUERY_DF articles, lib/match/candidates.ts),
// and the latest articles for the store's word search (lib/background/search.ts).
// Since schema version 5 a row also holds the term's document frequency (`df`, the number of
// articles counted with the term, which can exceed the ids kept), so that one request reads or
// writes both; the article count is the row of the reserved key DOC_COUNT_KEY (ids empty). A row
// exists while its term has ids or a document frequency; the retention policy takes ids out and
// leaves the counts as they were, so a row may hold a count and no ids.
// Since schema version 7 the rows are stored in hash buckets, many terms to an IndexedDB entry
// (lib/store/posting-buckets.ts); everything reads and writes them by term through a PostingStore.
// The engine store keeps the rows up to date inside its transactions; writers outside it (the
// retention policy, import, schema upgrades) use the helpers below in theirs.
import type { Table } from 'dexie';
import { MAX_QUERY_DF } from '../match/thresholds';
import type { PostingStore } from './posting-buckets';

export interface PostingRecord {
  term: string;
  ids: string[];
  /** Document frequency (schema version 5; rows of versions 3 and 4 had none). */
  df?: number;
}

/**
 * The row holding the number of articles counted, as its `df` (no token can have this form: the
 * tokenizer keeps word characters only). It is a posting row rather than a `meta` value because
 * it changes with every batch that stores articles: as a term of the term log it is written by
 * the same fold and read by the same bulkGet as the terms of a getDocFreqs, in the tables every
 * engine transaction already holds.
 */
export const DOC_COUNT_KEY = '#docs';

/** Whether a row says anything (an empty one is deleted rather than written). */
export function isLiveRow(row: { ids: { readonly length: number }; df?: number }): boolean {
  return row.ids.length > 0 || (row.df ?? 0) > 0;
}

export const POSTING_CAP = MAX_QUERY_DF;

/** The list with `id` added as the newest (moved there when present), capped. */
export function withId(ids: readonly string[], id: string): string[] {
  const out = ids.filter((x) => x !== id);
  out.push(id);
  return out.length > POSTING_CAP ? out.slice(out.length - POSTING_CAP) : out;
}

export function withoutId(ids: readonly string[], id: string): string[] {
  return ids.filter((x) => x !== id);
}

/** Rows built from articles added oldest first (past the cap the oldest ids drop). */
export class PostingsBuilder {
  private readonly lists = new Map<string, string[]>();

  add(id: string, termKeys: readonly string[]): void {
    for (const term of new Set(termKeys)) {
      let ids = this.lists.get(term);
      if (!ids) this.lists.set(term, (ids = []));
      ids.push(id);
      if (ids.length > 2 * POSTING_CAP) ids.splice(0, ids.length - POSTING_CAP);
    }
  }

  rows(): PostingRecord[] {
    return [...this.lists].map(([term, ids]) => ({ term, ids: ids.length > POSTING_CAP ? ids.slice(ids.length - POSTING_CAP) : ids }));
  }
}

/**
 * Replaces every row with rows counted from the stored articles, in order of publication. With
 * `df` (schema version 5 on) the rows carry those document frequencies, terms without ids too;
 * without it (the version 3 upgrade) they hold ids only.
 */
export async function rebuildPostings(articles: Table, postings: PostingStore, df?: ReadonlyMap<string, number>): Promise<void> {
  const builder = new PostingsBuilder();
  await articles.orderBy('published').each((a: { id: string; termKeys?: string[] }) => builder.add(a.id, a.termKeys ?? []));
  let rows = builder.rows();
  if (df) {
    const listed = new Set(rows.map((r) => r.term));
    rows = rows.map((r) => ({ ...r, df: df.get(r.term) ?? 0 }));
    for (const [term, value] of df) if (value > 0 && !listed.has(term)) rows.push({ term, ids: [], df: value });
  }
  await postings.clear();
  await postings.write(rows);
}

/** Takes removed articles out of the rows of their terms (their document frequencies stay). */
export async function removeFromPostings(postings: PostingStore, removed: readonly { id: string; termKeys: readonly string[] }[]): Promise<void> {
  const byTerm = new Map<string, Set<string>>();
  for (const { id, termKeys } of removed) {
    for (const term of termKeys) {
      let ids = byTerm.get(term);
      if (!ids) byTerm.set(term, (ids = new Set()));
      ids.add(id);
    }
  }
  const terms = [...byTerm.keys()];
  if (terms.length === 0) return;
  const rows = await postings.read(terms);
  // A row saying nothing once the ids are out is deleted by the write.
  await postings.write(terms.map((term, i) => ({ term, df: rows[i]?.df, ids: (rows[i]?.ids ?? []).filter((id) => !byTerm.get(term)!.has(id)) })));
}
