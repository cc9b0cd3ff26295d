// Is this page a news article? Cheap signals first (JSON-LD, OpenGraph, microdata, the URL's
// shape); then the page's structure and Readability's isProbablyReaderable where those disagree
// or are missing. Home pages, section fronts, search results, video and gallery pages are not
// articles. Each rule has example URLs beside it (tests/unit/article/detect.test.ts checks them).
import { isProbablyReaderable } from '@mozilla/readability';
import { isArticleNode, parseJsonLd, typeNames } from './json-ld';
import { metaMap, metaValue } from './meta-tags';
import { scanSignals } from './scan';
import { measureMainText } from './structure';
import { urlShape, type UrlShape } from './url';

export interface DetectResult {
  isArticle: boolean;
  /** Which signals decided, for tests and debugging. */
  reasons: string[];
}

/** og:type values of pages that are not articles (videos, songs, photos, profiles, products). */
const NON_ARTICLE_OG = /^(video|music|image|photo|profile|book|product|place|restaurant|game)(\.|$)/i;
/** JSON-LD types of pages that are not articles even when they carry an article node inside. */
const NON_ARTICLE_LD = new Set(['VideoObject', 'CollectionPage', 'SearchResultsPage', 'ImageGallery', 'Recipe', 'Product', 'ProfilePage', 'ItemList']);

/** Prose a page needs in one container to read as an article (a short wire story has ~1,000). */
const ARTICLE_TEXT_CHARS = 900;
/** Prose below which a page is a listing or a media page, whatever its metadata says. */
const MIN_ARTICLE_TEXT_CHARS = 400;
/** Paragraphs the main container needs (one long teaser is not an article). */
const MIN_PARAGRAPHS = 3;
/** Share of the page's prose the main container must hold: a front spreads it over cards. */
const MIN_MAIN_SHARE = 0.35;

interface Signals {
  ldArticle: boolean;
  ldNonArticle: boolean;
  ogType: string;
  hasPublishedTime: boolean;
  microdataArticle: boolean;
  url: UrlShape;
}

function readSignals(doc: Document, url: string): Signals {
  const page = scanSignals(doc);
  const nodes = parseJsonLd(page.jsonLd);
  const meta = metaMap(page.metas);
  const microdata = page.microdataArticle;
  return {
    ldArticle: nodes.some(isArticleNode),
    ldNonArticle: nodes.slice(0, 3).some((n) => typeNames(n).some((t) => NON_ARTICLE_LD.has(t))),
    ogType: (metaValue(meta, ['og:type']) ?? '').toLowerCase(),
    hasPublishedTime: Boolean(metaValue(meta, ['article:published_time', 'og:article:published_time'])),
    // An article's own microdata wraps its headline; cards on a front wrap a link each.
    microdataArticle: Boolean(microdata && (microdata.querySelector('[itemprop="articleBody" i]') || microdata.querySelector('h1'))),
    url: urlShape(url),
  };
}

/** Reasons the cheap signals give, positive ("+…") and negative ("-…"). */
function cheapReasons(s: Signals): string[] {
  const reasons: string[] = [];
  if (s.ldArticle) reasons.push('+json-ld article');
  if (s.ogType === 'article') reasons.push('+og:type article');
  if (s.hasPublishedTime) reasons.push('+published time');
  if (s.microdataArticle) reasons.push('+microdata article');
  if (s.url.hasDate || s.url.hasSlug || s.url.hasNumericId) reasons.push('+url shape'); // /2019/05/21/…, /afghans-deported-from-germany-…, /a-48854746
  if (NON_ARTICLE_OG.test(s.ogType)) reasons.push('-og:type ' + s.ogType); // og:type video.other
  if (s.ldNonArticle) reasons.push('-json-ld non-article');
  if (s.url.hasNonArticleSegment) reasons.push('-url media or listing'); // /video/…, /pictures/…, /category/…
  // /politics, /section/celebrity, /: fronts often say og:type article too, so only the page's own
  // schema.org article node (rare on fronts) outweighs a section-shaped URL.
  if (s.url.isSectionLike && !s.ldArticle && !s.microdataArticle) reasons.push('-url section');
  return reasons;
}

/** The cheap check: metadata and URL only, no text analysis. False when nothing suggests an
 * article or something says it is not one; true means "worth the full detection". */
export function isLikelyArticle(doc: Document, url: string): boolean {
  try {
    return cheapVerdict(cheapReasons(readSignals(doc, url)));
  } catch {
    return false;
  }
}

function cheapVerdict(reasons: string[]): boolean {
  return reasons.some((r) => r.startsWith('+')) && !reasons.some((r) => r.startsWith('-'));
}

export function detectArticle(doc: Document, url: string): DetectResult {
  let reasons: string[];
  try {
    reasons = cheapReasons(readSignals(doc, url));
  } catch {
    return { isArticle: false, reasons: ['error'] };
  }
  if (!cheapVerdict(reasons)) return { isArticle: false, reasons };
  const text = measureMainText(doc);
  const share = text.pageChars > 0 ? text.chars / text.pageChars : 0;
  reasons.push(`main text ${text.chars} chars in ${text.paragraphs} paragraphs (${Math.round(share * 100)}%)`);
  if (text.chars < MIN_ARTICLE_TEXT_CHARS) return { isArticle: false, reasons: [...reasons, '-too little prose'] };
  if (text.chars >= ARTICLE_TEXT_CHARS && text.paragraphs >= MIN_PARAGRAPHS && share >= MIN_MAIN_SHARE) {
    return { isArticle: true, reasons: [...reasons, '+main text'] };
  }
  const readerable = safeReaderable(doc);
  reasons.push(readerable ? '+readerable' : '-not readerable');
  // Readability's own test weighs the text of the whole page's blocks; with the metadata and URL
  // already agreeing, it settles pages whose body sits among long related-story teasers.
  return { isArticle: readerable, reasons };
}

function safeReaderable(doc: Document): boolean {
  try {
    return isProbablyReaderable(doc);
  } catch {
    return false;
  }
}
