// Each date source with an example beside it, in the order of trust the extractor uses.
import { describe, expect, it } from 'vitest';
import { parseDate, formatIso } from '../../../lib/article/date-parse';
import { findDates } from '../../../lib/article/dates';
import { readJsonLd } from '../../../lib/article/json-ld';
import { readMeta } from '../../../lib/article/meta-tags';
import { jsonLd, page, type PageParts } from './page';

const NOW = Date.UTC(2025, 10, 1);

function dates(parts: PageParts, url = 'https://news.example/story/12345', now = NOW) {
  const doc = page(parts);
  return findDates({ doc, url, jsonLd: readJsonLd(doc), meta: readMeta(doc), now, dayFirst: true, language: parts.lang });
}

describe('date sources, most trusted first', () => {
  it('JSON-LD datePublished, with its offset', () => {
    const r = dates({ head: jsonLd({ '@type': 'NewsArticle', datePublished: '2025-10-19T21:30:00+05:00' }) });
    expect(r).toMatchObject({ published: '2025-10-19T21:30:00+05:00', publishedSource: 'json-ld' });
  });

  it('JSON-LD beats meta when both are present', () => {
    const head = jsonLd({ '@type': 'NewsArticle', datePublished: '2025-10-19' }) + '<meta property="article:published_time" content="2025-10-01">';
    expect(dates({ head }).published).toBe('2025-10-19');
  });

  it('meta article:published_time', () => {
    expect(dates({ head: '<meta property="article:published_time" content="2025-10-18T10:00:00+03:00">' }).published).toBe('2025-10-18T10:00:00+03:00');
  });

  it('meta with a Dublin Core name', () => {
    expect(dates({ head: '<meta name="DC.date.issued" content="2025-10-17">' }).published).toBe('2025-10-17');
  });

  it('microdata datePublished on an element', () => {
    expect(dates({ body: '<span itemprop="datePublished" content="2025-10-16T09:00:00Z">Oct 16</span>' }).publishedSource).toBe('microdata');
  });

  it('<time pubdate>', () => {
    const r = dates({ body: '<article><time pubdate datetime="2025-10-15T08:00:00+02:00">15 Oct</time></article>' });
    expect(r).toMatchObject({ published: '2025-10-15T08:00:00+02:00', publishedSource: 'time' });
  });

  it('the URL', () => {
    expect(dates({ body: '<p>No date here.</p>' }, 'https://news.example/2025/10/14/talks-end').published).toBe('2025-10-14');
  });

  it('the visible dateline', () => {
    const r = dates({ body: '<h1>Talks</h1><div class="article-date">Published 13 October 2025</div><p>Text.</p>' });
    expect(r).toMatchObject({ published: '2025-10-13', publishedSource: 'dateline' });
  });

  it('the page text after the headline, as the last resort', () => {
    const r = dates({ body: '<h1>Talks</h1><p>Stand: 12.10.2025 11:05 Uhr</p>', lang: 'de' });
    expect(r.published?.slice(0, 10)).toBe('2025-10-12');
  });
});

describe('the outlet\'s day', () => {
  it('moves a UTC timestamp into the offset another timestamp of the page states', () => {
    const head = '<meta property="article:published_time" content="2025-10-18T20:30:00Z"><meta property="article:modified_time" content="2025-10-19T09:00:00+05:00">';
    expect(dates({ head }).published).toBe('2025-10-19T01:30:00+05:00');
  });

  it('takes the URL\'s day when the timestamp is one day off it', () => {
    const head = '<meta property="article:published_time" content="2025-10-19T02:18:00Z">';
    expect(dates({ head }, 'https://news.example/2025/10/18/late-story').published).toBe('2025-10-18');
  });

  it('uses the zone of a country-code domain when the page states none', () => {
    const head = '<meta property="article:published_time" content="2025-10-18T22:04:00Z">';
    expect(dates({ head, lang: 'de' }, 'https://zeitung.example.de/artikel/12345').published).toBe('2025-10-19T00:04:00+02:00');
  });
});

describe('impossible dates are ignored', () => {
  it.each([
    ['0001-01-01T00:00:00Z'],
    ['1970-01-01'],
    ['2099-01-01'],
    ['2025-02-30'],
    ['not a date'],
  ])('%s', (value) => {
    const r = dates({ head: `<meta property="article:published_time" content="${value}">` });
    expect(r.published).toBeUndefined();
  });
});

describe('parseDate', () => {
  it.each([
    ['2025-10-19T21:30:00.000Z', '2025-10-19T21:30:00Z'],
    ['Sun, 19 Oct 2025 08:15:00 +0500', '2025-10-19T08:15:00+05:00'],
    ['October 19, 2025 3:45 PM EDT', '2025-10-19T15:45:00-04:00'],
    ['19. Oktober 2025', '2025-10-19'],
    ['19 de octubre de 2025', '2025-10-19'],
    ['19.10.2025', '2025-10-19'],
    ['2025.10.19.', '2025-10-19'],
    ['20251019', '2025-10-19'],
  ])('%s', (text, iso) => {
    const parts = parseDate(text);
    expect(parts && formatIso(parts)).toBe(iso);
  });

  it('reads 03/04/2025 month first for US English pages', () => {
    expect(parseDate('03/04/2025', false)).toMatchObject({ month: 3, day: 4 });
    expect(parseDate('03/04/2025', true)).toMatchObject({ month: 4, day: 3 });
  });
});
