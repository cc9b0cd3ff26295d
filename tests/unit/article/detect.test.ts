// Each detection rule with an example page beside it, checked positive and against the other
// rules' negatives (STYLE.md §4.2).
import { describe, expect, it } from 'vitest';
import { detectArticle, isLikelyArticle } from '../../../lib/article/detect';
import { urlShape } from '../../../lib/article/url';
import { articleBody, jsonLd, page } from './page';

const STORY_URL = 'https://news.example/world/2025/10/19/border-talks-resume-after-delays';

describe('detectArticle: articles', () => {
  it.each([
    ['JSON-LD NewsArticle', jsonLd({ '@context': 'https://schema.org', '@type': 'NewsArticle', headline: 'Border talks resume' })],
    ['JSON-LD @graph with a type list', jsonLd({ '@graph': [{ '@type': 'WebSite' }, { '@type': ['Article', 'NewsArticle'], headline: 'x' }] })],
    ['JSON-LD array of nodes', jsonLd([{ '@type': 'Organization' }, { '@type': 'ReportageNewsArticle' }])],
    ['JSON-LD LiveBlogPosting', jsonLd({ '@type': 'LiveBlogPosting', headline: 'Live: talks' })],
    ['og:type article', '<meta property="og:type" content="article">'],
    ['article:published_time', '<meta property="article:published_time" content="2025-10-19T08:00:00+05:00">'],
  ])('%s with a body is an article', (_name, head) => {
    const result = detectArticle(page({ head, body: articleBody() }), 'https://news.example/story/48854746');
    expect(result.isArticle).toBe(true);
  });

  it('a story URL with a body and no metadata is an article (saved pages carry no scripts)', () => {
    expect(detectArticle(page({ body: articleBody() }), STORY_URL).isArticle).toBe(true);
  });

  it('a JSON-LD article outweighs a short, section-shaped URL', () => {
    const doc = page({ head: jsonLd({ '@type': 'NewsArticle', headline: 'x' }), body: articleBody() });
    expect(detectArticle(doc, 'https://news.example/p/abc').isArticle).toBe(true);
  });

  it('microdata NewsArticle wrapping the headline counts as metadata', () => {
    const body = `<div itemscope itemtype="https://schema.org/NewsArticle">${articleBody()}</div>`;
    expect(isLikelyArticle(page({ body }), 'https://news.example/a')).toBe(true);
  });
});

describe('detectArticle: not articles', () => {
  it.each([
    ['the home page', 'https://news.example/'],
    ['a section front', 'https://news.example/politics'],
    ['a section under a prefix', 'https://news.example/section/world-news'],
    ['a video page', 'https://news.example/video/border-talks-resume-after-delays'],
    ['a photo gallery', 'https://news.example/pictures/border-talks-resume-in-pictures'],
    ['a topic listing', 'https://news.example/topics/border-talks-and-ceasefire-news'],
    ['search results', 'https://news.example/search?q=border+talks+resume'],
  ])('%s (%s) is not an article even with article metadata', (_name, url) => {
    const doc = page({ head: '<meta property="og:type" content="article">', body: articleBody() });
    expect(detectArticle(doc, url).isArticle).toBe(false);
  });

  it('og:type video.other is not an article', () => {
    const doc = page({ head: '<meta property="og:type" content="video.other">', body: articleBody() });
    expect(detectArticle(doc, STORY_URL).isArticle).toBe(false);
  });

  it('a story-shaped URL with only a teaser is not an article', () => {
    const doc = page({ head: '<meta property="og:type" content="article">', body: '<h1>Border talks</h1><p>Watch the report from the border.</p>' });
    expect(detectArticle(doc, STORY_URL).isArticle).toBe(false);
  });

  it('a page with nothing that suggests an article fails the cheap check', () => {
    expect(isLikelyArticle(page({ body: '<p>Contact us</p>' }), 'https://news.example/contact')).toBe(false);
  });

  it('a section front of short teasers is not an article', () => {
    const cards = Array.from({ length: 20 }, (_, i) => `<div class="card"><a href="/news/story-${i}-with-a-long-slug-here"><h3>Story ${i}</h3></a><p>Short teaser.</p></div>`).join('');
    expect(detectArticle(page({ head: '<meta property="og:type" content="website">', body: cards }), 'https://news.example/world').isArticle).toBe(false);
  });
});

describe('urlShape', () => {
  it.each([
    ['https://www.cnn.example/2019/05/21/health/sea-levels/index.html', { hasDate: true }],
    ['https://www.dw.example/en/afghans-deported-from-germany-face-violence/a-48854746', { hasSlug: true, hasNumericId: true }],
    ['https://abc.example/US/story?id=63037526', { hasNumericId: true }],
    ['https://news.example/politics', { isSectionLike: true }],
    ['https://news.example/av/world-asia-45022643/duterte-crushes-cars', { hasNonArticleSegment: true }],
  ])('%s', (url, expected) => {
    expect(urlShape(url)).toMatchObject(expected);
  });
});
