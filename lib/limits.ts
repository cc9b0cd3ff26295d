// Size bounds for everything that crosses a boundary (page → content script → background, feed →
// store, import → store). Untrusted input can be huge; each field is cut to these lengths.
export const LIMITS = {
  url: 2048,
  title: 500,
  dek: 1000,
  byline: 200,
  bylines: 10,
  tag: 100,
  tags: 30,
  section: 100,
  siteName: 200,
  language: 35,
  /** Paragraphs kept per article and characters per paragraph. */
  paragraphs: 400,
  paragraph: 5000,
  /** Body text kept for an article (plain text). */
  body: 100_000,
  quotes: 200,
  quote: 2000,
  speaker: 200,
  entities: 100,
  entity: 100,
  /** Largest message the background accepts, in characters of its JSON. */
  message: 2_000_000,
  /** Largest message an extension page may send (imports), in characters of its JSON. */
  pageMessage: 60_000_000,
  searchQuery: 200,
  /**
   * Items per ingest transaction (a feed's items; the match bench's stream): a batch is kept or
   * lost whole, and anything else that reads the engine's tables waits for it. Each transaction
   * costs about the same beyond its articles (its records written together, a term log row, the
   * commit, the lists memory copies once a batch: engine-memory.ts closeBatch), so bigger
   * batches ingest faster until that cost is spread thin. To 100,000 stored (match bench, real
   * Chromium, runs alternating) 250 took less engine time than the run of 100 beside it in five
   * of six pairs: 200.7/242.6, 219.5/250.9, 281.9/276.8, 210.7/227.7, 202.8/227.7, 174.3/216.5 s
   * (median -12%); 500 took 210.9 s, no better than 250. At 95,000-100,000 stored a batch of 250
   * held the database 0.33-0.66 s (median; 100: 0.19-0.29 s), and up to 2.6-4.5 s when it
   * folded the term log, the same fold that sets a batch of 100's longest wait (3.0-4.2 s).
   */
  ingestBatch: 250,
} as const;

/** Cuts a string to at most `max` UTF-16 units without splitting a surrogate pair. */
export function clip(text: string, max: number): string {
  if (text.length <= max) return text;
  let end = max;
  const code = text.charCodeAt(end - 1);
  if (code >= 0xd800 && code <= 0xdbff) end -= 1;
  return text.slice(0, end);
}

/** Returns the URL normalised if it is http(s), otherwise undefined. */
export function safeHttpUrl(raw: unknown): string | undefined {
  if (typeof raw !== 'string' || raw.length === 0 || raw.length > LIMITS.url) return undefined;
  try {
    const url = new URL(raw.trim());
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return undefined;
    return url.href;
  } catch {
    return undefined;
  }
}
