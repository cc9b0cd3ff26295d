// Placeholder detection until the detection issue lands: JSON-LD or OpenGraph article metadata.
// Signatures are the contract the content script and the eval use.

export interface DetectResult {
  isArticle: boolean;
  /** Which signals decided, for tests and debugging. */
  reasons: string[];
}

const ARTICLE_TYPES = /^(NewsArticle|Article|ReportageNewsArticle|AnalysisNewsArticle|LiveBlogPosting|BlogPosting)$/;

/** The cheap check: metadata only, no layout or text analysis. */
export function isLikelyArticle(doc: Document, _url: string): boolean {
  const ogType = doc.querySelector('meta[property="og:type"]')?.getAttribute('content')?.trim().toLowerCase();
  if (ogType === 'article') return true;
  for (const script of Array.from(doc.querySelectorAll('script[type="application/ld+json"]')).slice(0, 20)) {
    const text = script.textContent ?? '';
    if (text.length > 200_000) continue;
    const match = text.match(/"@type"\s*:\s*"([A-Za-z]+)"/g) ?? [];
    if (match.some((m) => ARTICLE_TYPES.test(m.replace(/.*"([A-Za-z]+)"$/, '$1')))) return true;
  }
  return false;
}

export function detectArticle(doc: Document, url: string): DetectResult {
  const isArticle = isLikelyArticle(doc, url);
  return { isArticle, reasons: isArticle ? ['metadata'] : [] };
}
