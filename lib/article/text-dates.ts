// The last resort for a date: the page's visible text, read in document order from the headline
// on (where datelines sit), then from the top. Bounded: text nodes and characters read are capped.
import { parseDate, type DateParts } from './date-parse';

/** Text nodes read: datelines come early; hostile pages have millions. */
const MAX_TEXT_NODES = 4000;
/** Characters of one text node tried as a date. */
const MAX_NODE_CHARS = 300;
const SKIP = /^(SCRIPT|STYLE|NOSCRIPT|TEMPLATE|SVG|SELECT|OPTION)$/;

export function scanTextDates(doc: Document, dayFirst: boolean, accept: (p: DateParts) => boolean): DateParts | undefined {
  const root = doc.body ?? doc.documentElement;
  if (!root) return undefined;
  const { texts, headlineAt } = collectTexts(root);
  const order = [...texts.slice(headlineAt), ...texts.slice(0, headlineAt)];
  for (const text of order) {
    if (!/\d/.test(text)) continue;
    const parts = parseDate(text.slice(0, MAX_NODE_CHARS), dayFirst);
    if (parts && accept(parts)) return parts;
  }
  return undefined;
}

function collectTexts(root: Element): { texts: string[]; headlineAt: number } {
  const texts: string[] = [];
  let headlineAt = -1;
  const stack: Node[] = [root];
  let visited = 0;
  while (stack.length > 0 && texts.length < MAX_TEXT_NODES && visited++ < MAX_TEXT_NODES * 10) {
    const node = stack.pop()!;
    if (node.nodeType === 3) {
      const text = (node.nodeValue ?? '').trim();
      if (text) texts.push(text);
      continue;
    }
    if (node.nodeType !== 1) continue;
    const tag = (node as Element).tagName.toUpperCase();
    if (SKIP.test(tag)) continue;
    if (tag === 'H1' && headlineAt < 0) headlineAt = texts.length;
    const children = node.childNodes;
    for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]);
  }
  return { texts, headlineAt: Math.max(0, headlineAt) };
}
