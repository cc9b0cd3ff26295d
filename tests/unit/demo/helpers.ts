// Small readers for demo pages in tests.
import { parseHTML } from 'linkedom';

export function parsePage(html: string): Document {
  return parseHTML(html).document as unknown as Document;
}

export function metaContent(doc: Document, key: string): string | null {
  return doc.querySelector(`meta[property="${key}"], meta[name="${key}"]`)?.getAttribute('content') ?? null;
}

type Json = Record<string, unknown>;

/** Every JSON-LD object of the page, @graph members flattened. */
export function jsonLdObjects(doc: Document): Json[] {
  const out: Json[] = [];
  for (const script of Array.from(doc.querySelectorAll('script[type="application/ld+json"]'))) {
    const data = JSON.parse(script.textContent ?? '') as Json | Json[];
    for (const item of Array.isArray(data) ? data : [data]) {
      if (Array.isArray(item['@graph'])) out.push(...(item['@graph'] as Json[]));
      else out.push(item);
    }
  }
  return out;
}

export function newsArticleLd(doc: Document): Json | undefined {
  return jsonLdObjects(doc).find((o) => o['@type'] === 'NewsArticle');
}

export const wordCount = (paragraphs: string[]): number => paragraphs.join(' ').split(/\s+/).filter(Boolean).length;
