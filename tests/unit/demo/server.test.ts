import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoArticles, demoArticlesOf, newestDemoArticle } from '../../../lib/demo/articles';
import { SPA_ARTICLE_IDS } from '../../../lib/demo/spa';
import { demoRequest, startDemoServer, type DemoServer } from '../../harness/demo-server';
import { metaContent, newsArticleLd, parsePage } from './helpers';

let demo: DemoServer;

beforeAll(async () => {
  demo = await startDemoServer({ port: 0 });
});

afterAll(async () => {
  await demo.close();
});

describe('demo server', () => {
  it('listens on an ephemeral port of 127.0.0.1 and builds URLs on outlet hosts', () => {
    expect(demo.port).toBeGreaterThan(0);
    expect(demo.origin).toBe(`http://127.0.0.1:${demo.port}`);
    expect(demo.homeUrl('lapis-tv')).toBe(`http://lapis-tv.localhost:${demo.port}/`);
    expect(demo.feedUrl('lapis-tv')).toBe(`http://lapis-tv.localhost:${demo.port}/feed.xml`);
    expect(demo.articleUrl(newestDemoArticle().id)).toBe(demo.newestArticleUrl());
    expect(new URL(demo.newestArticleUrl()).hostname).toBe(`${newestDemoArticle().outletId}.localhost`);
    expect(() => demo.articleUrl('no-such-article')).toThrow();
    expect(() => demo.homeUrl('no-such-outlet')).toThrow();
  });

  it('serves every article page on its outlet host, uncached', async () => {
    for (const a of demoArticles) {
      const res = await demoRequest(demo.articleUrl(a.id));
      expect(res.status).toBe(200);
      expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
      expect(res.headers['cache-control']).toBe('no-store');
      const doc = parsePage(res.body);
      expect(newsArticleLd(doc)?.headline).toBe(a.headline);
      expect(doc.querySelector('link[rel="canonical"]')?.getAttribute('href')).toBe(demo.articleUrl(a.id));
    }
  });

  it('routes by Host: an article path on another outlet host is not found', async () => {
    const url = new URL(demo.articleUrl(demoArticlesOf('indus-ledger')[0].id));
    url.hostname = 'meridian-wire.localhost';
    expect((await demoRequest(url.href)).status).toBe(404);
    expect((await demoRequest(`http://unknown.localhost:${demo.port}/`)).status).toBe(404);
    expect((await demoRequest(`http://indus-ledger.localhost:${demo.port}/nope`)).status).toBe(404);
    expect((await demoRequest(`http://indus-ledger.localhost:${demo.port}/favicon.ico`)).status).toBe(404);
  });

  it('serves home pages and the landing index', async () => {
    const home = await demoRequest(demo.homeUrl('marmara-agency'));
    expect(home.status).toBe(200);
    expect(metaContent(parsePage(home.body), 'og:type')).toBe('website');
    const index = await fetch(`${demo.origin}/`);
    expect(index.status).toBe(200);
    const text = await index.text();
    for (const o of demo.outlets) expect(text).toContain(o.name);
  });

  it('serves feeds with validators and answers conditional requests with 304', async () => {
    const first = await demoRequest(demo.feedUrl('meridian-wire'));
    expect(first.status).toBe(200);
    expect(first.headers['content-type']).toBe('application/rss+xml; charset=utf-8');
    expect(first.body.match(/<item>/g)).toHaveLength(demoArticlesOf('meridian-wire').length);
    const etag = first.headers.etag as string;
    const lastModified = first.headers['last-modified'] as string;
    expect(etag).toMatch(/^"[0-9a-f]+"$/);
    expect(Date.parse(lastModified)).toBeGreaterThan(0);

    const byEtag = await demoRequest(demo.feedUrl('meridian-wire'), { headers: { 'If-None-Match': etag } });
    expect(byEtag.status).toBe(304);
    expect(byEtag.body).toBe('');
    expect(byEtag.headers.etag).toBe(etag);
    const byDate = await demoRequest(demo.feedUrl('meridian-wire'), { headers: { 'If-Modified-Since': lastModified } });
    expect(byDate.status).toBe(304);
    const stale = await demoRequest(demo.feedUrl('meridian-wire'), { headers: { 'If-None-Match': '"other"', 'If-Modified-Since': lastModified } });
    expect(stale.status).toBe(200);
    const older = await demoRequest(demo.feedUrl('meridian-wire'), { headers: { 'If-Modified-Since': 'Mon, 01 Jan 2024 00:00:00 GMT' } });
    expect(older.status).toBe(200);
    const other = await demoRequest(demo.feedUrl('lapis-tv'), { headers: { 'If-None-Match': etag } });
    expect(other.status).toBe(200);
  });

  it('answers HEAD without a body and refuses other methods', async () => {
    const head = await demoRequest(demo.newestArticleUrl(), { method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(head.body).toBe('');
    expect((await fetch(`${demo.origin}/`, { method: 'POST' })).status).toBe(405);
  });

  it('serves the SPA test page at /spa/ and at each of its routes', async () => {
    const root = await fetch(demo.spaUrl());
    expect(root.status).toBe(200);
    expect(root.headers.get('cache-control')).toBe('no-store');
    for (const id of SPA_ARTICLE_IDS) {
      const res = await fetch(`${demo.origin}/spa/${id}`);
      expect(res.status).toBe(200);
      const doc = parsePage(await res.text());
      expect(doc.querySelector('link[rel="canonical"]')?.getAttribute('href')).toBe(`${demo.origin}/spa/${id}`);
    }
    expect((await fetch(`${demo.origin}/spa/unknown`)).status).toBe(404);
  });

  it('logs the requests it served', () => {
    expect(demo.log.some((line) => line.includes('/feed.xml 304'))).toBe(true);
  });
});
