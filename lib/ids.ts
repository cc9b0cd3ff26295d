// Stable ids. An article's id derives from its canonical URL, so the same article seen again
// (in a feed, then opened by the reader) updates one record instead of creating a second.

/** 64-bit FNV-1a as 16 hex digits: short ids for index keys; collisions are ~1e-10 at 100k. */
export function hashId(text: string): string {
  let h1 = 0x811c9dc5;
  let h2 = 0xcbf29ce4;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 0x01000193) >>> 0;
    h2 = Math.imul(h2 ^ c, 0x01000193 + 2) >>> 0;
    h2 = (h2 ^ (h1 >>> 7)) >>> 0;
  }
  return h1.toString(16).padStart(8, '0') + h2.toString(16).padStart(8, '0');
}

/** The URL as an identity: lower-case host, no fragment, no trailing slash, no tracking params. */
export function normaliseUrlForId(raw: string): string {
  try {
    const url = new URL(raw);
    url.hash = '';
    url.hostname = url.hostname.toLowerCase().replace(/^(www|m|amp|mobile)\./, '');
    // Array.from: Firefox content scripts can't spread URLSearchParams iterators (Xray wrappers).
    for (const key of Array.from(url.searchParams, ([k]) => k)) {
      if (/^(utm_|fbclid$|gclid$|mc_|ref$|cmpid$|ocid$|at_|ito$|s_cid$)/i.test(key)) url.searchParams.delete(key);
    }
    url.protocol = 'https:';
    let href = url.href;
    if (href.endsWith('/') && url.pathname !== '/') href = href.slice(0, -1);
    return href;
  } catch {
    return raw;
  }
}

export function articleIdForUrl(url: string): string {
  return `a_${hashId(normaliseUrlForId(url))}`;
}
