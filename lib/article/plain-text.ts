// Turning untrusted strings (JSON-LD values, meta contents, element text) into bounded plain text.
// No DOM is used: creating elements from page strings on the live document could run handlers.
import { clip } from '../limits';

/** How much raw input a field may bring before cleaning, as a multiple of its limit: markup and
 * entities shrink on cleaning, and the cap bounds the regex work on hostile strings. */
const RAW_INPUT_FACTOR = 8;
const RAW_INPUT_MIN = 4096;

const NAMED_ENTITIES: Record<string, string> = {
  amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ', ndash: '–', mdash: '—', hellip: '…',
  lsquo: '‘', rsquo: '’', ldquo: '“', rdquo: '”', laquo: '«', raquo: '»', middot: '·', bull: '•',
  copy: '©', reg: '®', trade: '™', euro: '€', pound: '£', eacute: 'é', egrave: 'è', aacute: 'á',
  agrave: 'à', iacute: 'í', oacute: 'ó', uacute: 'ú', ntilde: 'ñ', ccedil: 'ç', auml: 'ä', ouml: 'ö',
  uuml: 'ü', Auml: 'Ä', Ouml: 'Ö', Uuml: 'Ü', szlig: 'ß', ecirc: 'ê', acirc: 'â', ocirc: 'ô',
};

export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]{1,6}|#\d{1,7}|[a-z]{2,8});/gi, (whole, body: string) => {
    if (body[0] === '#') {
      const code = body[1] === 'x' || body[1] === 'X' ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
      return code > 0 && code <= 0x10ffff && (code < 0xd800 || code > 0xdfff) ? String.fromCodePoint(code) : ' ';
    }
    return NAMED_ENTITIES[body] ?? whole;
  });
}

/** Collapses white space (including no-break and zero-width spaces) and trims. */
export function collapseSpace(text: string): string {
  return text.replace(/[\s\u00a0\u200b\u2028\u2029\ufeff]+/g, ' ').trim();
}

/** Tag-like runs ("<b>", "</a>", "<!-- -->", "<img src=x onerror=...>"), bounded in length. */
const TAG = /<\/?[a-z!?][^<>]{0,2000}>/gi;

/** Plain text from an untrusted value: strings only, markup removed, entities decoded, bounded. */
export function toPlainText(value: unknown, max: number, decode = true): string {
  if (typeof value !== 'string' || value.length === 0) return '';
  const limit = Math.max(RAW_INPUT_MIN, max * RAW_INPUT_FACTOR);
  const raw = value.length > limit ? value.slice(0, limit) : value;
  const withoutTags = raw.includes('<') ? raw.replace(TAG, ' ') : raw;
  const decoded = decode && withoutTags.includes('&') ? decodeEntities(withoutTags) : withoutTags;
  // Entities may have spelled markup ("&lt;b&gt;"): remove what decoding revealed.
  const plain = decoded.includes('<') ? decoded.replace(TAG, ' ') : decoded;
  return clip(collapseSpace(plain), max).trim();
}

/** Text of an element (already decoded by the DOM), tag-like runs removed, bounded by `max`. */
export function elementText(el: Element | null | undefined, max: number): string {
  if (!el) return '';
  return toPlainText(el.textContent ?? '', max, false);
}
