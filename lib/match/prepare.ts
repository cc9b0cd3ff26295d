// ArticleInput → the stored Article shape, minus its event and story (the engine assigns those).
// Pure: the id comes from the canonical URL, terms and dates from lib/text.
import { clip, LIMITS } from '../limits';
import type { Article, ArticleInput } from '../types';
import { extractDateReferences } from '../text/dates';
import { extractEntities } from '../text/entities';
import { weightTerms } from '../text/terms';

/** Query parameters that only track the reader; the same article with them is the same article. */
const TRACKING_PARAMS = /^(utm_.*|fbclid|gclid|mc_cid|mc_eid|ref|ref_src|cmpid|smid|ocid|taid|ito|guccounter)$/i;
/** Below this many words an article is a summary (a feed item), not the full text. */
export const FULL_TEXT_MIN_WORDS = 150;
/** Paragraphs after the first that count as lead (feeds often carry only these). */
const LEAD_PARAGRAPHS = 1;

/** The article's link as stored and shown: no fragment, no tracking parameters. */
export function cleanArticleUrl(raw: string): string {
  try {
    const url = new URL(raw);
    url.hash = '';
    // Array.from: Firefox content scripts can't spread URLSearchParams iterators.
    for (const key of Array.from(url.searchParams, ([k]) => k)) if (TRACKING_PARAMS.test(key)) url.searchParams.delete(key);
    return url.href;
  } catch {
    return raw.trim();
  }
}

/**
 * The URL that identifies an article: also without www., scheme or trailing slash, so the
 * http and https, www and bare forms of one article are one record. Never shown as a link.
 */
export function canonicalArticleUrl(raw: string): string {
  try {
    const url = new URL(cleanArticleUrl(raw));
    url.hostname = url.hostname.toLowerCase().replace(/^www\./, '');
    url.protocol = 'https:';
    return url.href.replace(/\/$/, '');
  } catch {
    return raw.trim();
  }
}

/** A stable 53-bit hash (cyrb53) in base 36: short ids, no crypto API needed. */
export function hashString(text: string): string {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(36);
}

/** The article id: a hash of its canonical URL. */
export function articleIdFromUrl(url: string): string {
  return 'a' + hashString(canonicalArticleUrl(url));
}

function parseTime(iso: string | undefined): number | undefined {
  if (!iso) return undefined;
  const time = Date.parse(iso);
  return Number.isFinite(time) ? time : undefined;
}

function domainOf(url: string): string {
  try {
    return new URL(url).hostname.toLowerCase().replace(/^www\./, '');
  } catch {
    return '';
  }
}

function hasEntities(input: ArticleInput): boolean {
  const e = input.entities;
  return e.people.length + e.places.length + e.organisations.length > 0;
}

/** Builds the stored article (eventId/storyId empty until the engine assigns them). */
export function prepareArticle(input: ArticleInput, outlet: { id: string; name: string }, now: number): Article {
  const url = input.canonicalUrl ?? input.url;
  const paragraphs = input.paragraphs.slice(0, LIMITS.paragraphs);
  const entities = hasEntities(input) ? input.entities : extractEntities(input.title, paragraphs);
  const lead = [input.dek ?? '', ...paragraphs.slice(0, LEAD_PARAGRAPHS)].filter(Boolean);
  const terms = weightTerms({ title: input.title, lead, body: paragraphs.slice(LEAD_PARAGRAPHS), entities, locale: input.language || 'en' });
  const published = parseTime(input.published);
  const time = published ?? now;
  return {
    id: articleIdFromUrl(url),
    url: cleanArticleUrl(url),
    outletId: outlet.id,
    outletName: outlet.name,
    domain: domainOf(url),
    title: clip(input.title, LIMITS.title),
    dek: clip(input.dek ?? '', LIMITS.dek),
    byline: clip(input.bylines.join(', '), LIMITS.byline),
    published: time,
    publishedKnown: published !== undefined,
    modified: parseTime(input.modified),
    language: input.language ?? '',
    section: input.section ?? '',
    tags: input.tags.slice(0, LIMITS.tags),
    terms,
    termKeys: terms.map((t) => t.term),
    entities,
    quotes: input.quotes,
    // Kept for pages the reader opened and for full text fetched on demand (framing compares
    // it); a feed summary lives in `dek` and is not duplicated here.
    body: input.source === 'visit' || input.wordCount >= FULL_TEXT_MIN_WORDS ? clip(paragraphs.join('\n\n'), LIMITS.body) : '',
    wordCount: input.wordCount,
    source: input.source,
    eventId: '',
    storyId: '',
    readAt: input.source === 'visit' ? now : 0,
    firstSeen: now,
    updatedAt: now,
    dateRefs: extractDateReferences([input.title, ...paragraphs].join('\n'), time),
  };
}
