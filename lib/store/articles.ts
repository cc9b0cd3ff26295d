// Article queries. Reads go through indexes (outletId, termKeys, published), never a full scan.
import type { Article } from '../types';
import type { ThreadlineDB } from './db';

/** Inserts or updates one article by id, keeping what the earlier record knew better. */
export async function upsertArticle(db: ThreadlineDB, article: Article): Promise<Article> {
  return db.transaction('rw', db.articles, async () => {
    const existing = await db.articles.get(article.id);
    const merged = existing ? mergeArticle(existing, article) : article;
    await db.articles.put(merged);
    return merged;
  });
}

/** A later sighting updates the record; a visit's full text wins over a feed summary. */
export function mergeArticle(existing: Article, next: Article): Article {
  const keepBody = existing.body.length > next.body.length && next.source === 'feed';
  return {
    ...next,
    source: existing.source === 'visit' || next.source === 'visit' ? 'visit' : next.source,
    body: keepBody ? existing.body : next.body,
    published: next.publishedKnown || !existing.publishedKnown ? next.published : existing.published,
    publishedKnown: next.publishedKnown || existing.publishedKnown,
    firstSeen: Math.min(existing.firstSeen, next.firstSeen),
    readAt: Math.max(existing.readAt, next.readAt),
    eventId: next.eventId || existing.eventId,
    storyId: next.storyId || existing.storyId,
  };
}

/** Most recent articles of one outlet. */
export async function recentByOutlet(db: ThreadlineDB, outletId: string, limit: number): Promise<Article[]> {
  const rows = await db.articles.where('outletId').equals(outletId).toArray();
  return rows.sort((a, b) => b.published - a.published).slice(0, limit);
}

/** Articles that carry any of the given terms, read term by term from the multi-entry index. */
export async function articlesByTerms(db: ThreadlineDB, terms: string[], perTermLimit: number): Promise<Article[]> {
  const seen = new Map<string, Article>();
  for (const term of terms) {
    const rows = await db.articles.where('termKeys').equals(term).limit(perTermLimit).toArray();
    for (const row of rows) seen.set(row.id, row);
  }
  return [...seen.values()];
}
