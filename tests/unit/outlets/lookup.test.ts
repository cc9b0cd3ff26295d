import { describe, expect, it } from 'vitest';
import type { Outlet } from '../../../lib/types';
import { DEFAULT_OUTLETS } from '../../../lib/outlets/registry';
import { buildOutletIndex, findOutletByUrl, outletFromUnknownSite } from '../../../lib/outlets/lookup';
import { registrableDomain, stripMirrorPrefix, unwrapAmpUrl } from '../../../lib/outlets/domain';

describe('registrableDomain', () => {
  it.each([
    ['news.bbc.co.uk', 'bbc.co.uk'],
    ['www.tribune.com.pk', 'tribune.com.pk'],
    ['www.abc.net.au', 'abc.net.au'],
    ['www.moi.gov.af', 'moi.gov.af'],
    ['en.yna.co.kr', 'yna.co.kr'],
    ['edition.cnn.com', 'cnn.com'],
    ['dawn.com', 'dawn.com'],
    ['a.b.c.example.org', 'example.org'],
    ['someone.substack.com', 'someone.substack.com'],
    ['127.0.0.1', '127.0.0.1'],
    ['localhost', 'localhost'],
  ])('%s → %s', (host, expected) => {
    expect(registrableDomain(host)).toBe(expected);
  });

  it('strips mirror prefixes but never down to a public suffix', () => {
    expect(stripMirrorPrefix('www.m.dawn.com')).toBe('dawn.com');
    expect(stripMirrorPrefix('amp.theguardian.com')).toBe('theguardian.com');
    expect(stripMirrorPrefix('www.co.uk')).toBe('www.co.uk');
  });
});

describe('findOutletByUrl', () => {
  const index = buildOutletIndex(DEFAULT_OUTLETS);
  it.each([
    ['https://www.dawn.com/news/1950001/pakistan-afghanistan-talks', 'dawn'],
    ['https://m.dawn.com/news/1950001', 'dawn'],
    ['https://amp.dawn.com/news/1950001', 'dawn'],
    ['https://tribune.com.pk/story/2573000/doha-talks', 'express-tribune'],
    ['https://www.tribune.com.pk/amp/story/2573000', 'express-tribune'],
    ['https://images.tribune.com.pk/x.jpg', 'express-tribune'],
    ['https://tolonews.com/afghanistan-195000', 'tolonews'],
    ['https://www.aljazeera.com/amp/news/2025/10/19/ceasefire', 'al-jazeera'],
    ['https://www.aa.com.tr/en/asia-pacific/talks/3700000', 'anadolu'],
    ['https://www.bbc.co.uk/news/world-asia-1', 'bbc'],
    ['https://www.bbc.com/urdu/articles/c1', 'bbc'],
    ['https://feeds.bbci.co.uk/news/rss.xml', undefined],
    ['https://www.abc.net.au/news/2025-10-20/x/1', 'abc-au'],
    ['https://en.yna.co.kr/view/AEN2025', 'yonhap'],
    ['https://news.sky.com/story/x-1', 'sky-news'],
    ['https://sky.com/tv', undefined],
    ['https://timesofindia.indiatimes.com/world/x/articleshow/1.cms', 'times-of-india'],
    ['https://economictimes.indiatimes.com/news/1.cms', undefined],
    ['https://www-dawn-com.cdn.ampproject.org/c/s/www.dawn.com/news/1950001', 'dawn'],
    ['https://www.google.com/amp/s/www.thehindu.com/news/international/article1.ece/amp/', 'the-hindu'],
    ['https://notdawn.com/news/1', undefined],
    ['https://dawn.com.evil.example/news/1', undefined],
    ['javascript:alert(1)', undefined],
    ['not a url', undefined],
  ])('%s → %s', (url, id) => {
    expect(findOutletByUrl(url, index)?.id).toBe(id);
    expect(findOutletByUrl(url, DEFAULT_OUTLETS)?.id).toBe(id);
  });

  it('lets an earlier outlet (a reader’s edit) win over a later one for the same domain', () => {
    const edited: Outlet = { ...DEFAULT_OUTLETS.find((o) => o.id === 'dawn')!, name: 'Dawn (edited)' };
    expect(findOutletByUrl('https://www.dawn.com/x', [edited, ...DEFAULT_OUTLETS])?.name).toBe('Dawn (edited)');
  });

  it('maps gov.af hosts to the registrable domain, not to gov.af', () => {
    const ministry: Outlet = { id: 'moi-af', name: 'Ministry', domains: ['moi.gov.af'], country: 'AF', language: 'ps', ownership: 'state-owned', stateAffiliated: true, feeds: [] };
    const other: Outlet = { ...ministry, id: 'mof-af', domains: ['mof.gov.af'] };
    expect(findOutletByUrl('https://www.moi.gov.af/en/news', [ministry, other])?.id).toBe('moi-af');
    expect(findOutletByUrl('https://mof.gov.af/en', [ministry, other])?.id).toBe('mof-af');
    expect(findOutletByUrl('https://gov.af/', [ministry, other])).toBeUndefined();
  });
});

describe('outletFromUnknownSite', () => {
  it('builds a provisional outlet from the registrable domain', () => {
    expect(outletFromUnknownSite('https://www.news.example.co.uk/a/1', '  Example   News ')).toEqual({
      id: 'site:example.co.uk', name: 'Example News', domains: ['example.co.uk'], country: '', language: '', ownership: 'unknown', stateAffiliated: false, feeds: [],
    });
  });
  it('names the outlet after its domain when the page states no site name', () => {
    expect(outletFromUnknownSite('https://m.somepaper.com.pk/x')?.name).toBe('somepaper.com.pk');
  });
  it('refuses non-http(s) URLs', () => {
    expect(outletFromUnknownSite('file:///etc/passwd')).toBeUndefined();
  });
});

describe('unwrapAmpUrl', () => {
  it('leaves ordinary URLs alone', () => {
    expect(unwrapAmpUrl('https://www.dawn.com/news/1')).toBe('https://www.dawn.com/news/1');
  });
  it('keeps the query of an AMP cache URL', () => {
    expect(unwrapAmpUrl('https://www-dawn-com.cdn.ampproject.org/c/s/www.dawn.com/news/1?x=1')).toBe('https://www.dawn.com/news/1?x=1');
  });
});
