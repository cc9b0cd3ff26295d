// Extraction on pages the project writes itself: fields, cleaning, and the live page untouched.
import { describe, expect, it } from 'vitest';
import { extractArticle } from '../../../lib/article/extract';
import { cleanUrl } from '../../../lib/article/url';
import { stripSiteName } from '../../../lib/article/title';
import { isLeftover } from '../../../lib/article/body-clean';
import { articleBody, jsonLd, page, prose } from './page';

const URL_ = 'https://news.example/world/2025/10/19/border-talks-resume-after-delays?utm_source=x';

const HEAD = [
  '<title>Border talks resume after a week of delays | The Daily Example</title>',
  '<meta property="og:site_name" content="The Daily Example">',
  '<meta property="og:title" content="Border talks resume after a week of delays">',
  '<meta name="description" content="Negotiators met again on Monday.">',
  '<link rel="canonical" href="/world/2025/10/19/border-talks-resume-after-delays?utm_campaign=feed&amp;id=7#top">',
  jsonLd({
    '@type': 'NewsArticle', headline: 'Border talks resume after a week of delays', datePublished: '2025-10-19T09:00:00+05:00',
    author: [{ '@type': 'Person', name: 'Amina Khan' }, { '@type': 'Person', name: 'Tomás Ruiz' }], articleSection: 'World',
    keywords: 'border, talks, ceasefire', inLanguage: 'en-GB', publisher: { '@type': 'Organization', name: 'The Daily Example' },
  }),
].join('');

describe('extractArticle', () => {
  it('reads every field from a well-formed page', () => {
    const a = extractArticle(page({ head: HEAD, body: articleBody() }), URL_, { now: Date.UTC(2025, 10, 1) })!;
    expect(a).toMatchObject({
      url: URL_,
      canonicalUrl: 'https://news.example/world/2025/10/19/border-talks-resume-after-delays?id=7',
      title: 'Border talks resume after a week of delays',
      dek: 'Negotiators met again on Monday.',
      bylines: ['Amina Khan', 'Tomás Ruiz'],
      published: '2025-10-19T09:00:00+05:00',
      section: 'World',
      tags: ['border', 'talks', 'ceasefire'],
      siteName: 'The Daily Example',
      source: 'visit',
    });
    expect(a.paragraphs.length).toBeGreaterThanOrEqual(5);
    expect(a.paragraphs[0]).toMatch(/^The talks in the capital resumed/);
    expect(a.wordCount).toBeGreaterThan(100);
  });

  it('never changes the document it is given', () => {
    const doc = page({ head: HEAD, body: articleBody() });
    const before = doc.documentElement.outerHTML;
    extractArticle(doc, URL_);
    expect(doc.documentElement.outerHTML).toBe(before);
  });

  it('drops share prompts, ad labels, credits and captions from the body', () => {
    const body = `<article><h1>Border talks resume</h1>${prose(3)}<p>Advertisement</p><figure><img src="a.jpg"><figcaption>Delegates arrive. Photo: Jane Doe</figcaption></figure>${prose(3)}<p>Share this article</p></article>`;
    const a = extractArticle(page({ body }), URL_)!;
    expect(a.paragraphs.join('\n')).not.toMatch(/Advertisement|Share this|Photo: Jane Doe/);
  });

  it('prefers the visible headline that agrees with the metadata, without the site name', () => {
    const head = '<title>Border talks resume after a week of delays - The Daily Example</title>';
    expect(extractArticle(page({ head, body: articleBody() }), URL_)?.title).toBe('Border talks resume after a week of delays');
  });

  it('returns undefined for a non-http(s) page URL', () => {
    expect(extractArticle(page({ body: articleBody() }), 'file:///tmp/a.html')).toBeUndefined();
  });
});

describe('helpers', () => {
  it.each([
    ['Border talks resume - The Daily Example', 'The Daily Example', 'Border talks resume'],
    ['CNN.com - Border talks resume after a week', undefined, 'Border talks resume after a week'],
    ['Smear tactics - Los Angeles Times', undefined, 'Smear tactics'],
    ['Border talks: what we know so far', undefined, 'Border talks: what we know so far'],
  ])('stripSiteName(%s)', (title, site, expected) => {
    expect(stripSiteName(title, site)).toBe(expected);
  });

  it.each([
    ['https://a.example/x?utm_source=t&fbclid=1&id=5#c', 'https://a.example/x?id=5'],
    ['/relative/path', 'https://base.example/relative/path'],
    ['javascript:alert(1)', undefined],
    ['data:text/html,<b>x</b>', undefined],
  ])('cleanUrl(%s)', (raw, expected) => {
    expect(cleanUrl(raw, 'https://base.example/page')).toBe(expected);
  });

  it.each(['Advertisement', 'Share', 'Read more', 'Photo: AP', 'Getty Images', '(Image: Reuters)', 'Updated Nov 19, 9:41 AM'])('"%s" is a leftover', (text) => {
    expect(isLeftover(text)).toBe(true);
  });

  it.each(['Share prices fell 3% on Monday after the talks ended without an agreement.', 'Read the full statement below.'])('"%s" is prose', (text) => {
    expect(isLeftover(text)).toBe(false);
  });
});
