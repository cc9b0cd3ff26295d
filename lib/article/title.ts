// The headline: the visible heading that agrees with the page's metadata, else the metadata title
// without the site name ("… - Los Angeles Times", "CNN.com - …"), else the page title.
import { LIMITS } from '../limits';
import { findArticleNode, firstString, type JsonObject } from './json-ld';
import { metaValues, type MetaMap } from './meta-tags';
import { collapseSpace, elementText, toPlainText } from './plain-text';
import { closestWhere } from './dom';

const TITLE_META = ['og:title', 'twitter:title', 'title', 'dc.title', 'dcterms.title', 'sailthru.title', 'parsely-title', 'headline'] as const;

/** Headings read: the headline is among the first few; pages with hundreds are listings. */
const MAX_HEADINGS = 30;
/** Shortest and longest plausible headline, in characters. */
const MIN_HEADLINE = 8;
const MAX_HEADLINE = 300;
/** Share of a heading's words found in a metadata title for the two to agree. */
const AGREEMENT = 0.8;

/** Separators between a headline and a site name in page titles. */
const SEPARATOR = /\s+[|\-–—:·»/•~]+\s+|\s*[|»•]\s*/;

export interface TitleContext {
  doc: Document;
  jsonLd: JsonObject[];
  meta: MetaMap;
  siteName?: string;
  /** The page's h1 elements, when the caller has them. */
  h1s?: ArrayLike<Element>;
}

/** Words a heading needs to stand as the headline when no metadata title agrees with it. */
const MIN_HEADING_WORDS = 3;

export function findTitle(ctx: TitleContext): string {
  const metaTitles = metadataTitles(ctx);
  // Cheapest first: most pages have an h1 that agrees, and the class selectors below are slow.
  let first: string | undefined;
  for (const selector of HEADING_SELECTORS) {
    const elements = selector === 'h1' ? (ctx.h1s ?? ctx.doc.getElementsByTagName('h1')) : ctx.doc.querySelectorAll(selector);
    for (const heading of headingTexts(elements)) {
      if (isSiteName(heading, ctx.siteName)) continue;
      first ??= heading;
      if (metaTitles.some((t) => agrees(heading, t))) return heading;
    }
  }
  // No agreement: the page's marked headline (h1, "headline") is what the reader sees; the
  // metadata title is often an SEO variant or a generic site title.
  const marked = markedHeadline(ctx.doc, ctx.siteName);
  if (marked) return marked;
  const best = metaTitles.map((t) => stripSiteName(t, ctx.siteName)).find((t) => t.length >= MIN_HEADLINE);
  if (best) return best;
  return first ?? metaTitles[0] ?? '';
}

function metadataTitles(ctx: TitleContext): string[] {
  const article = findArticleNode(ctx.jsonLd);
  const raw = [
    firstString(article?.headline), firstString(article?.name), ...metaValues(ctx.meta, TITLE_META),
    ctx.doc.title,
  ];
  return raw.map((t) => toPlainText(t, LIMITS.title)).filter((t) => t.length > 0);
}

/** h1s first, then elements whose class or id says headline or title, then h2s. */
const HEADING_SELECTORS = ['h1', '[class*="headline" i], [id*="headline" i], [itemprop="headline"], [class*="title" i], [id*="title" i]', 'h2, h3'];

const OUTSIDE_STORY = new Set(['nav', 'aside', 'footer']);

/** As closest('nav, aside, footer, a[href]'), with 'head' too when `orHead`. */
function outsideStory(el: Element, orHead: boolean): boolean {
  return closestWhere(el, (a) => OUTSIDE_STORY.has(a.localName) || (a.localName === 'a' && a.hasAttribute('href')) || (orHead && a.localName === 'head')) !== null;
}

function headingTexts(elements: ArrayLike<Element>): string[] {
  const out: string[] = [];
  for (let i = 0; i < elements.length && i < MAX_HEADINGS; i++) {
    const el = elements[i];
    if (el.localName !== 'h1' && outsideStory(el, true)) continue;
    const text = elementText(el, MAX_HEADLINE + 1);
    if (text.length >= MIN_HEADLINE && text.length <= MAX_HEADLINE && !out.includes(text)) out.push(text);
  }
  return out;
}

/** Links compared against a heading to tell a section label ("Politics", "U.S. & World"). */
const MAX_LINKS_CHECKED = 600;

/** The page's marked headline (h1, itemprop or class "headline") that is not a site name or a
 * section label repeated in the navigation. */
function markedHeadline(doc: Document, siteName: string | undefined): string | undefined {
  let labels: Set<string> | undefined;
  for (const el of Array.from(doc.querySelectorAll('h1, [itemprop="headline"], [class*="headline" i]')).slice(0, MAX_HEADINGS)) {
    if (outsideStory(el, false)) continue;
    const text = elementText(el, MAX_HEADLINE + 1);
    if (text.length > MAX_HEADLINE || words(text).length < MIN_HEADING_WORDS || isSiteName(text, siteName)) continue;
    labels ??= linkTexts(doc);
    if (labels.has(words(text).join(' '))) continue;
    return text;
  }
  return undefined;
}

function linkTexts(doc: Document): Set<string> {
  const out = new Set<string>();
  const links = doc.getElementsByTagName('a');
  for (let i = 0; i < links.length && i < MAX_LINKS_CHECKED; i++) out.add(words((links[i].textContent ?? '').slice(0, 200)).join(' '));
  return out;
}

function isSiteName(text: string, siteName: string | undefined): boolean {
  if (!siteName) return false;
  const a = words(text).join('');
  const b = words(siteName).join('');
  return a.length > 0 && (a === b || a === `the${b}` || b === `the${a}`);
}

function words(text: string): string[] {
  return collapseSpace(text.normalize('NFKC').toLowerCase()).match(/[\p{L}\p{N}]+/gu) ?? [];
}

/** A heading agrees with a metadata title when most of its words are in it, and it holds most of
 * the title's words once a site name is set aside. */
export function agrees(heading: string, title: string): boolean {
  const h = words(heading);
  const t = new Set(words(title));
  if (h.length === 0 || t.size === 0) return false;
  const found = h.filter((w) => t.has(w)).length;
  if (found / h.length < AGREEMENT) return false;
  const parts = splitTitle(title).map(words).filter((p) => p.length > 0);
  const hs = new Set(h);
  const longest = Math.max(...parts.map((p) => p.length));
  // Only the headline's segment counts: the first ("Headline - Site") or the longest ("Site:
  // Headline"); a logo heading that repeats a trailing site name does not agree.
  return parts.some((part, i) => (i === 0 || part.length === longest) && part.filter((w) => hs.has(w)).length / part.length >= AGREEMENT);
}

/** Segments of a page title: "Headline - Site", "Site: Headline", "Forbes.com: Headline". */
function splitTitle(title: string): string[] {
  const domainPrefix = DOMAIN_PREFIX.exec(title);
  const rest = domainPrefix ? [domainPrefix[1], title.slice(domainPrefix[0].length)] : [title];
  return rest.flatMap((t) => t.split(SEPARATOR)).map((p) => p.trim()).filter((p) => p.length > 0);
}

/** A leading domain-like site name followed by a colon or dash ("CNN.com - ", "Forbes.com: "). */
const DOMAIN_PREFIX = /^\s*([\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*\.(?:com|net|org|co\.uk|de|fr|info))\s*[:\-–—|]\s*/iu;

/** Removes a leading or trailing site name: the segment that names the site, else the shorter end. */
export function stripSiteName(title: string, siteName: string | undefined): string {
  const parts = splitTitle(title);
  if (parts.length < 2) return title;
  if (DOMAIN_PREFIX.test(title)) parts.shift();
  if (parts.length === 1) return parts[0];
  const site = siteName ? words(siteName).join('') : '';
  const isSite = (p: string) => site.length > 0 && (words(p).join('') === site || words(p).join('').includes(site) || site.includes(words(p).join('')));
  const kept = parts.filter((p) => !isSite(p));
  if (kept.length > 0 && kept.length < parts.length) return kept.join(' - ');
  // No stated site name: "Headline - Site" is the common order; the first segment is the
  // headline when the others are short labels, else the longest segment is.
  const rest = parts.slice(1);
  if (words(parts[0]).length >= 2 && rest.every((p) => words(p).length <= 4)) return parts[0];
  const longest = parts.reduce((a, b) => (b.length > a.length ? b : a));
  return parts.filter((p) => p !== longest).every((p) => words(p).length <= 4) ? longest : title;
}
