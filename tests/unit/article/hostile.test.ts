// Bad input (issue 3): huge, deep, broken or wrong-typed pages. No exception escapes, each page
// finishes in bounded time, every field is bounded plain text, URLs are http(s) or absent.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { detectArticle, isLikelyArticle } from '../../../lib/article/detect';
import { extractArticle } from '../../../lib/article/extract';
import { LIMITS } from '../../../lib/limits';
import type { ArticleInput } from '../../../lib/types';
import { articleBody, jsonLd, page, prose } from './page';

const URL_ = 'https://news.example/world/2025/10/19/border-talks-resume-after-delays';
/** Generous: the slowest of these takes well under a second here; CI machines are slower. */
const PAGE_BUDGET_MS = 8000;

function run(doc: Document, url = URL_): ArticleInput | undefined {
  const start = performance.now();
  isLikelyArticle(doc, url);
  detectArticle(doc, url);
  const article = extractArticle(doc, url);
  expect(performance.now() - start).toBeLessThan(PAGE_BUDGET_MS);
  if (article) expectBounded(article);
  return article;
}

function expectBounded(a: ArticleInput): void {
  const text = (value: string | undefined, max: number) => {
    if (value === undefined) return;
    expect(typeof value).toBe('string');
    expect(value.length).toBeLessThanOrEqual(max);
    expect(value).not.toMatch(/<\/?[a-z][^>]*>/i);
  };
  text(a.title, LIMITS.title);
  text(a.dek, LIMITS.dek);
  text(a.section, LIMITS.section);
  text(a.siteName, LIMITS.siteName);
  text(a.language, LIMITS.language);
  expect(a.bylines.length).toBeLessThanOrEqual(LIMITS.bylines);
  a.bylines.forEach((b) => text(b, LIMITS.byline));
  expect(a.tags.length).toBeLessThanOrEqual(LIMITS.tags);
  a.tags.forEach((t) => text(t, LIMITS.tag));
  expect(a.paragraphs.length).toBeLessThanOrEqual(LIMITS.paragraphs);
  a.paragraphs.forEach((p) => expect(p.length).toBeLessThanOrEqual(LIMITS.paragraph));
  for (const url of [a.url, a.canonicalUrl]) if (url !== undefined) expect(url).toMatch(/^https?:\/\//);
  for (const date of [a.published, a.modified]) if (date !== undefined) expect(date).toMatch(/^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}:\d{2}(Z|[+-]\d{2}:\d{2})?)?$/);
}

describe('hostile pages', () => {
  it('10 MB of text', () => {
    const chunk = `<p>${'Lorem ipsum dolor sit amet, consectetur adipiscing elit. '.repeat(20)}</p>`;
    const a = run(page({ head: '<title>Big</title>', body: `<article><h1>A very large page indeed</h1>${chunk.repeat(9000)}</article>` }));
    expect(a?.paragraphs.length).toBe(LIMITS.paragraphs);
  });

  it('10,000-deep nesting', () => {
    const body = '<div>'.repeat(10_000) + prose(4) + '</div>'.repeat(10_000);
    expect(run(page({ head: '<title>Deep page</title>', body }))?.title).toBe('Deep page');
  });

  it('thousands of JSON-LD blocks', () => {
    const blocks = jsonLd({ '@type': 'NewsArticle', headline: 'Block', datePublished: '2025-10-19' }).repeat(5000);
    expect(run(page({ head: blocks, body: articleBody() }))?.published).toBe('2025-10-19');
  });

  it.each([
    ['malformed', '{"@type": "NewsArticle", "headline": '],
    ['enormous', JSON.stringify({ '@type': 'NewsArticle', headline: 'x'.repeat(2_000_000) })],
    ['arrays where strings belong', JSON.stringify({ '@type': ['NewsArticle'], headline: [['a', ['b']]], author: { name: { name: 42 } }, datePublished: [null], keywords: { a: 1 } })],
    ['objects where strings belong', JSON.stringify({ '@type': { x: 1 }, headline: { '@value': '<b>Bold</b> claim' }, publisher: [] })],
    ['deeply nested', '['.repeat(5000) + ']'.repeat(5000)],
    ['null and numbers', 'null'],
  ])('JSON-LD that is %s', (_name, block) => {
    expect(() => run(page({ head: jsonLd(block), body: articleBody() }))).not.toThrow();
  });

  it.each(['0001-01-01', '1900-01-01T00:00:00Z', '2999-12-31', '2025-13-45', '9999999999999'])('published date %s is dropped', (value) => {
    const a = run(page({ head: jsonLd({ '@type': 'NewsArticle', datePublished: value }), body: articleBody() }), 'https://news.example/story/12345');
    expect(a?.published).toBeUndefined();
  });

  it.each(['javascript:alert(1)', 'data:text/html;base64,PHNjcmlwdD4=', 'vbscript:x', 'ftp://files.example/a'])('canonical %s is dropped', (value) => {
    const head = `<link rel="canonical" href="${value}"><meta property="og:url" content="${value}">`;
    expect(run(page({ head, body: articleBody() }))?.canonicalUrl).toBeUndefined();
  });

  it('headlines full of markup come out as plain text', () => {
    const head = jsonLd({ '@type': 'NewsArticle', headline: '<script>alert(1)</script><b>Talks</b> &lt;i&gt;resume&lt;/i&gt;' }) + '<meta property="og:title" content="&lt;img src=x onerror=alert(1)&gt;Talks">';
    const a = run(page({ head, body: `<h1>&lt;b&gt;Border&lt;/b&gt; talks <em>resume</em> today</h1>${prose(5)}` }));
    expect(a?.title).not.toMatch(/[<>]/);
  });

  it('any JSON-LD value: no exception, bounded fields (property)', () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 4 }), fc.string({ maxLength: 300 }), (value, text) => {
        const ld = JSON.stringify({ '@type': 'NewsArticle', headline: value, author: value, datePublished: value, keywords: value, publisher: value });
        const head = jsonLd(ld) + `<meta property="og:title" content="${text.replace(/"/g, '&quot;')}">`;
        run(page({ head, body: articleBody() }));
      }),
      { numRuns: 60 },
    );
  });

  it('any page URL: only http(s) pages are extracted (property)', () => {
    fc.assert(
      fc.property(fc.oneof(fc.webUrl(), fc.string({ maxLength: 100 })), (url) => {
        const a = extractArticle(page({ body: articleBody() }), url);
        if (a) expect(a.url).toMatch(/^https?:\/\//);
      }),
      { numRuns: 60 },
    );
  });
});
