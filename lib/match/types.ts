// The engine's shapes: what it reads and writes through a store, and what it returns to the UI.
import type { Article, EventRecord, MatchExplanation, StoryRecord } from '../types';

/** Where a stored article is, without its words. */
export type ArticlePlace = Pick<Article, 'id' | 'published' | 'eventId' | 'storyId'>;

/** An article ready for the engine: normalised, with id, outlet and weighted terms. */
export type PreparedArticle = Article;

/**
 * The storage the engine needs, nothing more. Two implementations: lib/match/memory-store.ts
 * (evaluation, benchmarks, tests) and lib/store/engine-store.ts (Dexie, the extension).
 */
export interface EngineStore {
  /** Runs `work` atomically where the backend can (one IndexedDB transaction per ingest). */
  transaction<T>(work: () => Promise<T>): Promise<T>;
  getArticle(id: string): Promise<Article | undefined>;
  getArticles(ids: readonly string[]): Promise<(Article | undefined)[]>;
  /**
   * Where each article is (publication time, event, story): what the engine needs of the
   * candidates it does not score. A store may answer from memory; whole records do too.
   */
  getPlaces(ids: readonly string[]): Promise<(ArticlePlace | undefined)[]>;
  /**
   * Per term, the ids of the articles whose terms include it, read from the store's term lookups
   * (never a scan). Complete for any term in at most MAX_QUERY_DF articles (the only ones the
   * engine looks up); a store may keep only the newest ids of more common terms.
   */
  getArticleIdsByTerms(terms: readonly string[]): Promise<string[][]>;
  getArticlesByEvent(eventId: string): Promise<Article[]>;
  putArticles(articles: readonly Article[]): Promise<void>;
  getEvent(id: string): Promise<EventRecord | undefined>;
  getEvents(ids: readonly string[]): Promise<(EventRecord | undefined)[]>;
  getEventsByStory(storyId: string): Promise<EventRecord[]>;
  putEvent(event: EventRecord): Promise<void>;
  deleteEvent(id: string): Promise<void>;
  getStory(id: string): Promise<StoryRecord | undefined>;
  getStories(ids: readonly string[]): Promise<(StoryRecord | undefined)[]>;
  putStory(story: StoryRecord): Promise<void>;
  deleteStory(id: string): Promise<void>;
  /** Document frequencies of the given terms and the number of articles counted. */
  getDocFreqs(terms: readonly string[]): Promise<{ docs: number; df: Map<string, number> }>;
  /** Adds per-term changes (+1/-1) and a change in the article count. */
  addDocFreqs(delta: ReadonlyMap<string, number>, docsDelta: number): Promise<void>;
}

export interface IngestResult {
  articleId: string;
  eventId: string;
  storyId: string;
  /** Whether the article was new (false: an update of an article already stored). */
  created: boolean;
  /** Whether it started a new event (false: it joined one). */
  newEvent: boolean;
  /** Events merged into this one because the article bridged them. */
  mergedEvents: string[];
  explanation?: MatchExplanation;
}

export interface TrailDot {
  eventId: string;
  /**
   * Epoch ms of the event's earliest article, moved back a day when its first reports recall the
   * day before as the event's day (lib/match/trail.ts happenedDay).
   */
  date: number;
  label: string;
  articleIds: string[];
  outlets: { id: string; name: string }[];
  /** Whether the reader opened any article of this event. */
  read: boolean;
  isCurrent: boolean;
  /** 1 = the most important dot of the story. */
  importanceRank: number;
  importance: number;
  isNewSinceLastOpen: boolean;
}

export interface Trail {
  storyId: string;
  label: string;
  /** Newest first. */
  dots: TrailDot[];
}

export interface PerspectiveArticle {
  articleId: string;
  title: string;
  url: string;
  published: number;
  explanation: MatchExplanation;
}

export interface PerspectiveOutlet {
  outletId: string;
  outletName: string;
  articles: PerspectiveArticle[];
}

export interface NearbyEvent {
  eventId: string;
  label: string;
  date: number;
  outlets: { id: string; name: string }[];
  articleIds: string[];
}

export interface Perspectives {
  articleId: string;
  eventId: string;
  /** Other outlets' articles on the same event, best first. */
  outlets: PerspectiveOutlet[];
  /** When only this outlet covered the event: the story's nearest events instead. */
  nearbyEvents: NearbyEvent[];
}
