// The body as paragraphs: Readability on a clone of the document, its content walked into block
// paragraphs, then cleaned of leftovers (share prompts, ad labels, credits, related-link lists).
import { Readability } from '@mozilla/readability';
import { clip, LIMITS } from '../limits';
import { collapseSpace } from './plain-text';
import { cleanParagraphs } from './body-clean';

export interface Body {
  paragraphs: string[];
  /** Readability's own title and byline, used when the page states nothing better. */
  title?: string;
  byline?: string;
  excerpt?: string;
}

/** Elements Readability scores: its default (0 = no limit) lets a hostile page run for seconds. */
const MAX_ELEMS_TO_PARSE = 60_000;

const BLOCK = new Set([
  'p', 'div', 'section', 'article', 'blockquote', 'pre', 'ul', 'ol', 'li', 'dl', 'dt', 'dd', 'table',
  'tr', 'td', 'th', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'figure', 'figcaption', 'header', 'footer',
  'main', 'aside', 'hr', 'address', 'details', 'summary', 'caption',
]);

/** Nesting beyond which Readability's ancestor walks turn quadratic (a 10,000-deep page took
 * seconds); browsers' parsers cap real pages far below it, so only hostile pages fall back. */
const MAX_READABILITY_DEPTH = 500;

/** Runs Readability on a clone; the document given is never changed. */
export function extractBody(doc: Document): Body {
  if (exceedsDepth(doc, MAX_READABILITY_DEPTH)) return { paragraphs: plainParagraphs(doc) };
  let parsed: ReturnType<Readability<Element>['parse']> = null;
  try {
    const clone = doc.cloneNode(true) as Document;
    parsed = new Readability<Element>(clone, {
      serializer: (el) => el as Element,
      maxElemsToParse: MAX_ELEMS_TO_PARSE,
      // Classes stay so captions and credits can be told from prose below.
      keepClasses: true,
      // JSON-LD is read once by json-ld.ts, bounded; Readability's own pass parses every block.
      disableJSONLD: true,
    }).parse();
  } catch {
    parsed = null;
  }
  const root = parsed?.content;
  if (root) removeNonProse(root);
  const paragraphs = root ? cleanParagraphs(blockTexts(root)) : [];
  return {
    paragraphs: paragraphs.slice(0, LIMITS.paragraphs).map((p) => clip(p, LIMITS.paragraph)),
    title: parsed?.title ?? undefined,
    byline: parsed?.byline ?? undefined,
    excerpt: parsed?.excerpt ?? undefined,
  };
}

/** Whether any element is nested deeper than `limit`; iterative, stops at the first such. */
export function exceedsDepth(doc: Document, limit: number): boolean {
  const root = doc.documentElement;
  if (!root) return false;
  const stack: Array<[Element, number]> = [[root, 0]];
  while (stack.length > 0) {
    const [el, depth] = stack.pop()!;
    if (depth > limit) return true;
    const children = el.children;
    for (let i = 0; i < children.length; i++) stack.push([children[i], depth + 1]);
  }
  return false;
}

/** The text of the page's <p> elements: the fallback where Readability cannot run safely. */
function plainParagraphs(doc: Document): string[] {
  const ps = doc.getElementsByTagName('p');
  const out: string[] = [];
  for (let i = 0; i < ps.length && out.length < LIMITS.paragraphs; i++) {
    const text = clip(collapseSpace(ps[i].textContent ?? ''), LIMITS.paragraph);
    if (text) out.push(text);
  }
  return cleanParagraphs(out);
}

/** Captions, credits and link lists that Readability keeps with the article (readers see them
 * beside images, not as the story's text). Runs on Readability's output, a detached clone. */
const NON_PROSE = 'figcaption, [class*="caption" i], [class*="credit" i], [class*="byline" i], [class*="timestamp" i], [class*="related" i], [class*="share" i], [class*="social" i], [class*="newsletter" i], [class*="promo" i], [class*="advert" i], [class*="tags" i]';

function removeNonProse(root: Element): void {
  for (const el of Array.from(root.querySelectorAll(NON_PROSE))) {
    // Readability's own wrappers and the body's containers are never removed.
    if (el.querySelectorAll('p').length > 2) continue;
    el.remove();
  }
}

/** Text of each block in document order; iterative, so deep nesting cannot overflow the stack. */
export function blockTexts(root: Node): string[] {
  const out: string[] = [];
  let buffer = '';
  const flush = () => {
    const text = collapseSpace(buffer);
    if (text) out.push(text);
    buffer = '';
  };
  const stack: Array<Node | 'flush'> = [root];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node === 'flush') {
      flush();
      continue;
    }
    if (node.nodeType === 3) {
      buffer += node.nodeValue ?? '';
      continue;
    }
    if (node.nodeType !== 1) continue;
    const tag = (node as Element).tagName.toLowerCase();
    if (tag === 'script' || tag === 'style' || tag === 'noscript' || tag === 'template') continue;
    if (tag === 'br') {
      buffer += ' ';
      continue;
    }
    const block = BLOCK.has(tag);
    if (block) {
      flush();
      stack.push('flush');
    }
    const children = node.childNodes;
    for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]);
  }
  flush();
  return out;
}
