// The story engine's storage over the extension's Dexie database. Candidates come from the
// multi-entry term index of `articles`; document frequencies live in the `terms` table
// (schema version 2), the article count in its reserved row DOC_COUNT_KEY. One ingest batch = one transaction.
import type { Table } from 'dexie';
import type { Article, EventRecord, StoryRecord } from '../types';
import type { EngineStore } from '../match/types';
import type { ThreadlineDB } from './db';

interface TermRecord {
  term: string;
  df: number;
}

/** The `terms` row holding the number of articles counted (no token can have this form). */
export const DOC_COUNT_KEY = '#docs';

export class DexieEngineStore implements EngineStore {
  private readonly terms: Table<TermRecord, string>;

  constructor(private readonly db: ThreadlineDB) {
    this.terms = db.table('terms');
  }

  transaction<T>(work: () => Promise<T>): Promise<T> {
    const { articles, events, stories } = this.db;
    return this.db.transaction('rw', [articles, events, stories, this.terms], work);
  }

  getArticle(id: string): Promise<Article | undefined> {
    return this.db.articles.get(id);
  }

  getArticles(ids: readonly string[]): Promise<(Article | undefined)[]> {
    return this.db.articles.bulkGet([...ids]);
  }

  getArticlesByTerm(term: string): Promise<Article[]> {
    return this.db.articles.where('termKeys').equals(term).toArray();
  }

  getArticlesByEvent(eventId: string): Promise<Article[]> {
    return this.db.articles.where('eventId').equals(eventId).toArray();
  }

  async putArticles(articles: readonly Article[]): Promise<void> {
    await this.db.articles.bulkPut([...articles]);
  }

  getEvent(id: string): Promise<EventRecord | undefined> {
    return this.db.events.get(id);
  }

  getEvents(ids: readonly string[]): Promise<(EventRecord | undefined)[]> {
    return this.db.events.bulkGet([...ids]);
  }

  getEventsByStory(storyId: string): Promise<EventRecord[]> {
    return this.db.events.where('storyId').equals(storyId).toArray();
  }

  async putEvent(event: EventRecord): Promise<void> {
    await this.db.events.put(event);
  }

  deleteEvent(id: string): Promise<void> {
    return this.db.events.delete(id);
  }

  getStory(id: string): Promise<StoryRecord | undefined> {
    return this.db.stories.get(id);
  }

  async putStory(story: StoryRecord): Promise<void> {
    await this.db.stories.put(story);
  }

  deleteStory(id: string): Promise<void> {
    return this.db.stories.delete(id);
  }

  async getDocFreqs(terms: readonly string[]): Promise<{ docs: number; df: Map<string, number> }> {
    const unique = [...new Set(terms)];
    const rows = await this.terms.bulkGet([...unique, DOC_COUNT_KEY]);
    const df = new Map(unique.map((term, i) => [term, rows[i]?.df ?? 0]));
    return { docs: rows[unique.length]?.df ?? 0, df };
  }

  async addDocFreqs(delta: ReadonlyMap<string, number>, docsDelta: number): Promise<void> {
    const change = new Map(delta);
    if (docsDelta !== 0) change.set(DOC_COUNT_KEY, docsDelta);
    const terms = [...change.keys()];
    const rows = await this.terms.bulkGet(terms);
    const put: TermRecord[] = [];
    const gone: string[] = [];
    terms.forEach((term, i) => {
      const df = (rows[i]?.df ?? 0) + (change.get(term) ?? 0);
      if (df > 0) put.push({ term, df });
      else gone.push(term);
    });
    await this.terms.bulkPut(put);
    if (gone.length > 0) await this.terms.bulkDelete(gone);
  }
}
