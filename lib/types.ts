// The plain, serialisable shapes that cross module and message boundaries.
// Pure lib modules, components and the store all speak these types.

/** Where an article came from: a page the reader opened, a feed item, or an import file. */
export type ArticleSource = 'visit' | 'feed' | 'import';

/** A verbatim quotation and whom the text attributes it to. */
export interface Quote {
  /** The text between the quotation marks, verbatim. */
  text: string;
  /** Name or description ("an unnamed source"); empty when the text attributes it to no one. */
  speaker: string;
  /** Index of the paragraph the quote starts in (0-based). */
  paragraph: number;
  /** Character offset of the quote inside that paragraph. */
  offset: number;
}

export interface Entities {
  people: string[];
  places: string[];
  organisations: string[];
}

/**
 * What the content script (or a feed, or an import) reports about one article, before the
 * background assigns it an outlet, terms, an event and a story. Every field is bounded in
 * length by lib/limits.ts before it leaves the page.
 */
export interface ArticleInput {
  /** The URL the reader or the feed saw (http(s) only). */
  url: string;
  /** rel=canonical / og:url with tracking parameters removed; http(s) only. */
  canonicalUrl?: string;
  title: string;
  dek?: string;
  bylines: string[];
  /**
   * ISO 8601: with the offset when the page states one; a date only ("2025-10-19") or a local
   * date-time without offset when it does not (we never invent a zone).
   */
  published?: string;
  modified?: string;
  language?: string;
  section?: string;
  tags: string[];
  /** Publisher or site name as the page states it. */
  siteName?: string;
  /** Body paragraphs, plain text. Feed items carry their summary here. */
  paragraphs: string[];
  quotes: Quote[];
  entities: Entities;
  wordCount: number;
  source: ArticleSource;
}

export type Ownership = 'public-broadcaster' | 'state-owned' | 'private' | 'nonprofit' | 'cooperative' | 'unknown';

export interface OutletLean {
  /** e.g. "left", "lean-left", "center", "lean-right", "right" */
  value: string;
  /** The public rating this lean comes from, e.g. "AllSides Media Bias Chart (2024)". */
  source: string;
}

export interface Outlet {
  id: string;
  name: string;
  domains: string[];
  /** ISO 3166-1 alpha-2, upper case ("PK", "AF"); "INT" for international wires. */
  country: string;
  /** BCP 47 language of most of its articles. */
  language: string;
  ownership: Ownership;
  stateAffiliated: boolean;
  lean?: OutletLean;
  feeds: string[];
}

/** A weighted term of an article, event or story centroid. */
export interface WeightedTerm {
  term: string;
  weight: number;
}

/** An article as stored. `id` derives from the canonical URL so re-ingesting updates in place. */
export interface Article {
  id: string;
  url: string;
  outletId: string;
  outletName: string;
  domain: string;
  title: string;
  dek: string;
  byline: string;
  /** Epoch milliseconds; the ingest time when the article states none. */
  published: number;
  /** Whether `published` came from the article (false: the time we first saw it). */
  publishedKnown: boolean;
  modified?: number;
  language: string;
  section: string;
  tags: string[];
  /** The top weighted terms; `termKeys` mirrors their names for the multi-entry index. */
  terms: WeightedTerm[];
  termKeys: string[];
  entities: Entities;
  quotes: Quote[];
  /** Plain body text, bounded; kept in full only for articles the reader opened. */
  body: string;
  wordCount: number;
  source: ArticleSource;
  eventId: string;
  storyId: string;
  /** Epoch ms of the reader's last visit, 0 when never opened. */
  readAt: number;
  firstSeen: number;
  updatedAt: number;
  /** UTC day numbers the text refers to ("on January 25"); the trail ranks dots by them. */
  dateRefs?: number[];
  /** Why the article joined its event (absent when it started the event). */
  eventLink?: MatchExplanation;
}

export interface EventRecord {
  id: string;
  storyId: string;
  articleIds: string[];
  outletIds: string[];
  centroid: WeightedTerm[];
  /** Epoch ms of its earliest and latest member. */
  start: number;
  end: number;
  /** The headline that best represents the event. */
  label: string;
  updatedAt: number;
  /** Why the event joined its story (absent when it started the story). */
  storyLink?: MatchExplanation;
}

export interface StoryRecord {
  id: string;
  eventIds: string[];
  centroid: WeightedTerm[];
  start: number;
  end: number;
  label: string;
  /** Epoch ms when the reader last opened an article of this story; 0 when never. */
  lastOpenedAt: number;
  updatedAt: number;
}

/** Why two things were linked: the shared evidence, kept so the UI can show it. */
export interface MatchExplanation {
  score: number;
  sharedTerms: string[];
  sharedEntities: string[];
  /** The article or event the link was made to. */
  withId?: string;
}
