// What the popup and the side panel receive: plain data shaped for display, built by the
// background from the store. Components import these types only (STYLE.md §3).

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

export interface RelatedArticle extends ArticleView {
  /** Why it is shown: the shared outlet and/or shared words. */
  reason: { sameOutlet: boolean; sharedTerms: string[] };
}

export type TabStatus = 'article' | 'not-article' | 'unknown';

export interface TabContext {
  tabId: number | null;
  status: TabStatus;
  url?: string;
  article?: ArticleView;
  /** Stored articles that share its outlet or its words, best first (stand-in for the engine). */
  related: RelatedArticle[];
}

export interface SearchHit extends ArticleView {
  matchedTerms: string[];
}
