import { describe, expect, it } from 'vitest';
import { feedHostPatterns, sourceHostPatterns } from '../../../lib/feeds/permissions';
import { DEFAULT_OUTLETS } from '../../../lib/outlets/registry';

describe('feedHostPatterns', () => {
  it('gives one pattern per scheme and host, ignoring ports, paths and non-http(s) URLs', () => {
    expect(feedHostPatterns([
      'https://feeds.bbci.co.uk/news/world/rss.xml', 'https://feeds.bbci.co.uk/news/rss.xml', 'http://rss.cnn.com/rss/edition_world.rss',
      'http://127.0.0.1:8080/feed', 'javascript:alert(1)', 'not a url',
    ])).toEqual(['http://127.0.0.1/*', 'http://rss.cnn.com/*', 'https://feeds.bbci.co.uk/*']);
  });

  it('covers the default registry with fewer patterns than feeds', () => {
    const feeds = DEFAULT_OUTLETS.flatMap((outlet) => outlet.feeds);
    const patterns = feedHostPatterns(feeds);
    expect(patterns.length).toBeGreaterThan(30);
    expect(patterns.length).toBeLessThan(feeds.length);
  });
});

describe('sourceHostPatterns', () => {
  it('asks for the sites (every subdomain, both schemes) and the feed hosts, once each', () => {
    const source = { outlet: { domains: ['dawn.com'] }, feeds: [{ url: 'https://www.dawn.com/feeds/home' }, { url: 'https://www.dawn.com/feeds/world' }, { url: 'javascript:void 0' }] };
    expect(sourceHostPatterns(source)).toEqual(['http://*.dawn.com/*', 'http://dawn.com/*', 'https://*.dawn.com/*', 'https://dawn.com/*', 'https://www.dawn.com/*']);
  });
});
