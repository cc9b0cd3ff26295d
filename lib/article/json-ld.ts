// Reading JSON-LD defensively: pages carry thousands of blocks, malformed JSON, megabyte blobs and
// values of the wrong type. Everything here is bounded and never throws.

export type JsonObject = Record<string, unknown>;

/** Blocks read per page: real pages carry a handful; thousands are hostile or broken. */
export const MAX_BLOCKS = 40;
/** Characters per block: article JSON-LD is a few KB; megabyte blocks are feeds or state dumps. */
const MAX_BLOCK_CHARS = 300_000;
/** Typed nodes collected over all blocks. */
const MAX_NODES = 400;
/** Nesting followed when looking for typed nodes (@graph → item → mainEntity → ...). */
const MAX_DEPTH = 6;

export const ARTICLE_TYPES = new Set([
  'Article', 'NewsArticle', 'ReportageNewsArticle', 'AnalysisNewsArticle', 'OpinionNewsArticle',
  'BackgroundNewsArticle', 'ReviewNewsArticle', 'AskPublicNewsArticle', 'LiveBlogPosting',
  'BlogPosting', 'SatiricalArticle', 'Report',
]);

/** Script elements examined for a JSON-LD type: real pages carry a few hundred at most. */
const MAX_SCRIPTS = 5000;

/** Every typed object of the page's JSON-LD, in document order, bounded. */
export function readJsonLd(doc: Document): JsonObject[] {
  return parseJsonLd(jsonLdScripts(doc));
}

/** The page's JSON-LD blocks: script elements typed application/ld+json (any case), as
 * `script[type="application/ld+json" i]` selects them, without a selector engine's cost. */
export function jsonLdScripts(doc: Document): Element[] {
  const out: Element[] = [];
  const scripts = doc.getElementsByTagName('script');
  for (let i = 0; i < scripts.length && i < MAX_SCRIPTS && out.length < MAX_BLOCKS; i++) {
    if (isJsonLdType(scripts[i].getAttribute('type'))) out.push(scripts[i]);
  }
  return out;
}

export function isJsonLdType(type: string | null): boolean {
  return type !== null && type.length === 19 && type.toLowerCase() === 'application/ld+json';
}

/** Typed objects of the given JSON-LD script elements, bounded. */
export function parseJsonLd(scripts: ArrayLike<Element>): JsonObject[] {
  const nodes: JsonObject[] = [];
  const count = Math.min(scripts.length, MAX_BLOCKS);
  for (let i = 0; i < count && nodes.length < MAX_NODES; i++) {
    const text = scripts[i].textContent ?? '';
    if (text.length === 0 || text.length > MAX_BLOCK_CHARS) continue;
    collect(parseLoose(text), nodes, 0);
  }
  return nodes;
}

function parseLoose(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    // Common breakage: raw newlines or tabs inside strings, trailing semicolons.
    try {
      return JSON.parse(text.replace(/[\n\r\t]+/g, ' ').trim().replace(/;+$/, ''));
    } catch {
      return undefined;
    }
  }
}

function collect(value: unknown, out: JsonObject[], depth: number): void {
  if (depth > MAX_DEPTH || out.length >= MAX_NODES || value === null || typeof value !== 'object') return;
  if (Array.isArray(value)) {
    for (const item of value.slice(0, MAX_NODES)) collect(item, out, depth + 1);
    return;
  }
  const node = value as JsonObject;
  if (typeNames(node).length > 0) out.push(node);
  if (Array.isArray(node['@graph'])) collect(node['@graph'], out, depth + 1);
  for (const key of ['mainEntity', 'mainEntityOfPage', 'itemListElement', 'hasPart']) {
    const child = node[key];
    if (child && typeof child === 'object') collect(child, out, depth + 1);
  }
}

/** `@type` as a list of bare names: "NewsArticle", ["NewsArticle"], "schema:NewsArticle". */
export function typeNames(node: JsonObject): string[] {
  const raw = node['@type'];
  const list = Array.isArray(raw) ? raw : [raw];
  return list.filter((t): t is string => typeof t === 'string').map((t) => t.replace(/^.*[/:#]/, '')).slice(0, 10);
}

export function isArticleNode(node: JsonObject): boolean {
  return typeNames(node).some((t) => ARTICLE_TYPES.has(t));
}

/** The page's own article node: the first article-typed node that has a headline, else the first. */
export function findArticleNode(nodes: JsonObject[]): JsonObject | undefined {
  const articles = nodes.filter(isArticleNode);
  return articles.find((n) => firstString(n.headline) || firstString(n.name)) ?? articles[0];
}

/** The first string in a value that may be a string, a list, or an object with name/@value. */
export function firstString(value: unknown, depth = 0): string | undefined {
  if (depth > 3) return undefined;
  if (typeof value === 'string') return value.trim() || undefined;
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  if (Array.isArray(value)) {
    for (const item of value.slice(0, 20)) {
      const found = firstString(item, depth + 1);
      if (found) return found;
    }
    return undefined;
  }
  if (value && typeof value === 'object') {
    const obj = value as JsonObject;
    return firstString(obj.name ?? obj['@value'], depth + 1);
  }
  return undefined;
}

/** Every string in such a value (authors, keywords), bounded. */
export function allStrings(value: unknown, limit: number): string[] {
  const list = Array.isArray(value) ? value.slice(0, limit) : [value];
  return list.map((item) => firstString(item)).filter((s): s is string => Boolean(s));
}
