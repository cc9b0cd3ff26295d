// The body as paragraphs: Readability on a clone of the document, its content walked into block
// paragraphs, then cleaned of leftovers (share prompts, ad labels, credits, related-link lists).
import { Readability } from '@mozilla/readability';
import { clip, LIMITS } from '../limits';
import { collapseSpace } from './plain-text';
import { cleanParagraphs } from './body-clean';
import { classMatches, eachElement } from './dom';

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

/** Runs Readability on a clone; the document given is never changed. `depth`, when the caller
 * has measured it (scan.ts), is how deep the page's deepest element sits below <html>. */
export function extractBody(doc: Document, depth?: number): Body {
  const tooDeep = depth === undefined ? exceedsDepth(doc, MAX_READABILITY_DEPTH) : depth > MAX_READABILITY_DEPTH;
  if (tooDeep) return { paragraphs: plainParagraphs(doc) };
  let parsed: ReturnType<Readability<Element>['parse']> = null;
  try {
    parsed = new Readability<Element>(readableCopy(doc), {
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

/** Head elements Readability reads: the title and the metadata (its byline and excerpt). */
const HEAD_KEPT = new Set(['title', 'meta']);

/**
 * What Readability needs of the page, copied: the <body>, and the head's <title> and <meta>
 * elements. Readability takes the article from the body only; the head's scripts, styles and links
 * (a large share of a news page's nodes) would be copied only for it to delete them. Falls back to
 * a full clone where the page has no ordinary <html><head><body> shape.
 */
export function readableCopy(doc: Document): Document {
  const html = doc.documentElement;
  const body = doc.body;
  if (!html || !body || body.parentNode !== html || body.localName !== 'body') return doc.cloneNode(true) as Document;
  const copy = doc.cloneNode(false) as Document;
  const root = copy.importNode(html, false);
  copy.appendChild(root);
  const head = copy.createElement('head');
  root.appendChild(head);
  for (let el = doc.head?.firstElementChild ?? null; el; el = el.nextElementSibling) {
    if (HEAD_KEPT.has(el.localName)) head.appendChild(copy.importNode(el, true));
  }
  root.appendChild(copy.importNode(body, true));
  return copy;
}

/** Whether any element is nested deeper than `limit` below <html>; stops at the first such. */
export function exceedsDepth(doc: Document, limit: number): boolean {
  const root = doc.documentElement;
  let deep = false;
  if (root) eachElement(root, (_el, depth) => (deep = depth > limit));
  return deep;
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
 * beside images, not as the story's text). Runs on Readability's output, a detached clone. As the
 * selector `figcaption, [class*="caption" i], [class*="credit" i], …` for each class word. */
const NON_PROSE_CLASS = /caption|credit|byline|timestamp|related|share|social|newsletter|promo|advert|tags/i;

function removeNonProse(root: Element): void {
  const found: Element[] = [];
  eachElement(root, (el) => {
    // Descendants only, as root.querySelectorAll selects them.
    if (el !== root && (el.localName === 'figcaption' || classMatches(el, NON_PROSE_CLASS))) found.push(el);
  });
  for (const el of found) {
    // Readability's own wrappers and the body's containers are never removed.
    if (el.getElementsByTagName('p').length > 2) continue;
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
