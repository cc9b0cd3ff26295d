import { parseRssFeed } from 'feedsmith';
import { describe, expect, it } from 'vitest';
import { demoArticles, demoArticlesOf, demoArticleUrl, newestDemoArticle } from '../../../lib/demo/articles';
import { expectedQuotes } from '../../../lib/demo/expected-quotes';
import { escapeHtml, jsonForScript } from '../../../lib/demo/html';
import { demoOutletByHost, demoOutlets } from '../../../lib/demo/outlets';
import { renderArticlePage, renderDemoIndex, renderHomePage, renderRssFeed } from '../../../lib/demo/render';
import { DEMO_NOTE, type DemoArticle } from '../../../lib/demo/types';
import { metaContent, newsArticleLd, parsePage, wordCount } from './helpers';

const PORT = 43210;
const outlets = demoOutlets(PORT);
const outletOf = (a: DemoArticle) => outlets.find((o) => o.id === a.outletId)!;
const ISO_WITH_OFFSET = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(Z|[+-]\d{2}:\d{2})$/;

describe('demo outlets', () => {
  it('are eight fictional outlets on their own *.localhost hosts, with feeds on the port', () => {
    expect(outlets).toHaveLength(8);
    expect(new Set(outlets.map((o) => o.id)).size).toBe(8);
    expect(outlets.map((o) => o.country).sort()).toEqual(['AF', 'AF', 'IN', 'INT', 'IR', 'PK', 'QA', 'TR']);
    for (const o of outlets) {
      expect(o.domains).toEqual([`${o.id}.localhost`]);
      expect(o.feeds).toEqual([`http://${o.id}.localhost:${PORT}/feed.xml`]);
      expect(o.lean).toBeUndefined();
    }
    expect(outlets.find((o) => o.country === 'TR')).toMatchObject({ ownership: 'state-owned', stateAffiliated: true });
    expect(outlets.find((o) => o.country === 'QA')?.stateAffiliated).toBe(true);
    expect(outlets.find((o) => o.country === 'PK')).toMatchObject({ ownership: 'private', stateAffiliated: false });
  });

  it('are found by host, with or without port', () => {
    expect(demoOutletByHost('Indus-Ledger.localhost:8080', PORT)?.id).toBe('indus-ledger');
    expect(demoOutletByHost('lapis-tv.localhost', PORT)?.id).toBe('lapis-tv');
    expect(demoOutletByHost('example.com', PORT)).toBeUndefined();
  });
});

describe('demo articles', () => {
  const ofEvent = (event: string) => demoArticles.filter((a) => a.event === event);

  it('cover the events in the planned numbers, oldest first, newest in Istanbul', () => {
    expect(ofEvent('border-clashes').length).toBeGreaterThanOrEqual(2);
    expect(ofEvent('border-clashes').length).toBeLessThanOrEqual(4);
    expect(ofEvent('doha-ceasefire').length).toBeGreaterThanOrEqual(4);
    // Every outlet but the Iranian one covered Istanbul: that one is the demo's blindspot.
    const istanbulOutlets = ofEvent('istanbul-talks').map((a) => a.outletId);
    expect(istanbulOutlets.sort()).toEqual(outlets.map((o) => o.id).filter((id) => id !== 'caspian-herald').sort());
    expect(ofEvent('border-clashes').some((a) => a.outletId === 'caspian-herald')).toBe(true);
    expect(ofEvent('doha-ceasefire').some((a) => a.outletId === 'caspian-herald')).toBe(true);
    expect(ofEvent('unrelated').every((a) => a.story !== 'pak-afghan-talks')).toBe(true);
    const times = demoArticles.map((a) => Date.parse(a.published));
    expect(times).toEqual([...times].sort((x, y) => x - y));
    expect(newestDemoArticle().event).toBe('istanbul-talks');
  });

  it.each(demoArticles.map((a) => [a.id, a] as const))('%s is well formed', (_id, a) => {
    expect(outlets.some((o) => o.id === a.outletId)).toBe(true);
    expect(a.published).toMatch(ISO_WITH_OFFSET);
    if (a.modified) expect(Date.parse(a.modified)).toBeGreaterThan(Date.parse(a.published));
    expect(wordCount(a.paragraphs)).toBeGreaterThanOrEqual(200);
    expect(wordCount(a.paragraphs)).toBeLessThanOrEqual(500);
    expect(a.authors.length).toBeGreaterThan(0);
    expect(a.id).toMatch(/^[a-z0-9-]+$/);
  });

  it('have unique ids and unique URLs', () => {
    expect(new Set(demoArticles.map((a) => a.id)).size).toBe(demoArticles.length);
    expect(new Set(demoArticles.map((a) => demoArticleUrl(a, PORT))).size).toBe(demoArticles.length);
  });

  it('quote with the usual attribution patterns, once across paragraphs', () => {
    const text = demoArticles.flatMap((a) => a.paragraphs);
    expect(text.some((p) => /”,? [A-Z][\w .'-]+ said/.test(p) || /,” (said|the) /.test(p))).toBe(true);
    expect(text.some((p) => /^According to /.test(p))).toBe(true);
    expect(text.some((p) => p.includes('an unnamed source') || /source said/.test(p))).toBe(true);
    const multi = demoArticles.some((a) =>
      a.paragraphs.some((p, i) => p.includes('“') && !p.slice(p.lastIndexOf('“')).includes('”') && a.paragraphs[i + 1]?.startsWith('“')),
    );
    expect(multi).toBe(true);
    expect(text.some((p) => p.includes('taken aback'))).toBe(true);
    expect(text.some((p) => p.includes('Khawaja Asif'))).toBe(true);
  });
});

describe('gold quote labels', () => {
  it.each(demoArticles.map((a) => [a.id, a] as const))('%s: one label per opening quotation mark, in order', (_id, a) => {
    const labels = expectedQuotes[a.id] ?? [];
    const opened = a.paragraphs.flatMap((p, i) => [...p.matchAll(/“/g)].map((m) => ({ paragraph: i, text: p.slice(m.index + 1) })));
    expect(labels.map((l) => l.paragraph)).toEqual(opened.map((o) => o.paragraph));
    labels.forEach((label, i) => {
      expect(opened[i].text.startsWith(label.starts)).toBe(true);
      expect(label.speaker).not.toBe('');
    });
  });

  it('cover every article and nothing else', () => {
    expect(Object.keys(expectedQuotes).sort()).toEqual(demoArticles.map((a) => a.id).sort());
  });
});

describe('article pages', () => {
  it.each(demoArticles.map((a) => [a.id, a] as const))('%s carries the article metadata and body', (_id, a) => {
    const outlet = outletOf(a);
    const url = demoArticleUrl(a, PORT);
    const doc = parsePage(renderArticlePage(a, outlet, PORT));
    expect(doc.documentElement.getAttribute('lang')).toBe('en');
    expect(doc.querySelector('link[rel="canonical"]')?.getAttribute('href')).toBe(url);
    expect(metaContent(doc, 'og:type')).toBe('article');
    expect(metaContent(doc, 'og:title')).toBe(a.headline);
    expect(metaContent(doc, 'og:site_name')).toBe(outlet.name);
    expect(metaContent(doc, 'og:url')).toBe(url);
    expect(metaContent(doc, 'article:published_time')).toBe(a.published);
    const ld = newsArticleLd(doc);
    expect(ld).toMatchObject({
      headline: a.headline,
      datePublished: a.published,
      dateModified: a.modified ?? a.published,
      publisher: { name: outlet.name },
      mainEntityOfPage: { '@id': url },
    });
    expect((ld?.author as { name: string }[]).map((x) => x.name)).toEqual(a.authors);
    const article = doc.querySelector('article');
    expect(article?.querySelector('h1')?.textContent).toBe(a.headline);
    expect(article?.querySelector('time')?.getAttribute('datetime')).toBe(a.published);
    const bodyText = Array.from(article!.querySelectorAll('p')).map((p) => p.textContent);
    for (const p of a.paragraphs) expect(bodyText).toContain(p);
    expect(doc.body.textContent).toContain(DEMO_NOTE);
    expect(doc.body.textContent).toContain('Advertisement');
    expect(doc.body.textContent).toContain('Share');
    expect(doc.querySelector('footer')).not.toBeNull();
    expect(doc.querySelector('nav[aria-label="Breadcrumb"]')).not.toBeNull();
  });

  it('differ in markup between outlets', () => {
    const classes = new Set(
      demoArticles.filter((a) => a.event === 'istanbul-talks').map((a) => parsePage(renderArticlePage(a, outletOf(a), PORT)).querySelector('article')!.className),
    );
    expect(classes.size).toBe(7);
  });

  it('show a secondary-language headline where the data has one', () => {
    const a = demoArticles.find((x) => x.headlineAlt)!;
    const alt = parsePage(renderArticlePage(a, outletOf(a), PORT)).querySelector('[dir="rtl"]');
    expect(alt?.textContent).toBe(a.headlineAlt!.text);
    expect(alt?.getAttribute('lang')).toBe(a.headlineAlt!.lang);
  });
});

describe('home pages, index and feeds', () => {
  it.each(outlets.map((o) => [o.id, o] as const))('%s home page is a section front, not an article', (_id, o) => {
    const articles = demoArticlesOf(o.id);
    const doc = parsePage(renderHomePage(o, articles, PORT));
    expect(metaContent(doc, 'og:type')).toBe('website');
    expect(metaContent(doc, 'article:published_time')).toBeNull();
    expect(newsArticleLd(doc)).toBeUndefined();
    expect(doc.querySelector('article')).toBeNull();
    const links = Array.from(doc.querySelectorAll('a')).map((x) => x.getAttribute('href'));
    for (const a of articles) expect(links).toContain(demoArticleUrl(a, PORT));
    expect(doc.body.textContent).toContain(DEMO_NOTE);
  });

  it.each(outlets.map((o) => [o.id, o] as const))('%s feed is RSS 2.0 with one item per article', (_id, o) => {
    const articles = demoArticlesOf(o.id);
    const xml = renderRssFeed(o, articles, PORT);
    expect(xml).toMatch(/^<\?xml version="1.0" encoding="UTF-8"\?>\n<rss version="2.0"/);
    const feed = parseRssFeed(xml);
    expect(feed.title).toBe(o.name);
    expect(feed.description).toContain(DEMO_NOTE);
    expect(feed.items).toHaveLength(articles.length);
    feed.items!.forEach((item, i) => {
      const a = articles[i];
      expect(item.title).toBe(a.headline);
      expect(item.link).toBe(demoArticleUrl(a, PORT));
      expect(item.guid?.value).toBe(item.link);
      expect(item.pubDate).toMatch(/^[A-Z][a-z]{2}, \d{2} [A-Z][a-z]{2} \d{4} \d{2}:\d{2}:\d{2} GMT$/);
      expect(Date.parse(item.pubDate!)).toBe(Date.parse(a.published));
      // The note is said once for the channel: repeated per item it would tie every item together.
      expect(item.description).toBe(a.summary);
      expect(item.categories?.map((c) => c.name)).toContain(a.section);
    });
  });

  it('index lists every outlet and article', () => {
    const doc = parsePage(renderDemoIndex(PORT));
    const links = Array.from(doc.querySelectorAll('a')).map((x) => x.getAttribute('href'));
    for (const o of outlets) expect(links).toContain(`http://${o.id}.localhost:${PORT}/`);
    for (const a of demoArticles) expect(links).toContain(demoArticleUrl(a, PORT));
    expect(links).toContain('/spa/');
  });
});

describe('escaping', () => {
  const HOSTILE = `<script>alert("x")</script> & 'quotes' </title>`;
  const hostile: DemoArticle = {
    ...demoArticles[0],
    id: 'hostile',
    headline: HOSTILE,
    dek: `"><img src=x onerror=alert(1)>`,
    summary: `]]></description><script>alert(2)</script>`,
    authors: ['A & B </script><script>alert(3)</script>'],
    tags: ['<b>tag</b>'],
    section: '<i>World</i>',
    paragraphs: ['</p><script>alert(4)</script>', 'Line\u2028separator </script> end'],
  };
  const outlet = outletOf(hostile);

  it('renders hostile article text as text', () => {
    const html = renderArticlePage(hostile, outlet, PORT, []);
    const doc = parsePage(html);
    const scripts = Array.from(doc.querySelectorAll('script'));
    expect(scripts.map((s) => s.getAttribute('type'))).toEqual(['application/ld+json']);
    expect(doc.querySelectorAll('img')).toHaveLength(0);
    expect(doc.querySelector('article h1')?.textContent).toBe(HOSTILE);
    expect(doc.title).toContain(HOSTILE);
    expect(metaContent(doc, 'og:title')).toBe(HOSTILE);
    expect(newsArticleLd(doc)?.headline).toBe(HOSTILE);
    const paras = Array.from(doc.querySelectorAll('article p')).map((p) => p.textContent);
    expect(paras).toContain(hostile.paragraphs[0]);
  });

  it('escapes home pages and feeds too', () => {
    const home = parsePage(renderHomePage(outlet, [hostile], PORT));
    expect(Array.from(home.querySelectorAll('script')).every((s) => s.getAttribute('type') === 'application/ld+json')).toBe(true);
    expect(home.querySelector('h3')?.textContent).toBe(HOSTILE);
    const feed = parseRssFeed(renderRssFeed(outlet, [hostile], PORT));
    expect(feed.items?.[0].title).toBe(HOSTILE);
    expect(feed.items?.[0].description).toContain(hostile.summary);
  });

  it('has helpers that leave nothing active', () => {
    expect(escapeHtml(`<a href="x">'&'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;');
    const json = jsonForScript({ s: '</script><!-- \u2028 &' });
    expect(json).not.toMatch(/[<>&\u2028]/);
    expect(JSON.parse(json)).toEqual({ s: '</script><!-- \u2028 &' });
  });
});
