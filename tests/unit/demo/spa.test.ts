// Runs the SPA page's own script in jsdom: a click must push the new URL and rewrite the head
// metadata and the article, and Back must restore the first article.
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { demoOutlets } from '../../../lib/demo/outlets';
import { renderSpaPage, spaPath } from '../../../lib/demo/render-spa';
import { SPA_ARTICLE_IDS, SPA_OUTLET_ID, spaArticles } from '../../../lib/demo/spa';

const ORIGIN = 'http://127.0.0.1:43210';

function load(path = '/spa/'): JSDOM {
  const outlet = demoOutlets(43210).find((o) => o.id === SPA_OUTLET_ID)!;
  return new JSDOM(renderSpaPage(spaArticles(), outlet, ORIGIN), { url: ORIGIN + path, runScripts: 'dangerously' });
}

const ldHeadline = (doc: Document): unknown =>
  (JSON.parse(doc.querySelector('script[type="application/ld+json"]')!.textContent!) as { headline: string }).headline;

describe('SPA test page', () => {
  const [first, second] = spaArticles();

  it('switches between two demo articles of one story', () => {
    expect(spaArticles().map((a) => a.id)).toEqual(SPA_ARTICLE_IDS);
    expect(first.story).toBe(second.story);
    expect(first.event).not.toBe(second.event);
  });

  it('pushes the route and rewrites head metadata and body on click', () => {
    const { window } = load();
    const doc = window.document;
    expect(doc.querySelector('h1')?.textContent).toBe(first.headline);
    doc.querySelector<HTMLAnchorElement>(`a[data-spa-route="${second.id}"]`)!.click();
    expect(window.location.pathname).toBe(spaPath(second));
    expect(doc.title).toContain(second.headline);
    expect(doc.querySelector('link[rel="canonical"]')?.getAttribute('href')).toBe(ORIGIN + spaPath(second));
    expect(doc.querySelector('meta[property="og:title"]')?.getAttribute('content')).toBe(second.headline);
    expect(doc.querySelector('meta[property="og:url"]')?.getAttribute('content')).toBe(ORIGIN + spaPath(second));
    expect(doc.querySelector('meta[property="article:published_time"]')?.getAttribute('content')).toBe(second.published);
    expect(ldHeadline(doc)).toBe(second.headline);
    expect(doc.querySelector('article h1')?.textContent).toBe(second.headline);
    expect(doc.querySelectorAll('article p').length).toBe(second.paragraphs.length + 1);
    window.close();
  });

  it('always offers the other article as the first link (the e2e test clicks the first)', () => {
    const { window } = load();
    const doc = window.document;
    const firstLink = () => doc.querySelector('a[data-spa-route]')!;
    expect(firstLink().getAttribute('data-spa-route')).toBe(second.id);
    (firstLink() as HTMLAnchorElement).click();
    expect(doc.querySelector('article h1')?.textContent).toBe(second.headline);
    expect(firstLink().getAttribute('data-spa-route')).toBe(first.id);
    window.close();
  });

  it('restores the first article on Back', async () => {
    const { window } = load();
    const doc = window.document;
    doc.querySelector<HTMLAnchorElement>(`a[data-spa-route="${second.id}"]`)!.click();
    const popped = new Promise((resolve) => window.addEventListener('popstate', resolve, { once: true }));
    window.history.back();
    await popped;
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(window.location.pathname).toBe('/spa/');
    expect(doc.querySelector('article h1')?.textContent).toBe(first.headline);
    expect(ldHeadline(doc)).toBe(first.headline);
    window.close();
  });

  it('lags the rewrite behind the URL with ?delay=', async () => {
    const { window } = load('/spa/?delay=30');
    const doc = window.document;
    doc.querySelector<HTMLAnchorElement>(`a[data-spa-route="${second.id}"]`)!.click();
    expect(window.location.pathname).toBe(spaPath(second));
    expect(doc.querySelector('article h1')?.textContent).toBe(first.headline);
    await new Promise((resolve) => setTimeout(resolve, 80));
    expect(doc.querySelector('article h1')?.textContent).toBe(second.headline);
    window.close();
  });
});
