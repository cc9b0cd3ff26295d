// The project's own page corpus (tests/fixtures/pages/<slug>/{source.html, expected.json}), read
// as mozilla/readability reads its test pages: one loop checks detection and extraction on each.
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { detectArticle } from '../../../lib/article/detect';
import { extractArticle, extractDates } from '../../../lib/article/extract';
import { parseWithLinkedom } from '../../eval/support/page';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', 'fixtures', 'pages');

interface Expected {
  url: string;
  isArticle: boolean;
  title?: string;
  siteName?: string;
  canonicalUrl?: string;
  published?: string;
  bylines?: string[];
  section?: string;
  firstParagraph?: string;
  paragraphs?: number;
  bodyExcludes?: string[];
}

describe.each(readdirSync(root))('fixture page %s', (slug) => {
  const expected = JSON.parse(readFileSync(join(root, slug, 'expected.json'), 'utf8')) as Expected;
  const doc = () => parseWithLinkedom(readFileSync(join(root, slug, 'source.html'), 'utf8'));

  it(`is ${expected.isArticle ? '' : 'not '}an article`, () => {
    expect(detectArticle(doc(), expected.url).isArticle).toBe(expected.isArticle);
  });

  if (!expected.isArticle) return;

  it('extracts the expected fields', () => {
    const article = extractArticle(doc(), expected.url, { now: Date.UTC(2026, 0, 1) })!;
    for (const key of ['title', 'siteName', 'canonicalUrl', 'published', 'bylines', 'section'] as const) {
      if (expected[key] !== undefined) expect(article[key], key).toEqual(expected[key]);
    }
    if (expected.firstParagraph) expect(article.paragraphs[0]).toMatch(new RegExp(`^${expected.firstParagraph}`));
    if (expected.paragraphs !== undefined) expect(article.paragraphs).toHaveLength(expected.paragraphs);
    const body = article.paragraphs.join('\n');
    for (const text of expected.bodyExcludes ?? []) expect(body).not.toContain(text);
  });

  it('finds the same date alone as within the full extraction', () => {
    const now = Date.UTC(2026, 0, 1);
    expect(extractDates(doc(), expected.url, { now }).published).toBe(extractArticle(doc(), expected.url, { now })?.published);
  });
});
