// Placeholder extraction until the detection issue lands: metadata and <p> text only.
import { clip, LIMITS, safeHttpUrl } from '../limits';
import type { ArticleInput } from '../types';

function meta(doc: Document, selector: string): string | undefined {
  return doc.querySelector(selector)?.getAttribute('content')?.trim() || undefined;
}

/** Extracts the article from a document; never changes the document it is given. */
export function extractArticle(doc: Document, url: string): ArticleInput | undefined {
  const pageUrl = safeHttpUrl(url);
  if (!pageUrl) return undefined;
  const title = clip(meta(doc, 'meta[property="og:title"]') ?? doc.title ?? '', LIMITS.title).trim();
  if (!title) return undefined;
  const paragraphs = Array.from(doc.querySelectorAll('article p'))
    .map((p) => clip((p.textContent ?? '').replace(/\s+/g, ' ').trim(), LIMITS.paragraph))
    .filter((p) => p.length > 0)
    .slice(0, LIMITS.paragraphs);
  const canonical = safeHttpUrl(doc.querySelector('link[rel="canonical"]')?.getAttribute('href') ?? '');
  const published = meta(doc, 'meta[property="article:published_time"]');
  return {
    url: pageUrl,
    canonicalUrl: canonical,
    title,
    dek: meta(doc, 'meta[name="description"]'),
    bylines: [],
    published,
    language: doc.documentElement.getAttribute('lang') ?? undefined,
    tags: [],
    siteName: meta(doc, 'meta[property="og:site_name"]'),
    paragraphs,
    quotes: [],
    entities: { people: [], places: [], organisations: [] },
    wordCount: paragraphs.join(' ').split(/\s+/).filter(Boolean).length,
    source: 'visit',
  };
}
