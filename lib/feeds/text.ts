// Markup to plain text without a DOM (feeds are parsed in the MV3 service worker, which has no
// DOMParser). Feed titles and summaries arrive as escaped HTML, sometimes escaped twice; scripts
// and styles are dropped with their content, tags are removed, entities are decoded once more.

/** Named entities that occur in news feeds; the rest stay as written (never guessed). */
const NAMED_ENTITIES: Readonly<Record<string, string>> = {
  amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ', ndash: '–', mdash: '—',
  hellip: '…', lsquo: '‘', rsquo: '’', sbquo: '‚', ldquo: '“', rdquo: '”', bdquo: '„',
  laquo: '«', raquo: '»', middot: '·', bull: '•', copy: '©', reg: '®', trade: '™', deg: '°',
  euro: '€', pound: '£', yen: '¥', cent: '¢', times: '×', divide: '÷', shy: '', zwnj: '\u200c',
  zwj: '\u200d', eacute: 'é', egrave: 'è', aacute: 'á', agrave: 'à', iacute: 'í', oacute: 'ó',
  uacute: 'ú', ntilde: 'ñ', ccedil: 'ç', uuml: 'ü', ouml: 'ö', auml: 'ä', szlig: 'ß',
  Eacute: 'É', Uuml: 'Ü', Ouml: 'Ö', Auml: 'Ä', acirc: 'â', ecirc: 'ê', ocirc: 'ô', icirc: 'î',
};

/** Block-level tags whose boundaries separate paragraphs. */
const BLOCK_TAG = /<\/?(?:p|div|br|li|ul|ol|h[1-6]|blockquote|section|article|figure|figcaption|table|tr|hr|pre)\b[^>]*>/gi;
/** Elements whose content is never text for a reader. */
const DROPPED_ELEMENTS = /<(script|style|noscript|template|iframe|object|svg|math)\b[^>]*>[\s\S]*?<\/\1\s*>/gi;
const PARAGRAPH_MARK = '\u2029';

function codePointText(code: number): string {
  // Control characters, surrogates and out-of-range values never become text.
  if (!Number.isFinite(code) || code <= 0 || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) return '';
  if (code < 0x20 && code !== 0x09 && code !== 0x0a && code !== 0x0d) return '';
  return String.fromCodePoint(code);
}

/** Decodes numeric and common named character references once. */
export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]{1,6}|#[0-9]{1,7}|[a-z][a-z0-9]{1,31});/gi, (whole, ref: string) => {
    if (ref[0] === '#') return codePointText(ref[1] === 'x' || ref[1] === 'X' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10));
    return NAMED_ENTITIES[ref] ?? whole;
  });
}

function collapse(text: string): string {
  return text.replace(/[\s\u00a0]+/g, ' ').trim();
}

/** Removes markup; keeps paragraph boundaries as U+2029 for `htmlToParagraphs`. */
function stripTags(html: string): string {
  let text = html.replace(/<!--[\s\S]*?-->/g, ' ').replace(/<!\[CDATA\[([\s\S]*?)\]\]>/g, '$1');
  text = text.replace(DROPPED_ELEMENTS, ' ');
  // An unclosed <script or <style (truncated or malicious input) drops everything after it.
  text = text.replace(/<(script|style)\b[\s\S]*$/i, ' ');
  text = text.replace(BLOCK_TAG, PARAGRAPH_MARK);
  text = text.replace(/<\/?[a-z!?][^<>]*>/gi, ' ');
  return text;
}

/**
 * Plain text of a title or short summary: markup removed, entities decoded, white space collapsed.
 * Runs twice when the first pass reveals more markup (feeds that escape HTML twice).
 */
export function htmlToText(html: string): string {
  let text = collapse(decodeEntities(stripTags(html)).replaceAll(PARAGRAPH_MARK, ' '));
  if (/<[a-z/!][^>]*>/i.test(text)) text = collapse(decodeEntities(stripTags(text)).replaceAll(PARAGRAPH_MARK, ' '));
  return text;
}

/** Plain-text paragraphs of an HTML (or plain) body; blank lines also separate paragraphs. */
export function htmlToParagraphs(html: string): string[] {
  const marked = decodeEntities(stripTags(html)).replace(/\n\s*\n/g, PARAGRAPH_MARK);
  return marked.split(PARAGRAPH_MARK).map((part) => collapse(part.replace(/<\/?[a-z!?][^<>]*>/gi, ' '))).filter(Boolean);
}

/** Number of words, counting runs of letters or digits (Unicode aware). */
export function countWords(paragraphs: readonly string[]): number {
  let count = 0;
  for (const paragraph of paragraphs) count += paragraph.match(/[\p{L}\p{N}]+(?:['’][\p{L}]+)?/gu)?.length ?? 0;
  return count;
}
