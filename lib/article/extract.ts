// Extraction: everything the extension keeps about an article, from a document and its URL.
// Works on a clone (Readability runs on doc.cloneNode(true)); the live page is never changed.
// Every field is plain text, bounded by LIMITS; URLs are http(s) or absent.
import { clip, LIMITS, safeHttpUrl } from '../limits';
import type { ArticleInput } from '../types';
import { extractBody } from './body';
import { findDates, type DateContext, type PageDates } from './dates';
import { findArticleNode, parseJsonLd, type JsonObject } from './json-ld';
import { metaMap, metaValue, type MetaMap } from './meta-tags';
import { scanPage, type PageElements } from './scan';
import { findCanonicalUrl } from './url';
import { findTitle } from './title';
import { findBylines, findDek, findLanguage, findSection, findSiteName, findTags } from './fields';
import { findQuotes, findEntities } from './enrich';

export interface ExtractOptions {
  /** Epoch ms of "now": dates after it are rejected. */
  now?: number;
  /** Find quotes and named entities (default true); false leaves them empty, for callers that
   * enrich later, off the critical path. */
  enrich?: boolean;
}

/** Extracts the article from a document; never changes the document it is given. */
export function extractArticle(doc: Document, url: string, options: ExtractOptions = {}): ArticleInput | undefined {
  const pageUrl = safeHttpUrl(url);
  if (!pageUrl) return undefined;
  try {
    return extractFrom(doc, pageUrl, options.now ?? Date.now(), options.enrich ?? true);
  } catch {
    return undefined;
  }
}

function extractFrom(doc: Document, pageUrl: string, now: number, enrich: boolean): ArticleInput | undefined {
  const { jsonLd, meta, page } = readMetadata(doc);
  const article = findArticleNode(jsonLd);
  const siteName = findSiteName(article, meta, jsonLd);
  const body = extractBody(doc, page.depth);
  const title = clip(findTitle({ doc, jsonLd, meta, siteName, h1s: page.h1s }) || (body.title ?? ''), LIMITS.title);
  if (!title && body.paragraphs.length === 0) return undefined;
  const paragraphs = dropHeadline(body.paragraphs, title);
  const language = findLanguage(doc, meta, article);
  const dates = findDates(dateContext(doc, pageUrl, page, jsonLd, meta, language, now));
  return {
    url: pageUrl,
    canonicalUrl: findCanonicalUrl(doc, pageUrl, metaValue(meta, ['og:url'])),
    title,
    dek: findDek(article, meta, body.excerpt) || undefined,
    bylines: findBylines(doc, article, meta, body.byline),
    published: dates.published,
    modified: dates.modified,
    language,
    section: findSection(article, meta) || undefined,
    tags: findTags(article, meta),
    siteName,
    paragraphs,
    quotes: enrich ? findQuotes(paragraphs) : [],
    entities: enrich ? findEntities(title, paragraphs) : { people: [], places: [], organisations: [] },
    wordCount: countWords(paragraphs),
    source: 'visit',
  };
}

/** The published and modified times alone, exactly as extractArticle finds them, without the
 * body extraction (for callers that need only the date, like the dates evaluation). */
export function extractDates(doc: Document, url: string, options: ExtractOptions = {}): PageDates {
  const pageUrl = safeHttpUrl(url);
  if (!pageUrl) return {};
  try {
    const { jsonLd, meta, page } = readMetadata(doc);
    const language = findLanguage(doc, meta, findArticleNode(jsonLd));
    return findDates(dateContext(doc, pageUrl, page, jsonLd, meta, language, options.now ?? Date.now()));
  } catch {
    return {};
  }
}

/** JSON-LD, meta tags and the elements the title, dates and body read, from one pass over the page. */
function readMetadata(doc: Document): { jsonLd: JsonObject[]; meta: MetaMap; page: PageElements } {
  const page = scanPage(doc);
  return { jsonLd: parseJsonLd(page.jsonLd), meta: metaMap(page.metas), page };
}

function dateContext(doc: Document, url: string, page: PageElements, jsonLd: JsonObject[], meta: MetaMap, language: string | undefined, now: number): DateContext {
  // 03/04/2019 is March 4 on US English pages, 3 April elsewhere.
  const dayFirst = !/^en(-us)?$/i.test(language ?? '');
  return { doc, url, jsonLd, meta, now, language, dayFirst, page };
}

/** A dateline or byline left after the headline in the body's first block, at most. */
const MAX_HEADLINE_TAIL = 80;

/** Readability sometimes keeps the headline (and the dateline after it, in old table layouts) as
 * the body's first block, or as the start of it. */
function dropHeadline(paragraphs: string[], title: string): string[] {
  const [first, ...rest] = paragraphs;
  if (!first || !title || rest.length === 0 || !first.toLowerCase().startsWith(title.toLowerCase())) return paragraphs;
  const tail = first.slice(title.length).trim();
  if (tail.length <= MAX_HEADLINE_TAIL) return rest;
  // Headline and dateline run into the first paragraph: keep the paragraph from its first sentence
  // after a short dateline-like run only when one is clearly there; otherwise keep the block.
  return paragraphs;
}

export function countWords(paragraphs: string[]): number {
  let count = 0;
  for (const p of paragraphs) count += (p.match(/[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*/gu) ?? []).length;
  return count;
}
