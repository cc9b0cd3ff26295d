// The page's main text block, measured cheaply: paragraphs of prose grouped by their container.
// An article has one container holding most of its prose; a section front spreads short teasers
// over many cards.

/** Paragraph elements examined: enough for the longest article, bounded for hostile pages. */
const MAX_PARAGRAPHS = 2000;
/** Characters a <p> needs to count as prose rather than a label or teaser line. */
const MIN_PROSE_CHARS = 40;
/** Share of a paragraph's text inside links above which it is navigation, not prose. */
const MAX_LINK_SHARE = 0.5;

export interface TextBlock {
  /** Characters of prose in the best container (its paragraphs and its children's). */
  chars: number;
  /** Prose paragraphs in that container. */
  paragraphs: number;
  /** Prose characters on the whole page. */
  pageChars: number;
}

export function measureMainText(doc: Document): TextBlock {
  const totals = new Map<Element, { chars: number; paragraphs: number }>();
  let pageChars = 0;
  for (const p of paragraphElements(doc)) {
    const chars = proseLength(p);
    if (chars < MIN_PROSE_CHARS) continue;
    pageChars += chars;
    // Credit the parent and the grandparent: bodies are often split into several wrappers.
    for (let el = p.parentElement, depth = 0; el && depth < 2; el = el.parentElement, depth++) {
      const t = totals.get(el) ?? { chars: 0, paragraphs: 0 };
      t.chars += chars;
      t.paragraphs += 1;
      totals.set(el, t);
    }
  }
  let best = { chars: 0, paragraphs: 0 };
  for (const t of totals.values()) if (t.chars > best.chars) best = t;
  return { ...best, pageChars };
}

/** <p>s, and <div>s without block children: some templates set every paragraph in a div. */
function paragraphElements(doc: Document): Element[] {
  const out: Element[] = Array.from(doc.getElementsByTagName('p')).slice(0, MAX_PARAGRAPHS);
  const divs = doc.getElementsByTagName('div');
  for (let i = 0; i < divs.length && out.length < MAX_PARAGRAPHS * 2; i++) {
    if (!hasBlockChild(divs[i])) out.push(divs[i]);
  }
  return out;
}

const BLOCK_CHILD = /^(P|DIV|UL|OL|TABLE|SECTION|ARTICLE|H[1-6]|BLOCKQUOTE|FIGURE|HEADER|FOOTER|NAV|ASIDE|FORM|LI)$/;

function hasBlockChild(el: Element): boolean {
  const children = el.children;
  for (let i = 0; i < children.length; i++) if (BLOCK_CHILD.test(children[i].tagName.toUpperCase())) return true;
  return false;
}

function proseLength(p: Element): number {
  const text = (p.textContent ?? '').replace(/\s+/g, ' ').trim();
  if (text.length < MIN_PROSE_CHARS) return 0;
  let linkChars = 0;
  const links = p.getElementsByTagName('a');
  for (let i = 0; i < links.length && i < 50; i++) linkChars += (links[i].textContent ?? '').length;
  return linkChars / text.length > MAX_LINK_SHARE ? 0 : text.length;
}
