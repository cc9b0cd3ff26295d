// Host permissions a set of feeds needs. The extension asks for them through optional host
// permissions when the reader enables a source (never all sites at install): one match pattern
// per feed host, since feeds often live on another host than the site (feeds.bbci.co.uk,
// feeds.feedburner.com, rss.nytimes.com).
import { domainPatterns } from '../background/content-scripts';

/** Match patterns ("https://feeds.bbci.co.uk/*") for the hosts of these feed URLs, deduplicated and sorted. */
export function feedHostPatterns(feedUrls: readonly string[]): string[] {
  const patterns = new Set<string>();
  for (const raw of feedUrls) {
    try {
      const url = new URL(raw);
      if (url.protocol !== 'http:' && url.protocol !== 'https:') continue;
      // Match patterns ignore ports; a pattern per scheme keeps http-only feeds reachable.
      patterns.add(`${url.protocol}//${url.hostname}/*`);
    } catch {
      // not a URL: nothing to ask for
    }
  }
  return [...patterns].sort();
}

/**
 * Everything enabling a source needs: its sites (where the content script may run, every
 * subdomain and both schemes) and the hosts of its feeds.
 */
export function sourceHostPatterns(source: { outlet: { domains: readonly string[] }; feeds: readonly { url: string }[] }): string[] {
  const patterns = new Set([...source.outlet.domains.flatMap(domainPatterns), ...feedHostPatterns(source.feeds.map((f) => f.url))]);
  return [...patterns].sort();
}
