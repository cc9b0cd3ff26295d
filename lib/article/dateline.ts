// The visible dateline: the text of elements whose class or id says date, time, byline or meta,
// near the top of the page. The least trusted date source: it decides when nothing else gave a
// date, and otherwise only votes (dates.ts, byConsensus).
import { classMatches, closestWhere, eachElement } from './dom';

/** Class or id words of a date or byline area. One regex over one [class],[id] pass is several
 * times faster than eight substring selectors in DOM libraries without a native engine. */
const DATELINE_NAME = /date|time|byline|publish|posted|meta|info/i;
/** Elements with a class or id examined, at most. */
const MAX_NAMED_ELEMENTS = 20_000;
/** Candidate elements read: datelines sit in the first few of them. */
const MAX_DATELINE_ELEMENTS = 60;
/** Text length of an element that can be a dateline rather than a whole section. */
const MAX_DATELINE_CHARS = 200;

/** Dateline texts, those after the headline first: a date above the headline is more often the
 * site's "today" banner or the clock than the story's dateline. `headline` is the page's first
 * h1 (found here when not given). */
export function findDateline(doc: Document, headline: Element | null = doc.querySelector('h1')): string[] {
  const texts = datelineTexts(doc);
  if (!headline) return texts.map(([, text]) => text);
  const after = texts.filter(([el]) => headline.compareDocumentPosition(el) & FOLLOWING);
  const before = texts.filter(([el]) => !(headline.compareDocumentPosition(el) & FOLLOWING));
  return [...after, ...before].map(([, text]) => text);
}

/** Node.DOCUMENT_POSITION_FOLLOWING (a constant; no Node global is needed). */
const FOLLOWING = 4;

const OUTSIDE = new Set(['aside', 'nav', 'footer']);
const OUTSIDE_CLASS = /related|comment/i;

/** As closest('aside, nav, footer, [class*="related" i], [class*="comment" i]'). */
function inAsideOrComments(el: Element): boolean {
  return closestWhere(el, (a) => OUTSIDE.has(a.localName) || classMatches(a, OUTSIDE_CLASS)) !== null;
}

/** Elements with a class or id (as `[class], [id]` selects them, in document order) whose names
 * say date or byline, and whose short text has a digit. */
function datelineTexts(doc: Document): Array<[Element, string]> {
  const out: Array<[Element, string]> = [];
  const root = doc.documentElement;
  if (!root) return out;
  let named = 0;
  let seen = 0;
  eachElement(root, (el) => {
    const cls = el.getAttribute('class');
    const id = el.getAttribute('id');
    if (cls === null && id === null) return false;
    if (named++ >= MAX_NAMED_ELEMENTS) return true;
    // Tested apart: no name word spans the space that would join them.
    if (!(cls !== null && DATELINE_NAME.test(cls)) && !(id !== null && DATELINE_NAME.test(id))) return false;
    if (seen++ >= MAX_DATELINE_ELEMENTS * 4 || out.length >= MAX_DATELINE_ELEMENTS) return true;
    if (inAsideOrComments(el)) return false;
    const text = el.textContent ?? '';
    if (text.length === 0 || text.length > MAX_DATELINE_CHARS) return false;
    if (/\d/.test(text)) out.push([el, text]);
    return false;
  });
  return out;
}
