// Published and modified times, from the most trusted source to the least: JSON-LD, meta tags,
// <time> and microdata, the URL, the visible dateline. The publication day is the day in the
// outlet's own offset: a UTC timestamp of an evening story would otherwise land a day late.
import { findArticleNode, firstString, type JsonObject } from './json-ld';
import { formatIso, parseDate, shiftTo, toEpoch, type DateParts } from './date-parse';
import { metaValue, type MetaMap } from './meta-tags';
import { dateInUrl } from './url';
import { findDateline } from './dateline';
import { guessZone, zoneOffset } from './outlet-zone';
import { scanTextDates } from './text-dates';
import { closestWhere, hasToken } from './dom';
import { scanPage, type PageElements } from './scan';

export interface PageDates {
  published?: string;
  modified?: string;
  /** Which source gave the published time, for tests and debugging. */
  publishedSource?: string;
}

/** Earliest publication year accepted: older dates are template defaults ("0001-01-01", 1970). */
const MIN_YEAR = 1995;
/** Slack for clocks and time zones when rejecting dates in the future. */
const FUTURE_SLACK_MS = 36 * 3600_000;

/** Meta names that say "published" in so many words. */
const PUBLISHED_META = [
  'article:published_time', 'og:article:published_time', 'og:published_time', 'article:published',
  'datepublished', 'date_published', 'publishdate', 'publish-date', 'publish_date', 'pubdate',
  'publication_date', 'sailthru.date', 'parsely-pub-date', 'article.published', 'article_date_original',
  'original-publish-date', 'citation_publication_date', 'cxenseparse:recs:publishtime', 'bt:pubdate',
  'og:pubdate', 'published', 'publication-date', 'sw-pubdate',
] as const;

/** Generic date names (Dublin Core, "date", "created"): CMSs fill them with the creation or
 * indexing date as often as with the publication date, so a visible <time> outranks them. */
const GENERIC_DATE_META = [
  'dc.date.issued', 'dcterms.issued', 'dc.date', 'dcterms.date', 'dc.date.created', 'dcterms.created',
  'datecreated', 'citation_date', 'displaydate', 'date', 'pdate', 'article.created', 'created', 'release_date',
] as const;

const MODIFIED_META = [
  'article:modified_time', 'og:updated_time', 'article:modified', 'datemodified', 'dcterms.modified',
  'dc.date.modified', 'last-modified', 'lastmod', 'article.updated', 'modified',
] as const;

interface Candidate {
  parts: DateParts;
  source: string;
}

export interface DateContext {
  doc: Document;
  url: string;
  jsonLd: JsonObject[];
  meta: MetaMap;
  /** Epoch ms; dates after it (plus slack) are rejected. */
  now: number;
  /** Day-first reading of 03/04/2019, true outside English. */
  dayFirst: boolean;
  language?: string;
  /** The page's h1, time and itemprop elements when the caller has them (extract.ts does);
   * otherwise they are gathered here. */
  page?: PageElements;
}

/** The context with the page's elements at hand. */
type Context = DateContext & { page: PageElements };

export function findDates(context: DateContext): PageDates {
  const ctx: Context = { ...context, page: context.page ?? scanPage(context.doc) };
  const modified = firstValid(modifiedCandidates(ctx), ctx.now);
  const published = byConsensus(publishedCandidates(ctx), ctx.now) ?? fromText(ctx);
  if (!published) return { modified: modified && formatIso(modified.parts) };
  const local = agreeWithUrl(localise(published.parts, ctx, [modified?.parts]), ctx.url, published.source);
  return { published: formatIso(local), modified: modified && formatIso(modified.parts), publishedSource: published.source };
}

/** Sources that must agree on another day to overrule the most trusted one. */
const OVERRULING_SOURCES = 2;

/**
 * The most trusted candidate, unless it stands alone against a day that two other sources agree
 * on (a template's JSON-LD date against the meta tag and the visible dateline, say). Lazy: the
 * later, costlier sources are read only while the most trusted one is unconfirmed.
 */
function byConsensus(candidates: Iterable<Candidate>, now: number): Candidate | undefined {
  const dayOf = (c: Candidate) => `${c.parts.year}-${c.parts.month}-${c.parts.day}`;
  const seen: Candidate[] = [];
  for (const c of candidates) {
    if (!isPlausible(c.parts, now) || seen.some((o) => o.source === c.source)) continue;
    seen.push(c);
    if (seen.length > 1 && dayOf(c) === dayOf(seen[0])) return seen[0];
  }
  const [best] = seen;
  if (!best) return undefined;
  const support = (day: string) => seen.filter((c) => dayOf(c) === day).length;
  return seen.find((c) => c !== best && support(dayOf(c)) >= OVERRULING_SOURCES) ?? best;
}

function fromText(ctx: Context): Candidate | undefined {
  const parts = scanTextDates(ctx.doc, ctx.dayFirst, (p) => isPlausible(p, ctx.now));
  return parts && { parts, source: 'text' };
}

/** Sources the URL's date outranks when they disagree: page elements, which can belong to a
 * comment, a related story or a template. */
const BELOW_URL = new Set(['microdata', 'time', 'dateline', 'text']);

/** A timestamp one day off the date in the URL is a time-zone slip: the URL's day is the day the
 * outlet filed the story under. Page-element dates that disagree with the URL lose to it. */
function agreeWithUrl(p: DateParts, url: string, source: string): DateParts {
  const day = dateInUrl(url);
  if (!day) return p;
  const [year, month, dayOfMonth] = day.split('-').map(Number);
  const diff = Math.abs(Date.UTC(year, month - 1, dayOfMonth) - Date.UTC(p.year, p.month - 1, p.day));
  return diff === 86_400_000 || (diff > 0 && BELOW_URL.has(source)) ? { year, month, day: dayOfMonth } : p;
}

function* publishedCandidates(ctx: Context): Generator<Candidate> {
  const article = findArticleNode(ctx.jsonLd);
  yield* fromStrings([firstString(article?.datePublished), firstString(article?.dateCreated)], 'json-ld', ctx);
  for (const node of ctx.jsonLd) yield* fromStrings([firstString(node.datePublished)], 'json-ld', ctx);
  yield* fromStrings([metaValue(ctx.meta, PUBLISHED_META)], 'meta', ctx);
  yield* fromStrings(microdataDates(ctx.page, 'datepublished'), 'microdata', ctx);
  yield* fromStrings(timeElementDates(ctx.page), 'time', ctx);
  yield* fromStrings([metaValue(ctx.meta, GENERIC_DATE_META)], 'meta', ctx);
  const fromUrl = dateInUrl(ctx.url);
  if (fromUrl) yield* fromStrings([fromUrl], 'url', ctx);
  yield* fromStrings(findDateline(ctx.doc, ctx.page.h1s[0] ?? null), 'dateline', ctx);
}

function* modifiedCandidates(ctx: Context): Generator<Candidate> {
  const article = findArticleNode(ctx.jsonLd);
  yield* fromStrings([firstString(article?.dateModified)], 'json-ld', ctx);
  yield* fromStrings([metaValue(ctx.meta, MODIFIED_META)], 'meta', ctx);
  yield* fromStrings(microdataDates(ctx.page, 'datemodified'), 'microdata', ctx);
}

function* fromStrings(values: Array<string | undefined>, source: string, ctx: Context): Generator<Candidate> {
  for (const value of values) {
    if (!value) continue;
    const parts = parseDate(value, ctx.dayFirst);
    if (parts) yield { parts, source };
  }
}

function firstValid(candidates: Iterable<Candidate>, now: number): Candidate | undefined {
  for (const c of candidates) if (isPlausible(c.parts, now)) return c;
  return undefined;
}

export function isPlausible(p: DateParts, now: number): boolean {
  return p.year >= MIN_YEAR && toEpoch(p) <= now + FUTURE_SLACK_MS;
}

/** Elements read for microdata and <time>: enough for any real header, bounded for hostile pages. */
const MAX_DATE_ELEMENTS = 50;

/** Elements whose itemprop holds `prop` (lower case), as `[itemprop~="datePublished" i]`. */
function microdataDates(page: PageElements, prop: string): string[] {
  const out: string[] = [];
  for (const el of page.itemprops) {
    if (out.length >= MAX_DATE_ELEMENTS) break;
    if (hasToken(el.getAttribute('itemprop'), prop)) out.push(el.getAttribute('datetime') ?? el.getAttribute('content') ?? el.textContent ?? '');
  }
  return out;
}

const IN_ARTICLE = new Set(['article', 'main', 'header']);
const OUTSIDE_ARTICLE = new Set(['aside', 'nav', 'footer', 'li']);

/** <time pubdate>, <time> with a publishing class, then the first <time> of the article. */
function timeElementDates(page: PageElements): string[] {
  const times = page.times.slice(0, MAX_DATE_ELEMENTS);
  const value = (el: Element) => el.getAttribute('datetime') || el.textContent || '';
  const marked = times.filter((t) => t.hasAttribute('pubdate') || /publish|posted|created/i.test(`${t.className} ${t.parentElement?.className ?? ''}`));
  // As closest('article, main, header, [role="main"]') && !closest('aside, nav, footer, li').
  const inArticle = times.filter(
    (t) => closestWhere(t, (el) => IN_ARTICLE.has(el.localName) || el.getAttribute('role') === 'main') && !closestWhere(t, (el) => OUTSIDE_ARTICLE.has(el.localName)),
  );
  return [...marked, ...inArticle.slice(0, 1)].map(value);
}

/**
 * The day in the outlet's offset: a UTC (or offset-less) timestamp is moved into the offset that
 * another timestamp of the page states, and a day one off from the URL's date takes the URL's day.
 */
function localise(p: DateParts, ctx: Context, others: Array<DateParts | undefined>): DateParts {
  if (p.minutes === undefined || (p.offset !== undefined && p.offset !== 0)) return p;
  const hint = others.find((o) => o?.offset !== undefined && o.offset !== 0 && o.minutes !== undefined)?.offset ?? pageOffset(ctx);
  if (hint !== undefined && p.offset === 0) return shiftTo(p, hint);
  // Exactly midnight UTC is a date written as a timestamp, not an instant to move.
  if (p.offset !== 0 || p.minutes === 0) return p;
  const zone = guessZone(ctx.url);
  const offset = zone ? zoneOffset(zone, toEpoch(p)) : undefined;
  return offset !== undefined && offset !== 0 ? shiftTo(p, offset) : p;
}

/** A non-zero offset stated by any timestamp in the page's metadata. */
function pageOffset(ctx: Context): number | undefined {
  const values = [
    ...ctx.jsonLd.slice(0, 20).flatMap((n) => [firstString(n.dateModified), firstString(n.datePublished), firstString(n.uploadDate)]),
    metaValue(ctx.meta, MODIFIED_META),
    ...ctx.page.times.slice(0, 10).map((t) => t.getAttribute('datetime') ?? undefined),
  ];
  for (const v of values) {
    const parts = v ? parseDate(v) : undefined;
    if (parts?.offset !== undefined && parts.offset !== 0) return parts.offset;
  }
  return undefined;
}
