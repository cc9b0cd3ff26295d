// The page's elements that detection and extraction read (JSON-LD blocks, meta tags, a microdata
// article; for extraction also headlines, <time> and itemprop elements, and the nesting depth),
// gathered in one pass over the elements instead of one query each: the cheap check runs on every
// page the reader allows, so a page that is no article costs one walk.
import { eachElement } from './dom';
import { isJsonLdType, MAX_BLOCKS as MAX_JSON_LD } from './json-ld';
import { MAX_META } from './meta-tags';

export interface PageSignals {
  /** Script elements typed application/ld+json, in document order (at most MAX_JSON_LD). */
  jsonLd: Element[];
  /** Meta elements, in document order (at most MAX_META). */
  metas: Element[];
  /** The first element with itemscope and an itemtype naming an article, as
   * `[itemscope][itemtype*="Article" i]` selects it. */
  microdataArticle: Element | null;
}

export interface PageElements extends PageSignals {
  /** <h1> elements in document order (at most MAX_LISTED). */
  h1s: Element[];
  /** <time> elements in document order (at most MAX_LISTED). */
  times: Element[];
  /** Elements with an itemprop attribute, in document order (at most MAX_ITEMPROPS). */
  itemprops: Element[];
  /** How deep the deepest element sits below <html> (body.ts bounds Readability by it). */
  depth: number;
}

/** Headlines and <time> elements kept: readers look at the first few dozen at most. */
const MAX_LISTED = 200;
/** itemprop elements kept: product and listing pages carry thousands, articles a few dozen. */
const MAX_ITEMPROPS = 5000;

/** What the cheap check needs. */
export function scanSignals(doc: Document): PageSignals {
  const signals: PageSignals = { jsonLd: [], metas: [], microdataArticle: null };
  const root = doc.documentElement;
  if (root) eachElement(root, (el) => void signal(signals, el, el.localName));
  return signals;
}

/** What extraction needs, in the same single pass. */
export function scanPage(doc: Document): PageElements {
  const page: PageElements = { jsonLd: [], metas: [], microdataArticle: null, h1s: [], times: [], itemprops: [], depth: 0 };
  const root = doc.documentElement;
  if (!root) return page;
  eachElement(root, (el, depth) => {
    if (depth > page.depth) page.depth = depth;
    const name = el.localName;
    if (signal(page, el, name)) return;
    if (name === 'h1') {
      if (page.h1s.length < MAX_LISTED) page.h1s.push(el);
    } else if (name === 'time' && page.times.length < MAX_LISTED) page.times.push(el);
    if (page.itemprops.length < MAX_ITEMPROPS && el.hasAttribute('itemprop')) page.itemprops.push(el);
  });
  return page;
}

/** Records a meta, JSON-LD or microdata article element; true when nothing else is to be had
 * from the element (a script). */
function signal(signals: PageSignals, el: Element, name: string): boolean {
  if (name === 'script') {
    if (signals.jsonLd.length < MAX_JSON_LD && isJsonLdType(el.getAttribute('type'))) signals.jsonLd.push(el);
    return true;
  }
  if (name === 'meta' && signals.metas.length < MAX_META) signals.metas.push(el);
  if (!signals.microdataArticle && el.hasAttribute('itemscope')) {
    const type = el.getAttribute('itemtype');
    if (type && type.toLowerCase().includes('article')) signals.microdataArticle = el;
  }
  return false;
}
