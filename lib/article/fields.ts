// The smaller fields: outlet name, dek, bylines, language, section, tags. Each reads JSON-LD first,
// then meta tags, then the page; each returns bounded plain text.
import { LIMITS } from '../limits';
import { allStrings, firstString, typeNames, type JsonObject } from './json-ld';
import { metaValue, metaValues, type MetaMap } from './meta-tags';
import { collapseSpace, elementText, toPlainText } from './plain-text';
import { classMatches, closestWhere, eachElement } from './dom';

export function findSiteName(article: JsonObject | undefined, meta: MetaMap, nodes: JsonObject[]): string | undefined {
  const organisation = nodes.find((n) => typeNames(n).some((t) => t === 'NewsMediaOrganization' || t === 'Organization'));
  const raw = [
    metaValue(meta, ['og:site_name']),
    firstString(article?.publisher),
    metaValue(meta, ['application-name', 'publisher', 'dc.publisher', 'twitter:site']),
    firstString(organisation?.name),
  ];
  for (const value of raw) {
    const text = toPlainText(value, LIMITS.siteName).replace(/^@/, '');
    if (text) return text;
  }
  return undefined;
}

export function findDek(article: JsonObject | undefined, meta: MetaMap, excerpt: string | undefined): string {
  const raw = [firstString(article?.description), metaValue(meta, ['og:description', 'description', 'twitter:description', 'dc.description']), excerpt];
  for (const value of raw) {
    const text = toPlainText(value, LIMITS.dek);
    if (text) return text;
  }
  return '';
}

/** Names that are outlets or roles, not people: dropped from bylines. */
const NOT_A_NAME = /^(by|and|staff|admin|editor|editors|the associated press|associated press|reuters|afp|ap|cnn|bbc( news)?|news desk|web desk|newsroom)$/i;

export function findBylines(doc: Document, article: JsonObject | undefined, meta: MetaMap, readabilityByline: string | undefined): string[] {
  const fromLd = allStrings(article?.author, LIMITS.bylines);
  const fromMeta = metaValues(meta, ['author', 'article:author', 'dc.creator', 'parsely-author', 'sailthru.author']).filter((v) => !/^https?:/i.test(v));
  // The page's own byline markup is read only when the metadata names no one.
  const fromPage = () => bylineElements(doc).map((el) => elementText(el, LIMITS.byline));
  const source = fromLd.length > 0 ? fromLd : fromMeta.length > 0 ? fromMeta : [...fromPage(), ...(readabilityByline ? [readabilityByline] : [])].slice(0, LIMITS.bylines);
  const names = source
    .flatMap((v) => v.split(/\s*(?:,|;|\band\b|&|\bund\b|\bet\b|\by\b)\s*/i))
    .map((v) => toPlainText(v, LIMITS.byline).replace(/^(by|von|par|por|di)\s+/i, '').trim())
    .filter((v) => v.length > 1 && !NOT_A_NAME.test(v));
  return [...new Set(names)].slice(0, LIMITS.bylines);
}

/** Byline markup in document order, as `[rel="author"], [itemprop="author"] [itemprop="name"],
 * [class*="byline" i] [class*="name" i]` selects it, the first LIMITS.bylines. */
function bylineElements(doc: Document): Element[] {
  const out: Element[] = [];
  const root = doc.documentElement;
  if (!root) return out;
  eachElement(root, (el) => {
    const rel = el.getAttribute('rel');
    const isByline =
      (rel !== null && rel.toLowerCase() === 'author') ||
      (el.getAttribute('itemprop') === 'name' && hasAncestor(el, (a) => a.getAttribute('itemprop') === 'author')) ||
      (classMatches(el, /name/i) && hasAncestor(el, (a) => classMatches(a, /byline/i)));
    if (isByline) out.push(el);
    return out.length >= LIMITS.bylines;
  });
  return out;
}

function hasAncestor(el: Element, test: (el: Element) => boolean): boolean {
  return el.parentElement !== null && closestWhere(el.parentElement, test) !== null;
}

/** BCP 47-like tags only ("en", "pt-BR"); "en_GB" becomes "en-GB". */
export function findLanguage(doc: Document, meta: MetaMap, article: JsonObject | undefined): string | undefined {
  const raw = [
    doc.documentElement?.getAttribute('lang'), firstString(article?.inLanguage),
    metaValue(meta, ['og:locale', 'language', 'content-language', 'dc.language']),
  ];
  for (const value of raw) {
    const tag = collapseSpace(value ?? '').replace(/_/g, '-');
    if (/^[a-z]{2,3}(-[a-z0-9]{2,8}){0,3}$/i.test(tag)) return tag.slice(0, LIMITS.language);
  }
  return undefined;
}

export function findSection(article: JsonObject | undefined, meta: MetaMap): string {
  return toPlainText(firstString(article?.articleSection) ?? metaValue(meta, ['article:section', 'section', 'parsely-section', 'sailthru.section']), LIMITS.section);
}

export function findTags(article: JsonObject | undefined, meta: MetaMap): string[] {
  const ld = article?.keywords;
  const list = typeof ld === 'string' ? ld.split(',') : allStrings(ld, LIMITS.tags * 2);
  const fromMeta = metaValues(meta, ['article:tag', 'news_keywords', 'keywords', 'parsely-tags']).flatMap((v) => v.split(','));
  const tags = (list.length > 0 ? list : fromMeta).map((t) => toPlainText(t, LIMITS.tag)).filter((t) => t.length > 0);
  return [...new Set(tags)].slice(0, LIMITS.tags);
}
