// Maps an article URL to its outlet. Outlets list their domains ("dawn.com", "news.sky.com");
// a URL matches the outlet whose domain is the longest suffix of the URL's host, so
// "amp.theguardian.com", "m.dawn.com" and "www.tribune.com.pk" find their outlets while
// "sky.com" alone does not claim "news.sky.com"'s outlet.
import type { Outlet } from '../types';
import { clip, LIMITS } from '../limits';
import { httpHostOf, registrableDomain, stripMirrorPrefix, unwrapAmpUrl } from './domain';

/** Outlets looked up by domain; build once per registry and reuse for many URLs. */
export type OutletIndex = ReadonlyMap<string, Outlet>;

export function buildOutletIndex(outlets: readonly Outlet[]): OutletIndex {
  const index = new Map<string, Outlet>();
  for (const outlet of outlets) {
    for (const domain of outlet.domains) {
      const key = stripMirrorPrefix(domain.toLowerCase().replace(/\.$/, ''));
      // First outlet wins: a reader's edit earlier in the list overrides a later default.
      if (!index.has(key)) index.set(key, outlet);
    }
  }
  return index;
}

/** Candidate keys for a host, most specific first, stopping at its registrable domain. */
function suffixesOf(host: string): string[] {
  const stop = registrableDomain(host);
  const labels = host.split('.');
  const out: string[] = [];
  for (let i = 0; i < labels.length; i++) {
    const suffix = labels.slice(i).join('.');
    out.push(suffix);
    if (suffix === stop) break;
  }
  return out;
}

/** The outlet an article URL belongs to, or undefined when no outlet lists its domain. */
export function findOutletByUrl(url: string, outlets: readonly Outlet[] | OutletIndex): Outlet | undefined {
  const index = isIndex(outlets) ? outlets : buildOutletIndex(outlets);
  const host = httpHostOf(unwrapAmpUrl(url));
  if (!host) return undefined;
  for (const key of suffixesOf(stripMirrorPrefix(host))) {
    const found = index.get(key);
    if (found) return found;
  }
  return undefined;
}

function isIndex(value: readonly Outlet[] | OutletIndex): value is OutletIndex {
  return value instanceof Map;
}

/** Prefix of ids built for sites outside the registry, so they never collide with curated ids. */
export const PROVISIONAL_ID_PREFIX = 'site:';

/**
 * A provisional outlet for a site the registry does not know: id and domain from the URL's
 * registrable domain, name from the page's stated site name (else the domain). Every axis is
 * unknown until the reader fills it in; returns undefined for non-http(s) URLs.
 */
export function outletFromUnknownSite(url: string, siteName?: string): Outlet | undefined {
  const host = httpHostOf(unwrapAmpUrl(url));
  if (!host) return undefined;
  const domain = registrableDomain(stripMirrorPrefix(host));
  const name = clip((siteName ?? '').replace(/\s+/g, ' ').trim(), LIMITS.siteName) || domain;
  return {
    id: `${PROVISIONAL_ID_PREFIX}${domain}`,
    name,
    domains: [domain],
    country: '',
    language: '',
    ownership: 'unknown',
    stateAffiliated: false,
    feeds: [],
  };
}
