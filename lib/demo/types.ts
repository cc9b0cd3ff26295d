// Shapes of the embedded demo story. The demo is written for the project: fictional outlets and
// invented articles, each page and feed item marked as demo content.

/** Which happening of the demo story an article covers; `unrelated` must stay out of the talks. */
export type DemoEventId = 'border-clashes' | 'doha-ceasefire' | 'istanbul-talks' | 'unrelated';

/** Which story the article belongs to, for tests that check grouping. */
export type DemoStoryId = 'pak-afghan-talks' | 'junior-cricket';

export interface DemoArticle {
  /** Unique across the demo; also the last path segment of its URL. */
  id: string;
  outletId: string;
  event: DemoEventId;
  story: DemoStoryId;
  section: string;
  headline: string;
  /** The headline again in another language (e.g. Dari), shown in a secondary element. */
  headlineAlt?: { text: string; lang: string; dir: 'ltr' | 'rtl' };
  dek: string;
  /** Summary for the feed and the home page; never the body. */
  summary: string;
  /** Reporter names or a desk ("Oxus Dispatch staff"). */
  authors: string[];
  /** ISO 8601 with the outlet's offset, e.g. "2025-10-30T21:40:00+05:00". */
  published: string;
  modified?: string;
  tags: string[];
  /** Body paragraphs, plain text; quotes use curly quotation marks. */
  paragraphs: string[];
}

/** The note every demo page and feed item carries. */
export const DEMO_NOTE = 'Demo content — not a real article.';

export const DEMO_NOTE_LONG =
  'Demo content — not a real article. Written for the Threadline demo: the outlets are fictional, ' +
  'and quotes attributed to public figures are invented wording they never said.';
