// The in-memory EngineStore: the same indexes as the Dexie store (term → articles, event →
// articles, story → events) kept as maps. Used by the evaluation, the Node benchmark and tests.
import type { Article, EventRecord, StoryRecord } from '../types';
import { applyDocFreqDelta } from '../text/doc-freq';
import type { EngineStore } from './types';

function addTo(index: Map<string, Set<string>>, key: string, id: string): void {
  if (!key) return;
  let set = index.get(key);
  if (!set) index.set(key, (set = new Set()));
  set.add(id);
}

function removeFrom(index: Map<string, Set<string>>, key: string, id: string): void {
  const set = index.get(key);
  if (!set) return;
  set.delete(id);
  if (set.size === 0) index.delete(key);
}

/**
 * Records are copied on the way in, as IndexedDB's structured clone would; reads hand out the
 * stored (frozen) record itself, so the engine's hot path does not clone hundreds of candidates.
 */
function copy<T>(value: T): T {
  return Object.freeze(structuredClone(value));
}

export class MemoryEngineStore implements EngineStore {
  readonly articles = new Map<string, Article>();
  readonly events = new Map<string, EventRecord>();
  readonly stories = new Map<string, StoryRecord>();
  private readonly byTerm = new Map<string, Set<string>>();
  private readonly byEvent = new Map<string, Set<string>>();
  private readonly byStory = new Map<string, Set<string>>();
  private readonly docFreq = new Map<string, number>();
  private docs = 0;

  async transaction<T>(work: () => Promise<T>): Promise<T> {
    return work();
  }

  async getArticle(id: string): Promise<Article | undefined> {
    return this.articles.get(id);
  }

  async getArticles(ids: readonly string[]): Promise<(Article | undefined)[]> {
    return Promise.all(ids.map((id) => this.getArticle(id)));
  }

  async getPlaces(ids: readonly string[]): Promise<(Article | undefined)[]> {
    return ids.map((id) => this.articles.get(id));
  }

  async getArticleIdsByTerms(terms: readonly string[]): Promise<string[][]> {
    return terms.map((term) => [...(this.byTerm.get(term) ?? [])]);
  }

  async getArticlesByEvent(eventId: string): Promise<Article[]> {
    return this.read(this.byEvent.get(eventId));
  }

  private read(ids: Set<string> | undefined): Article[] {
    return [...(ids ?? [])].sort().map((id) => this.articles.get(id) as Article);
  }

  async putArticles(articles: readonly Article[]): Promise<void> {
    for (const article of articles) {
      const old = this.articles.get(article.id);
      if (old) {
        for (const term of old.termKeys) removeFrom(this.byTerm, term, old.id);
        removeFrom(this.byEvent, old.eventId, old.id);
      }
      this.articles.set(article.id, copy(article));
      for (const term of article.termKeys) addTo(this.byTerm, term, article.id);
      addTo(this.byEvent, article.eventId, article.id);
    }
  }

  /** Removes an article and its index entries (not part of EngineStore: the engine never removes one). */
  async deleteArticle(id: string): Promise<void> {
    const old = this.articles.get(id);
    if (!old) return;
    for (const term of old.termKeys) removeFrom(this.byTerm, term, id);
    removeFrom(this.byEvent, old.eventId, id);
    this.articles.delete(id);
  }

  async getEvent(id: string): Promise<EventRecord | undefined> {
    return this.events.get(id);
  }

  async getEvents(ids: readonly string[]): Promise<(EventRecord | undefined)[]> {
    return Promise.all(ids.map((id) => this.getEvent(id)));
  }

  async getEventsByStory(storyId: string): Promise<EventRecord[]> {
    return [...(this.byStory.get(storyId) ?? [])].sort().map((id) => this.events.get(id) as EventRecord);
  }

  async putEvent(event: EventRecord): Promise<void> {
    const old = this.events.get(event.id);
    if (old) removeFrom(this.byStory, old.storyId, old.id);
    this.events.set(event.id, copy(event));
    addTo(this.byStory, event.storyId, event.id);
  }

  async deleteEvent(id: string): Promise<void> {
    const old = this.events.get(id);
    if (old) removeFrom(this.byStory, old.storyId, id);
    this.events.delete(id);
  }

  async getStory(id: string): Promise<StoryRecord | undefined> {
    return this.stories.get(id);
  }

  async getStories(ids: readonly string[]): Promise<(StoryRecord | undefined)[]> {
    return ids.map((id) => this.stories.get(id));
  }

  async putStory(story: StoryRecord): Promise<void> {
    this.stories.set(story.id, copy(story));
  }

  async deleteStory(id: string): Promise<void> {
    this.stories.delete(id);
  }

  async getDocFreqs(terms: readonly string[]): Promise<{ docs: number; df: Map<string, number> }> {
    const df = new Map<string, number>();
    for (const t of terms) df.set(t, this.docFreq.get(t) ?? 0);
    return { docs: this.docs, df };
  }

  async addDocFreqs(delta: ReadonlyMap<string, number>, docsDelta: number): Promise<void> {
    applyDocFreqDelta(this.docFreq, delta);
    this.docs += docsDelta;
  }
}
