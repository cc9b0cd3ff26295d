// Loading a saved page the way a browser would: gunzip, then decode by byte-order mark, valid
// UTF-8, or the declared charset, then parse into a DOM. Evaluation never touches the network.
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { parseHTML } from 'linkedom';
import { JSDOM, VirtualConsole } from 'jsdom';

/** How far into the bytes a browser's prescan looks for a declared charset (HTML spec: 1024). */
const CHARSET_PRESCAN_BYTES = 4096;

/** Reads a page file (gzip or plain) and returns its text. */
export function readPage(path: string): string {
  const raw = readFileSync(path);
  const bytes = raw[0] === 0x1f && raw[1] === 0x8b ? gunzipSync(raw) : raw;
  return decodeHtml(bytes);
}

/** Decodes HTML bytes: BOM first; valid UTF-8 wins over a legacy declaration (63 pages lie). */
export function decodeHtml(bytes: Uint8Array): string {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return new TextDecoder('utf-8').decode(bytes.subarray(3));
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes.subarray(2));
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder(declaredCharset(bytes)).decode(bytes);
  }
}

function declaredCharset(bytes: Uint8Array): string {
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, CHARSET_PRESCAN_BYTES));
  const match = /<meta[^>]+charset\s*=\s*["']?\s*([\w.:-]+)/i.exec(head);
  const label = match?.[1]?.toLowerCase();
  if (label) {
    try {
      new TextDecoder(label);
      return label;
    } catch {
      // unknown label: fall through to the browser default
    }
  }
  return 'windows-1252';
}

/** Pages saved with two <html> or <body> start tags (outside scripts and comments), which
 * linkedom misplaces (EVAL.md probe). */
export function hasDuplicateRoot(html: string): boolean {
  const markup = html.replace(/<script\b[\s\S]*?<\/script>/gi, '').replace(/<!--[\s\S]*?-->/g, '');
  return count(markup, /<html[\s>]/gi) > 1 || count(markup, /<body[\s>]/gi) > 1;
}

/** A body this short on a page this large means linkedom lost the content (seen on pages with
 * markup between </head> and <body>, which browsers move into the body). */
const LOST_BODY_TEXT = 500;
const LOST_BODY_HTML = 5000;

function count(text: string, pattern: RegExp): number {
  return (text.match(pattern) ?? []).length;
}

export type DomLibrary = 'linkedom' | 'jsdom';

/**
 * Parses with linkedom (about 10× faster than jsdom here and in agreement with it on 97% of
 * pages); pages with a duplicate <html>/<body>, and pages whose body linkedom left empty, go to
 * jsdom, which builds them as browsers do.
 */
export function parsePage(html: string, url: string, library?: DomLibrary): { doc: Document; library: DomLibrary } {
  const chosen = library ?? (hasDuplicateRoot(html) ? 'jsdom' : 'linkedom');
  if (chosen === 'jsdom') {
    const doc = parseWithJsdom(html, url);
    if (doc) return { doc, library: 'jsdom' };
  }
  const doc = parseWithLinkedom(html);
  if (library === undefined && html.length > LOST_BODY_HTML && (doc.body?.textContent ?? '').length < LOST_BODY_TEXT) {
    const fallback = parseWithJsdom(html, url);
    if (fallback && (fallback.body?.textContent ?? '').length > (doc.body?.textContent ?? '').length) return { doc: fallback, library: 'jsdom' };
  }
  return { doc, library: 'linkedom' };
}

export function parseWithLinkedom(html: string): Document {
  return parseHTML(html).document as unknown as Document;
}

/** jsdom without scripts, resources or CSS errors; undefined where it throws (calc() in CSS). */
export function parseWithJsdom(html: string, url: string): Document | undefined {
  try {
    const virtualConsole = new VirtualConsole();
    return new JSDOM(html, { url: safeBase(url), virtualConsole }).window.document;
  } catch {
    return undefined;
  }
}

function safeBase(url: string): string {
  try {
    return new URL(url).href;
  } catch {
    return 'http://localhost/';
  }
}
