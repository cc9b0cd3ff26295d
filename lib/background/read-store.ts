// A read-only EngineStore for one tab-context request: every record read once is kept for the
// rest of the request, so the trail, the perspectives and the framing share their reads (the
// article, its event's articles, the story's events) instead of each going back to IndexedDB.
// Term lookups are not offered: a view request never retrieves candidates (that is ingest's job).
import type { EngineStore } from '../match/types';
import type { Article, EventRecord, StoryRecord } from '../types';

export class RequestReadStore implements EngineStore {
  private readonly articles = new Map<string, Article | undefined>();
  private readonly events = new Map<string, EventRecord | undefined>();
  private readonly stories = new Map<string, Promise<StoryRecord | undefined>>();
  private readonly eventsByStory = new Map<string, Promise<EventRecord[]>>();
  private readonly articlesByEvent = new Map<string, Promise<Article[]>>();
  private readonly docFreqs = new Map<string, number>();
  private docs: number | undefined;

  constructor(private readonly inner: EngineStore) {}

  /** Records already read elsewhere in the request (the tab's article). */
  remember(articles: readonly Article[]): void {
    for (const a of articles) this.articles.set(a.id, a);
  }

  transaction<T>(work: () => Promise<T>): Promise<T> {
    return work();
  }

  async getArticle(id: string): Promise<Article | undefined> {
    if (!this.articles.has(id)) this.articles.set(id, await this.inner.getArticle(id));
    return this.articles.get(id);
  }

  async getArticles(ids: readonly string[]): Promise<(Article | undefined)[]> {
    const missing = [...new Set(ids.filter((id) => !this.articles.has(id)))];
    if (missing.length > 0) {
      const rows = await this.inner.getArticles(missing);
      missing.forEach((id, i) => this.articles.set(id, rows[i]));
    }
    return ids.map((id) => this.articles.get(id));
  }

  getPlaces(ids: readonly string[]): Promise<(Article | undefined)[]> {
    return this.getArticles(ids);
  }

  getArticleIdsByTerms(): Promise<string[][]> {
    return Promise.reject(new Error('RequestReadStore: term lookups are not part of a view request'));
  }

  getArticlesByEvent(eventId: string): Promise<Article[]> {
    let found = this.articlesByEvent.get(eventId);
    if (!found) {
      found = this.inner.getArticlesByEvent(eventId).then((rows) => {
        this.remember(rows);
        return rows;
      });
      this.articlesByEvent.set(eventId, found);
    }
    return found;
  }

  async getEvent(id: string): Promise<EventRecord | undefined> {
    if (!this.events.has(id)) this.events.set(id, await this.inner.getEvent(id));
    return this.events.get(id);
  }

  async getEvents(ids: readonly string[]): Promise<(EventRecord | undefined)[]> {
    const missing = [...new Set(ids.filter((id) => !this.events.has(id)))];
    if (missing.length > 0) {
      const rows = await this.inner.getEvents(missing);
      missing.forEach((id, i) => this.events.set(id, rows[i]));
    }
    return ids.map((id) => this.events.get(id));
  }

  getEventsByStory(storyId: string): Promise<EventRecord[]> {
    let found = this.eventsByStory.get(storyId);
    if (!found) {
      found = this.inner.getEventsByStory(storyId).then((rows) => {
        for (const e of rows) this.events.set(e.id, e);
        return rows;
      });
      this.eventsByStory.set(storyId, found);
    }
    return found;
  }

  getStory(id: string): Promise<StoryRecord | undefined> {
    let found = this.stories.get(id);
    if (!found) this.stories.set(id, (found = this.inner.getStory(id)));
    return found;
  }

  getStories(ids: readonly string[]): Promise<(StoryRecord | undefined)[]> {
    return Promise.all(ids.map((id) => this.getStory(id)));
  }

  async getDocFreqs(terms: readonly string[]): Promise<{ docs: number; df: Map<string, number> }> {
    const missing = [...new Set(terms.filter((t) => !this.docFreqs.has(t)))];
    if (missing.length > 0 || this.docs === undefined) {
      const read = await this.inner.getDocFreqs(missing);
      for (const [term, df] of read.df) this.docFreqs.set(term, df);
      this.docs = read.docs;
    }
    return { docs: this.docs, df: new Map(terms.map((t) => [t, this.docFreqs.get(t) ?? 0])) };
  }

  putArticles(): Promise<void> {
    return readOnly();
  }
  putEvent(): Promise<void> {
    return readOnly();
  }
  deleteEvent(): Promise<void> {
    return readOnly();
  }
  putStory(): Promise<void> {
    return readOnly();
  }
  deleteStory(): Promise<void> {
    return readOnly();
  }
  addDocFreqs(): Promise<void> {
    return readOnly();
  }
}

function readOnly(): Promise<never> {
  return Promise.reject(new Error('RequestReadStore is read-only'));
}
