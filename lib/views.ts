// What the popup, side panel and options page receive: plain data shaped for display, built by
// the background from the store. Components import these types only (STYLE.md §3).
import type { Coverage, EventFraming } from './framing/types';
import type { Perspectives, Trail } from './match/types';
import type { Ownership, OutletLean } from './types';

export type { EventFraming } from './framing/types';
export type { Perspectives, PerspectiveOutlet, PerspectiveArticle, NearbyEvent, Trail, TrailDot } from './match/types';

/** An outlet as the views show it: name and the axes a reader compares on. */
export interface OutletView {
  id: string;
  name: string;
  /** ISO 3166 alpha-2 ("PK"), "INT" for wires, "" when unknown. */
  country: string;
  ownership: Ownership;
  stateAffiliated: boolean;
  lean?: OutletLean;
  /** Whether the outlet is in the registry (false: seen only on a page, axes unknown). */
  known: boolean;
}

export interface ArticleView {
  id: string;
  url: string;
  title: string;
  outletId: string;
  outletName: string;
  /** ISO 3166 country of the outlet, when the registry knows it. */
  country?: string;
  ownership?: string;
  /** Epoch ms. */
  published: number;
  publishedKnown: boolean;
  /** Epoch ms of the reader's last visit; 0 when never opened. */
  readAt: number;
}

export type TabStatus = 'article' | 'not-article' | 'unknown' | 'matching';

/** Where the framing's text came from: full article pages, or only feed summaries. */
export type FramingTextSource = 'full-text' | 'summaries' | 'mixed';

export interface TabContext {
  tabId: number | null;
  status: TabStatus;
  url?: string;
  article?: ArticleView;
  /** The story's events, newest first (absent until the engine placed the article). */
  trail?: Trail;
  /** Other outlets' articles on the same event. */
  perspectives?: Perspectives;
  /** How the event's outlets told it (absent when the event has a single article). */
  framing?: EventFraming;
  framingTextSource?: FramingTextSource;
  /**
   * Set instead of `framing` on a quick answer (a `partial` request) while the framing is being
   * computed: what is known of it already. The view asks again for the rest.
   */
  pendingFraming?: PendingFraming;
  /** The lead (dek, or else the first paragraph) of each framed article, verbatim, by article id: the compare view's "lead" row. */
  leads?: Record<string, string>;
  /** The axes of every outlet named in trail, perspectives and framing, by id. */
  outlets: Record<string, OutletView>;
  /** How many sources the reader has enabled: 0 explains an empty perspectives section. */
  enabledSources: number;
}

/** The part of an event's framing known before its text is analysed: who covered it. */
export interface PendingFraming {
  /** The same coverage the framing will carry (counted from the outlets, not the words). */
  coverage: Coverage;
}

export interface SearchHit extends ArticleView {
  matchedTerms: string[];
  storyId: string;
}

// ---- Options page ----

/** Where the content script looks for articles. */
export type DetectionMode = 'known-outlets' | 'all-sites' | 'on-click';

export interface Settings {
  detection: DetectionMode;
  /** Fetch the full pages of compared articles when the reader opens a comparison. */
  fullTextOnDemand: boolean;
  /** Keep at most this many feed articles the reader never opened (oldest go first). */
  maxFeedArticles: number;
}

export const DEFAULT_SETTINGS: Settings = {
  detection: 'known-outlets',
  fullTextOnDemand: true,
  maxFeedArticles: 50_000,
};

export interface FeedStatusView {
  url: string;
  lastFetchAt?: number;
  nextFetchAt: number;
  itemCount: number;
  lastStatus?: number;
  lastError?: string;
  failures: number;
}

export interface SourceView {
  outlet: OutletView & { domains: string[]; language: string };
  enabled: boolean;
  feeds: FeedStatusView[];
  /** Articles stored from this outlet. */
  articleCount: number;
}

export interface StoreStats {
  articles: number;
  events: number;
  stories: number;
  outlets: number;
}
