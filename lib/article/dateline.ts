// The visible dateline: the text of elements whose class or id says date, time, byline or meta,
// near the top of the page. The least trusted date source: it decides when nothing else gave a
// date, and otherwise only votes (dates.ts, byConsensus).

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
 * site's "today" banner or the clock than the story's dateline. */
export function findDateline(doc: Document): string[] {
  const headline = doc.querySelector('h1');
  const texts = datelineTexts(doc);
  if (!headline) return texts.map(([, text]) => text);
  const after = texts.filter(([el]) => headline.compareDocumentPosition(el) & FOLLOWING);
  const before = texts.filter(([el]) => !(headline.compareDocumentPosition(el) & FOLLOWING));
  return [...after, ...before].map(([, text]) => text);
}

/** Node.DOCUMENT_POSITION_FOLLOWING (a constant; no Node global is needed). */
const FOLLOWING = 4;

function datelineTexts(doc: Document): Array<[Element, string]> {
  const out: Array<[Element, string]> = [];
  let seen = 0;
  const named = doc.querySelectorAll('[class], [id]');
  for (let i = 0; i < named.length && i < MAX_NAMED_ELEMENTS; i++) {
    const el = named[i];
    if (!DATELINE_NAME.test(`${el.getAttribute('class') ?? ''} ${el.id ?? ''}`)) continue;
    if (seen++ >= MAX_DATELINE_ELEMENTS * 4 || out.length >= MAX_DATELINE_ELEMENTS) break;
    if (el.closest('aside, nav, footer, [class*="related" i], [class*="comment" i]')) continue;
    const text = el.textContent ?? '';
    if (text.length === 0 || text.length > MAX_DATELINE_CHARS) continue;
    if (/\d/.test(text)) out.push([el, text]);
  }
  return out;
}
