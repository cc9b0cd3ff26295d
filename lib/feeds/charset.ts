// Bytes → text for feeds (and the article pages fetched for full text). The charset comes from,
// in order: a byte-order mark, the Content-Type header, the XML declaration, or, in an HTML page,
// its <meta charset> / <meta http-equiv="Content-Type">. A declared single-byte legacy charset (windows-1252, ISO-8859-x)
// loses to UTF-8 when the bytes are valid UTF-8 with non-ASCII in them: servers often keep a
// stale default header (../shared/EVAL.md found 63 such pages), while real windows-1252 text
// almost never forms valid multi-byte UTF-8 sequences.

const SINGLE_BYTE_LEGACY = /^(?:windows-125\d|cp125\d|iso-?8859-\d+|latin-?1|us-ascii|ascii)$/i;

export function charsetFromContentType(contentType: string | null | undefined): string | undefined {
  const match = /;\s*charset\s*=\s*"?([^";\s]+)"?/i.exec(contentType ?? '');
  return match?.[1].toLowerCase();
}

function charsetFromXmlDeclaration(bytes: Uint8Array): string | undefined {
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 1024));
  return /^\s*<\?xml[^>]*\bencoding\s*=\s*["']([A-Za-z0-9._-]+)["']/.exec(head)?.[1].toLowerCase();
}

/** An HTML document's start: a doctype or <html>, <head> or <meta>, after comments and whitespace. */
const HTML_START = /^\s*(?:<!--[\s\S]*?-->\s*)*<(?:!doctype\s+html|html|head|meta)\b/i;

/**
 * The charset an HTML page declares in its first 1024 bytes (where the HTML standard's prescan
 * looks), for pages whose header names none. XML (feeds) is never read this way: a feed's text
 * may quote markup, and its own declaration is the XML one.
 */
function charsetFromHtmlMeta(bytes: Uint8Array): string | undefined {
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 1024));
  if (!HTML_START.test(head)) return undefined;
  const label = /<meta\b[^>]*?\bcharset\s*=\s*["']?\s*([A-Za-z0-9._:-]+)/i.exec(head)?.[1].toLowerCase();
  // The standard reads a UTF-16 label in a meta as UTF-8 (the bytes it was found in are ASCII).
  return label?.startsWith('utf-16') ? 'utf-8' : label;
}

function bomCharset(bytes: Uint8Array): string | undefined {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return 'utf-8';
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  return undefined;
}

function isValidUtf8WithNonAscii(bytes: Uint8Array): boolean {
  if (!bytes.some((byte) => byte >= 0x80)) return false;
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}

/**
 * windows-1252's 0x80–0x9F block (WHATWG Encoding: the labels latin1, iso-8859-1 and ascii all
 * mean windows-1252). Decoded by hand because Node 20's TextDecoder('windows-1252') returns C1
 * control characters there (ISO-8859-1), silently dropping “quotes”, dashes and €.
 */
const WINDOWS_1252_HIGH = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ';
const WINDOWS_1252_LABELS = /^(?:windows-1252|cp1252|x-cp1252|latin-?1|iso-?8859-1|iso_8859-1|l1|ascii|us-ascii|ansi_x3\.4-1968|cp819|ibm819)$/i;

function decodeWindows1252(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 8192) {
    const chunk = bytes.subarray(i, i + 8192);
    const chars = new Array<string>(chunk.length);
    for (let j = 0; j < chunk.length; j++) {
      const byte = chunk[j];
      chars[j] = byte >= 0x80 && byte <= 0x9f ? WINDOWS_1252_HIGH[byte - 0x80] : String.fromCharCode(byte);
    }
    out += chars.join('');
  }
  return out;
}

function decoderFor(label: string): TextDecoder {
  try {
    return new TextDecoder(label);
  } catch {
    return new TextDecoder('utf-8'); // unknown label: UTF-8 with replacement characters
  }
}

/** Decodes a feed body; returns the text and the charset actually used. */
export function decodeFeedBytes(bytes: Uint8Array, contentType?: string | null): { text: string; charset: string } {
  const bom = bomCharset(bytes);
  let charset = bom ?? charsetFromContentType(contentType) ?? charsetFromXmlDeclaration(bytes) ?? charsetFromHtmlMeta(bytes) ?? 'utf-8';
  if (!bom && SINGLE_BYTE_LEGACY.test(charset) && isValidUtf8WithNonAscii(bytes)) charset = 'utf-8';
  if (WINDOWS_1252_LABELS.test(charset)) return { text: decodeWindows1252(bytes), charset: 'windows-1252' };
  const decoder = decoderFor(charset);
  return { text: decoder.decode(bytes), charset: decoder.encoding };
}
