import { describe, expect, it } from 'vitest';
import { charsetFromContentType, decodeFeedBytes } from '../../../lib/feeds/charset';

const enc = (text: string) => new TextEncoder().encode(text);

describe('decodeFeedBytes', () => {
  it('reads the charset from Content-Type', () => {
    expect(charsetFromContentType('application/rss+xml; charset="Windows-1252"')).toBe('windows-1252');
    expect(decodeFeedBytes(new Uint8Array([0x93, 0x41, 0x94, 0x80]), 'text/xml; charset=windows-1252').text).toBe('“A”€');
  });

  it('falls back to the XML declaration, then UTF-8', () => {
    expect(decodeFeedBytes(new Uint8Array([...enc('<?xml version="1.0" encoding="ISO-8859-1"?><a>'), 0xe9, ...enc('</a>')])).text).toContain('<a>é</a>');
    expect(decodeFeedBytes(enc('<a>é</a>')).text).toBe('<a>é</a>');
  });

  it('prefers a byte-order mark over the header', () => {
    expect(decodeFeedBytes(new Uint8Array([0xef, 0xbb, 0xbf, ...enc('<a>é</a>')]), 'text/xml; charset=iso-8859-1').text).toBe('<a>é</a>');
    expect(decodeFeedBytes(new Uint8Array([0xff, 0xfe, 0x3c, 0x00, 0x61, 0x00])).text).toBe('<a');
  });

  it('reads valid UTF-8 as UTF-8 even when a legacy charset is declared', () => {
    expect(decodeFeedBytes(enc('<a>Türkiye</a>'), 'text/xml; charset=iso-8859-1').text).toBe('<a>Türkiye</a>');
  });

  it('decodes other legacy encodings the platform knows, and survives unknown labels', () => {
    expect(decodeFeedBytes(new Uint8Array([0xc4, 0xe3, 0xba, 0xc3]), 'text/xml; charset=gbk').text).toBe('你好');
    expect(decodeFeedBytes(enc('<a>ok</a>'), 'text/xml; charset=x-made-up').text).toBe('<a>ok</a>');
  });
});
