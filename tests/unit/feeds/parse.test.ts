import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { parseFeedText, MAX_FEED_ITEMS } from '../../../lib/feeds/parse';
import { decodeFeedBytes } from '../../../lib/feeds/charset';
import { LIMITS } from '../../../lib/limits';

const NOW = Date.UTC(2025, 10, 1);
function fixture(name: string): string {
  return decodeFeedBytes(new Uint8Array(readFileSync(`tests/fixtures/feeds/${name}`))).text;
}
function parse(name: string, feedUrl = 'https://demo.example/feed') {
  return parseFeedText(fixture(name), { feedUrl, now: NOW });
}

describe('parseFeedText: formats', () => {
  it('reads RSS 2.0 with content:encoded, dc:creator, categories, relative links', () => {
    const feed = parse('rss2.xml', 'https://demo-daily.example/rss');
    expect(feed.format).toBe('rss');
    expect(feed.title).toBe('Demo Daily & Review');
    expect(feed.errors).toEqual([]);
    expect(feed.items.map((item) => item.guid)).toEqual(['demo-daily-1001', 'https://demo-daily.example/news/istanbul-talks', 'demo-daily-1003']);
    const [first, second, third] = feed.items.map((item) => item.article);
    expect(first).toMatchObject({
      url: 'https://demo-daily.example/news/ceasefire-doha',
      title: 'Pakistan and Afghanistan agree to ceasefire in Doha talks',
      dek: 'Delegations met in Doha under Qatari and Turkish mediation. The ceasefire takes effect at once.',
      paragraphs: ['Delegations met in Doha under Qatari and Turkish mediation.', 'The ceasefire takes effect at once.', 'Follow-up talks are planned in Istanbul.'],
      published: '2025-10-19T09:30:00+05:00', bylines: ['Demo Reporter'], tags: ['Pakistan', 'Diplomacy'],
      language: 'en-PK', siteName: 'Demo Daily & Review', source: 'feed', quotes: [],
    });
    expect(first.wordCount).toBe(22);
    expect(second.bylines).toEqual(['Second Reporter']);
    expect(second.published).toBe('2025-10-30T18:05:00Z');
    expect(third.url).toBe('https://demo-daily.example/news/relative-link');
  });

  it('reads RSS 0.91', () => {
    const feed = parse('rss091.xml');
    expect(feed.format).toBe('rss');
    expect(feed.items[0].article).toMatchObject({ title: 'Border crossing reopens after clashes', url: 'https://demo-gazette.example/2025/10/border-reopens', language: 'pt-br' });
    expect(feed.items[0].article.published).toBeUndefined();
  });

  it('reads RSS 1.0 (RDF) with Dublin Core', () => {
    const feed = parse('rdf.xml');
    expect(feed.format).toBe('rdf');
    expect(feed.items[0]).toMatchObject({
      guid: 'https://demo-welle.example/a/1',
      article: { title: 'Gespräche in Istanbul ohne Einigung beendet', published: '2025-10-30T20:15:00+01:00', bylines: ['Demo Redaktion'], tags: ['Afghanistan'], language: 'de' },
    });
  });

  it('reads Atom 1.0: alternate link, html titles, published and updated', () => {
    const feed = parse('atom.xml');
    expect(feed.format).toBe('atom');
    expect(feed.title).toBe('Demo Agency');
    expect(feed.items[0]).toMatchObject({
      guid: 'tag:demo-agency.example,2025:100',
      article: {
        url: 'https://demo-agency.example/en/politics/doha-ceasefire/100', title: 'Mediators welcome Doha ceasefire',
        dek: 'Türkiye and Qatar said the truce must hold.', published: '2025-10-19T14:00:00+03:00', modified: '2025-10-19T16:30:00+03:00',
        bylines: ['Demo Correspondent'], tags: ['World'],
      },
    });
    expect(feed.items[1].article.published).toBe('2025-10-20T06:45:00Z');
    expect(feed.items[1].article.paragraphs).toEqual(['Plain text content.']);
  });

  it('reads JSON Feed 1.1 and drops a javascript: link', () => {
    const feed = parse('json-feed.json');
    expect(feed.format).toBe('json');
    expect(feed.items).toHaveLength(1);
    expect(feed.items[0].article).toMatchObject({
      title: 'Talks resume in Istanbul', paragraphs: ['Delegations returned to the table.', 'The TTP remained the sticking point.'],
      published: '2025-10-25T10:00:00+03:00', modified: '2025-10-25T12:00:00+03:00', tags: ['Türkiye', 'Qatar'], bylines: ['Demo Anchor'],
    });
    expect(feed.errors).toHaveLength(1);
  });
});

describe('parseFeedText: hostile and broken input', () => {
  it('strips markup and scripts from titles and summaries', () => {
    const feed = parse('hostile.xml');
    const byGuid = new Map(feed.items.map((item) => [item.guid, item.article]));
    expect(feed.title).toBe('Demo Hostile');
    expect(byGuid.get('hostile-1')?.title).toBe('Ceasefire holds');
    expect(byGuid.get('hostile-1')?.dek).toBe('Visible text');
    expect(byGuid.get('hostile-2')?.title).toBe('Double escaped bold title');
    expect(JSON.stringify(feed)).not.toMatch(/<script|onerror|steal\(|document\.cookie|<iframe/i);
  });

  it('drops impossible and missing dates instead of guessing', () => {
    const feed = parse('hostile.xml');
    for (const item of feed.items) expect(item.article.published, item.guid).toBeUndefined();
  });

  it('keeps the first of duplicate guids and drops non-http(s) links', () => {
    const feed = parse('hostile.xml');
    expect(feed.items.map((item) => item.guid)).toEqual(['hostile-1', 'hostile-2', 'hostile-5', 'hostile-6']);
    expect(feed.errors).toEqual(expect.arrayContaining([expect.stringMatching(/duplicate guid hostile-1/), expect.stringMatching(/no http\(s\) link/)]));
  });

  it('takes a headline from the summary when an item has no title', () => {
    expect(parse('hostile.xml').items.find((item) => item.guid === 'hostile-6')?.article.title).toBe('An item without a title takes its headline from the summary.');
  });

  it('reads what it can of malformed XML', () => {
    const feed = parse('malformed.xml');
    expect(feed.items.map((item) => item.article.title)).toEqual(['Unclosed tag']);
  });

  it('never expands DTD entities (billion laughs)', () => {
    const started = performance.now();
    const feed = parse('billion-laughs.xml');
    expect(performance.now() - started).toBeLessThan(1000);
    expect(JSON.stringify(feed).length).toBeLessThan(5000);
  });

  it('refuses external entities without reading them', () => {
    const feed = parse('external-entity.xml');
    expect(feed.items).toEqual([]);
    expect(feed.format).toBeUndefined();
    expect(feed.errors[0]).toMatch(/not a readable/);
    expect(JSON.stringify(feed)).not.toContain('root:');
  });

  it('decodes windows-1252 (quotes, dashes, euro)', () => {
    const feed = parse('windows-1252.xml');
    expect(feed.title).toBe('Demo Crónica');
    expect(feed.items[0].article.title).toBe('“Acuerdo” en Doha: los mediadores – Turquía y Catar – celebran');
    expect(feed.items[0].article.dek).toBe('Café €5 ¿sí?');
  });

  it.each([
    ['empty', ''],
    ['html page', '<!doctype html><html><head><title>Not a feed</title></head><body><p>hi</p></body></html>'],
    ['json that is not a feed', '{"hello": "world"}'],
    ['binary', '\u0000\u0001\u0002\u0003'],
  ])('reports %s as unreadable without throwing', (_name, text) => {
    const feed = parseFeedText(text);
    expect(feed.items).toEqual([]);
    expect(feed.errors.length).toBeGreaterThan(0);
  });

  it('bounds every field and the number of items', () => {
    const long = 'word '.repeat(50_000);
    const items = Array.from({ length: MAX_FEED_ITEMS + 50 }, (_, i) =>
      `<item><title>${i < 5 ? long : 'short'}</title><link>https://big.example/${i}?${'q'.repeat(i === 0 ? 5000 : 1)}</link><description>${i < 5 ? `<p>${long}</p>` : 's'}</description>${Array.from({ length: i === 1 ? 100 : 1 }, (_, k) => `<category>c${k}</category>`).join('')}</item>`,
    ).join('');
    const feed = parseFeedText(`<rss version="2.0"><channel><title>${long}</title><link>https://big.example/</link><description>x</description>${items}</channel></rss>`);
    expect(feed.items.length).toBe(MAX_FEED_ITEMS - 1); // item 0's URL is longer than LIMITS.url
    expect(feed.title.length).toBeLessThanOrEqual(LIMITS.siteName);
    for (const { article, guid } of feed.items.slice(0, 5)) {
      expect(article.title.length).toBeLessThanOrEqual(LIMITS.title);
      expect(article.dek?.length).toBeLessThanOrEqual(LIMITS.dek);
      expect(article.paragraphs.every((p) => p.length <= LIMITS.paragraph)).toBe(true);
      expect(article.tags.length).toBeLessThanOrEqual(LIMITS.tags);
      expect(guid.length).toBeLessThanOrEqual(LIMITS.url);
    }
  });
});
