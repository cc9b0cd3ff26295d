// Host and registrable-domain helpers for mapping article URLs to outlets. A full Public Suffix
// List would add ~200 KB to the service worker for hosts we rarely see; news outlets live under a
// small set of second-level suffixes (co.uk, com.pk, gov.af …), which this rule covers.

/**
 * Second-level labels that ccTLD registries use as public suffixes ("co.uk", "com.pk", "gov.af").
 * Under a two-letter TLD, a host ending in one of these keeps three labels as its registrable
 * domain (www.dawn.com stays dawn.com; tribune.com.pk stays tribune.com.pk).
 */
const SECOND_LEVEL_LABELS = new Set([
  'ac', 'co', 'com', 'edu', 'gen', 'go', 'gob', 'gouv', 'gov', 'govt', 'ltd', 'mil', 'ne', 'net',
  'nic', 'nom', 'or', 'org', 'plc', 'sch', 'web',
]);

/** Public suffixes that the two-letter rule cannot see (not under a ccTLD, or unusual labels). */
const EXTRA_PUBLIC_SUFFIXES = new Set(['blogspot.com', 'github.io', 'substack.com', 'wordpress.com', 'medium.com']);

/** Mobile, AMP and www prefixes that serve the same outlet's pages. */
const MIRROR_PREFIX = /^(?:www\d{0,2}|m|mobile|amp|amp-cdn)\./;

/** Lower-case host of an http(s) URL without a trailing dot, or undefined for anything else. */
export function httpHostOf(rawUrl: string): string | undefined {
  try {
    const url = new URL(rawUrl);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return undefined;
    return url.hostname.toLowerCase().replace(/\.$/, '') || undefined;
  } catch {
    return undefined;
  }
}

/** The host without its www./m./amp. prefixes ("m.dawn.com" → "dawn.com"). */
export function stripMirrorPrefix(host: string): string {
  let current = host;
  // A registrable domain is never stripped: "m.co.uk" style hosts are left alone.
  while (MIRROR_PREFIX.test(current) && current.split('.').length > 2) {
    const next = current.replace(MIRROR_PREFIX, '');
    if (registrableDomain(next) !== registrableDomain(current)) break;
    current = next;
  }
  return current;
}

function isIpAddress(host: string): boolean {
  return /^\d{1,3}(?:\.\d{1,3}){3}$/.test(host) || host.includes(':') || host.startsWith('[');
}

/** The registrable domain ("eTLD+1") of a host: "news.bbc.co.uk" → "bbc.co.uk". */
export function registrableDomain(host: string): string {
  const clean = host.toLowerCase().replace(/\.$/, '');
  if (isIpAddress(clean)) return clean;
  const labels = clean.split('.').filter(Boolean);
  if (labels.length <= 2) return labels.join('.');
  const lastTwo = labels.slice(-2).join('.');
  if (EXTRA_PUBLIC_SUFFIXES.has(lastTwo)) return labels.slice(-3).join('.');
  const tld = labels[labels.length - 1];
  const second = labels[labels.length - 2];
  const keep = tld.length === 2 && SECOND_LEVEL_LABELS.has(second) ? 3 : 2;
  return labels.slice(-keep).join('.');
}

/**
 * Unwraps AMP cache and viewer URLs to the publisher's URL:
 * https://www-dawn-com.cdn.ampproject.org/c/s/www.dawn.com/news/1 → https://www.dawn.com/news/1
 * https://www.google.com/amp/s/www.dawn.com/news/1 → https://www.dawn.com/news/1
 */
export function unwrapAmpUrl(rawUrl: string): string {
  let url: URL;
  try {
    url = new URL(rawUrl);
  } catch {
    return rawUrl;
  }
  const host = url.hostname.toLowerCase();
  const cache = host.endsWith('.cdn.ampproject.org') || host.endsWith('.ampproject.net');
  const viewer = /(^|\.)google\.[a-z.]+$/.test(host) && url.pathname.startsWith('/amp/');
  if (!cache && !viewer) return rawUrl;
  // Path shapes: /c/s/<host>/<path> (cache, https), /c/<host>/<path> (cache, http), /amp/s/<host>/…
  const match = /^\/(?:c|v|i|amp)\/(?:[a-z]\/)*?(s\/)?([^/]+\.[^/]+)(\/.*)?$/i.exec(url.pathname);
  if (!match) return rawUrl;
  const scheme = match[1] ? 'https' : 'http';
  return `${scheme}://${match[2]}${match[3] ?? '/'}${url.search}`;
}
