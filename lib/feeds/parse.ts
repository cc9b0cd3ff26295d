// Feed text → ArticleInput items, without a DOM (it runs in the MV3 service worker).
//
// Parser: feedsmith 3.0.1, chosen over @rowanmanning/feed-parser 2.1.5 after comparing both on
// this machine (Node 20, tests/bench/feeds.ts and the numbers in the issue-5 report):
// - formats: feedsmith reads RSS 0.9x/2.0, RSS 1.0 (RDF), Atom 1.0 and JSON Feed 1.1;
//   feed-parser has no JSON Feed and rejects it.
// - safety: feedsmith runs fast-xml-parser with processEntities off, so DTD entities are never
//   expanded (billion laughs stays the inert text "&lol9;"; a quadratic-blowup payload of
//   20,000 references to a 9 KB entity parsed in 25 ms with no growth); external-entity DTDs are
//   rejected. feed-parser turns DTD expansion on (maxTotalExpansions: Infinity) and relies on
//   fast-xml-parser's 100 KB expansion cap, which throws and loses the whole feed.
// - robustness: on malformed XML (an unclosed tag) feedsmith still returns both items;
//   feed-parser returned one with its text mangled.
// - speed: feed-parser is faster on small feeds (500 items: ~25 ms vs ~30–45 ms raw parse on a
//   noisy machine), feedsmith on big ones (20 MB: 194 ms vs 406 ms). Either is far above what a
//   feed refresh needs (a few hundred items per feed per half hour).
// - size: minified 178 KB (64 KB gzip) vs 135 KB (44 KB gzip); feedsmith is ESM and
//   side-effect free. The 20 KB gzip difference is the price of JSON Feed and the safer
//   entity handling, paid once in the background bundle only.
// Its output is untrusted all the same: entries.ts reads it defensively, this file bounds it.
import { parseFeed } from 'feedsmith';
import type { ArticleInput } from '../types';
import { clip, LIMITS, safeHttpUrl } from '../limits';
import { parseFeedDate } from './dates';
import { toRawFeed, type FeedFormat, type RawEntry } from './entries';
import { countWords, htmlToParagraphs, htmlToText } from './text';

/** fetch.ts stops reading at 5 MB; a string past this did not come through it. */
export const MAX_FEED_CHARS = 10_000_000;
/** News feeds carry tens to a few hundred items; more is an archive dump, not worth one ingest. */
export const MAX_FEED_ITEMS = 1000;
/** A headline made up from a title-less item's summary stays headline-sized. */
const FALLBACK_TITLE_CHARS = 140;
/** Items dated more than this past `now` carry a wrong clock or a placeholder date. */
const FUTURE_TOLERANCE_MS = 2 * 24 * 60 * 60 * 1000;

export interface FeedItem {
  guid: string;
  article: ArticleInput;
}

export interface ParsedFeed {
  format?: FeedFormat;
  title: string;
  /** The site's home page as the feed states it (http(s) only). */
  siteUrl?: string;
  language?: string;
  items: FeedItem[];
  /** What was wrong: the whole feed (unreadable) or single items (dropped or cleaned). */
  errors: string[];
}

export interface ParseOptions {
  /** The feed's own URL: base for relative links. */
  feedUrl?: string;
  /** Epoch ms; dates later than now + 2 days are dropped as impossible. */
  now?: number;
  maxItems?: number;
}

function resolveLink(link: string | undefined, base: string | undefined): string | undefined {
  if (!link) return undefined;
  try {
    return safeHttpUrl(new URL(link.trim(), base).href);
  } catch {
    return undefined;
  }
}

function boundedList(values: string[], count: number, chars: number): string[] {
  const out = new Set<string>();
  for (const value of values) {
    const text = clip(htmlToText(value), chars);
    if (text) out.add(text);
    if (out.size >= count) break;
  }
  return [...out];
}

function paragraphsOf(entry: RawEntry): string[] {
  const source = entry.content ?? entry.summary ?? '';
  return htmlToParagraphs(source.slice(0, LIMITS.body * 2))
    .slice(0, LIMITS.paragraphs)
    .map((paragraph) => clip(paragraph, LIMITS.paragraph));
}

function toArticle(entry: RawEntry, url: string, feed: { title: string; language?: string }, now?: number): ArticleInput {
  const notAfter = now === undefined ? undefined : now + FUTURE_TOLERANCE_MS;
  const dek = clip(htmlToText(entry.summary ?? entry.content ?? ''), LIMITS.dek);
  const paragraphs = paragraphsOf(entry);
  const title = clip(htmlToText(entry.title ?? ''), LIMITS.title) || clip(dek, FALLBACK_TITLE_CHARS);
  const article: ArticleInput = {
    url,
    title,
    bylines: boundedList(entry.authors, LIMITS.bylines, LIMITS.byline),
    tags: boundedList(entry.categories, LIMITS.tags, LIMITS.tag),
    paragraphs,
    quotes: [],
    entities: { people: [], places: [], organisations: [] },
    wordCount: countWords(paragraphs),
    source: 'feed',
  };
  if (dek) article.dek = dek;
  const published = parseFeedDate(entry.published, notAfter);
  const modified = parseFeedDate(entry.modified, notAfter);
  if (published) article.published = published;
  if (modified && modified !== published) article.modified = modified;
  const language = clip((entry.language ?? feed.language ?? '').trim(), LIMITS.language);
  if (language) article.language = language;
  if (feed.title) article.siteName = clip(feed.title, LIMITS.siteName);
  return article;
}

function detectAndParse(text: string, maxItems: number): { format: FeedFormat; feed: unknown } {
  return parseFeed(text, { maxItems }) as { format: FeedFormat; feed: unknown };
}

/** Parses RSS 0.9x/1.0/2.0, Atom 1.0 or JSON Feed 1.1 text. Never throws. */
export function parseFeedText(text: string, options: ParseOptions = {}): ParsedFeed {
  const maxItems = Math.min(options.maxItems ?? MAX_FEED_ITEMS, MAX_FEED_ITEMS);
  if (text.length > MAX_FEED_CHARS) return { title: '', items: [], errors: [`feed larger than ${MAX_FEED_CHARS} characters`] };
  let parsed: { format: FeedFormat; feed: unknown };
  try {
    parsed = detectAndParse(text.replace(/^\uFEFF/, '').trimStart(), maxItems);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return { title: '', items: [], errors: [`not a readable RSS, Atom or JSON feed: ${clip(reason, 200)}`] };
  }
  const raw = toRawFeed(parsed.format, parsed.feed);
  const title = clip(htmlToText(raw.title ?? ''), LIMITS.siteName);
  const siteUrl = resolveLink(raw.link, options.feedUrl);
  const language = raw.language ? clip(raw.language.trim(), LIMITS.language) : undefined;
  const base = options.feedUrl ?? siteUrl;
  const items: FeedItem[] = [];
  const errors: string[] = [];
  const seen = new Set<string>();
  for (const entry of raw.entries) {
    const url = resolveLink(entry.link, base);
    if (!url) {
      errors.push(`item dropped: no http(s) link (${clip(htmlToText(entry.title ?? ''), 80)})`);
      continue;
    }
    const guid = clip((entry.guid ?? '').trim(), LIMITS.url) || url;
    if (seen.has(guid)) {
      errors.push(`item dropped: duplicate guid ${clip(guid, 120)}`);
      continue;
    }
    seen.add(guid);
    items.push({ guid, article: toArticle(entry, url, { title, language }, options.now) });
  }
  return { format: parsed.format, title, siteUrl, language, items, errors };
}

