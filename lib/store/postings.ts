// The term lookups of the store (schema version 3): one `postings` row per term holding the ids
// of the articles whose terms include it, oldest first. It replaces the multi-entry index on
// `termKeys`, whose entries cost 50–70 bytes each in Chromium (the term and the article id in
// UTF-16, the id again as the value) and one IndexedDB request per term looked up: a row costs
// about the id's length per article, and all the query terms of a match are one bulkGet.
//
// A row keeps at most POSTING_CAP ids, the newest. That is every article for any term the
// engine may look up (a query term is in at most MAX_QUERY_DF articles, lib/match/candidates.ts),
// and the latest articles for the store's word search (lib/background/context.ts).
// The engine store keeps the rows up to date inside its transactions; writers outside it (the
// retention policy, import, schema upgrades) use the helpers below in theirs.
import type { EntityTable, Table } from 'dexie';
import { MAX_QUERY_DF } from '../match/thresholds';

export interface PostingRecord {
  term: string;
  ids: string[];
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

/** Replaces every row with rows counted from the stored articles, in order of publication. */
export async function rebuildPostings(articles: Table, postings: EntityTable<PostingRecord, 'term'>): Promise<void> {
  const builder = new PostingsBuilder();
  await articles.orderBy('published').each((a: { id: string; termKeys?: string[] }) => builder.add(a.id, a.termKeys ?? []));
  await postings.clear();
  await postings.bulkPut(builder.rows());
}

/** Takes removed articles out of the rows of their terms. */
export async function removeFromPostings(postings: EntityTable<PostingRecord, 'term'>, removed: readonly { id: string; termKeys: readonly string[] }[]): Promise<void> {
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
  const rows = await postings.bulkGet(terms);
  const put: PostingRecord[] = [];
  const gone: string[] = [];
  terms.forEach((term, i) => {
    const ids = (rows[i]?.ids ?? []).filter((id) => !byTerm.get(term)!.has(id));
    if (ids.length > 0) put.push({ term, ids });
    else gone.push(term);
  });
  if (put.length > 0) await postings.bulkPut(put);
  if (gone.length > 0) await postings.bulkDelete(gone);
}
