import { describe, expect, it } from 'vitest';
import { feedHostPatterns } from '../../../lib/feeds/permissions';
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
