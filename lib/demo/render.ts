// Pure renderers of the demo site: article pages here; home pages, feeds and the landing index
// in render-site.ts (re-exported). Every string from the data is escaped.
import { demoArticlePath, demoArticlesOf } from './articles';
import { escapeHtml, jsonForScript } from './html';
import { demoOrigin } from './outlets';
import { renderDemoNote, renderFooter, renderHead, renderMasthead } from './render-chrome';
import { demoSkin, type DemoSkin } from './skins';
import type { Outlet } from '../types';
import type { DemoArticle } from './types';

export { renderDemoIndex, renderHomePage, renderRssFeed } from './render-site';

const isDesk = (name: string): boolean => /\b(staff|desk|correspondents?|bureau)\b/i.test(name);

function authorsLd(article: DemoArticle, outlet: Outlet): unknown[] {
  return article.authors.map((name) =>
    isDesk(name) ? { '@type': 'Organization', name } : { '@type': 'Person', name, worksFor: { '@type': 'Organization', name: outlet.name } },
  );
}

/** The schema.org NewsArticle object of a page. */
export function newsArticleLd(article: DemoArticle, outlet: Outlet, url: string): Record<string, unknown> {
  return {
    '@type': 'NewsArticle',
    headline: article.headline,
    description: article.dek,
    datePublished: article.published,
    dateModified: article.modified ?? article.published,
    author: authorsLd(article, outlet),
    publisher: { '@type': 'Organization', name: outlet.name, logo: { '@type': 'ImageObject', url: `${new URL(url).origin}/logo.png` } },
    mainEntityOfPage: { '@type': 'WebPage', '@id': url },
    articleSection: article.section,
    keywords: article.tags.join(', '),
    inLanguage: 'en',
    isAccessibleForFree: true,
  };
}

function articleHeadExtra(article: DemoArticle, outlet: Outlet, url: string, skin: DemoSkin): string {
  const ld = newsArticleLd(article, outlet, url);
  // Broadcasters use a Yoast-style @graph; the others a bare NewsArticle, as real sites vary.
  const json =
    skin.layout === 'broadcast'
      ? { '@context': 'https://schema.org', '@graph': [{ '@type': 'WebPage', '@id': url, url, name: article.headline }, ld] }
      : { '@context': 'https://schema.org', ...ld };
  const meta = (attr: 'name' | 'property', key: string, value: string): string =>
    `<meta ${attr}="${key}" content="${escapeHtml(value)}">`;
  return [
    `<link rel="canonical" href="${escapeHtml(url)}">`,
    `<link rel="alternate" type="application/rss+xml" title="${escapeHtml(outlet.name)}" href="/feed.xml">`,
    meta('name', 'author', article.authors.join(', ')),
    meta('property', 'og:type', 'article'),
    meta('property', 'og:title', article.headline),
    meta('property', 'og:description', article.dek),
    meta('property', 'og:site_name', outlet.name),
    meta('property', 'og:url', url),
    meta('property', 'og:locale', 'en_GB'),
    meta('property', 'article:published_time', article.published),
    meta('property', 'article:modified_time', article.modified ?? article.published),
    meta('property', 'article:section', article.section),
    ...article.tags.map((tag) => meta('property', 'article:tag', tag)),
    meta('name', 'twitter:card', 'summary'),
    `<script type="application/ld+json">${jsonForScript(json)}</script>`,
  ].join('\n');
}

function paragraphsWithAd(article: DemoArticle, p: string): string {
  return article.paragraphs
    .map((text, i) => {
      const para = `<p>${escapeHtml(text)}</p>`;
      return i === 1 ? `${para}\n<div class="${p}-ad" aria-label="Advertisement"><span>Advertisement</span></div>` : para;
    })
    .join('\n');
}

function timeElement(iso: string, skin: DemoSkin, cls: string, label = ''): string {
  return `<time class="${cls}" datetime="${escapeHtml(iso)}">${escapeHtml(label)}${escapeHtml(skin.formatDate(iso))} ${escapeHtml(skin.zoneLabel)}</time>`;
}

function shareRow(p: string): string {
  return `<div class="${p}-share" aria-label="Share"><span>Share</span> <button type="button" data-share="x">X</button><button type="button" data-share="facebook">Facebook</button><button type="button" data-share="whatsapp">WhatsApp</button><button type="button" data-share="copy">Copy link</button></div>`;
}

function relatedList(related: DemoArticle[], port: number, p: string, heading: string): string {
  if (related.length === 0) return '';
  const items = related
    .map((a) => `<li><a href="${escapeHtml(demoOrigin(a.outletId, port) + demoArticlePath(a))}">${escapeHtml(a.headline)}</a></li>`)
    .join('');
  return `<aside class="${p}-related"><h2>${escapeHtml(heading)}</h2><ul>${items}</ul></aside>`;
}

function breadcrumbs(article: DemoArticle, home: string, p: string): string {
  return `<nav class="${p}-breadcrumbs" aria-label="Breadcrumb"><ol><li><a href="${escapeHtml(home)}">Home</a></li><li><a href="${escapeHtml(home)}">${escapeHtml(article.section)}</a></li></ol></nav>`;
}

function altHeadline(article: DemoArticle, cls: string): string {
  const alt = article.headlineAlt;
  return alt ? `<div class="${cls}" lang="${escapeHtml(alt.lang)}" dir="${alt.dir}">${escapeHtml(alt.text)}</div>` : '';
}

function bylineText(authors: string[]): string {
  return authors.length <= 1 ? authors.join('') : `${authors.slice(0, -1).join(', ')} and ${authors[authors.length - 1]}`;
}

function newspaperMain(article: DemoArticle, skin: DemoSkin, home: string): string {
  const p = skin.prefix;
  const modified = article.modified ? ` · ${timeElement(article.modified, skin, `${p}-updated`, 'Updated ')}` : '';
  return `${breadcrumbs(article, home, p)}
<article class="${p}-story">
<header class="${p}-story-header">
<h1 class="${p}-headline">${escapeHtml(article.headline)}</h1>
${altHeadline(article, `${p}-headline-alt`)}
<p class="${p}-standfirst">${escapeHtml(article.dek)}</p>
<div class="${p}-meta"><span class="${p}-byline">By ${article.authors.map((a) => `<a rel="author" href="${escapeHtml(home)}">${escapeHtml(a)}</a>`).join(' and ')}</span> · ${timeElement(article.published, skin, `${p}-published`, 'Published ')}${modified}</div>
</header>
${shareRow(p)}
<div class="${p}-body">
${paragraphsWithAd(article, p)}
</div>
</article>`;
}

function agencyMain(article: DemoArticle, skin: DemoSkin, home: string): string {
  const p = skin.prefix;
  return `${breadcrumbs(article, home, p)}
<article class="news-detail ${p}-detail" id="${p}-article">
<div class="${p}-kicker">${escapeHtml(article.section)}</div>
<h1 class="${p}-title">${escapeHtml(article.headline)}</h1>
${altHeadline(article, `${p}-title-alt`)}
<h2 class="${p}-summary">${escapeHtml(article.dek)}</h2>
<div class="${p}-dateline">${timeElement(article.published, skin, `${p}-date`)}</div>
<div class="${p}-article-text">
${paragraphsWithAd(article, p)}
</div>
<div class="${p}-credit">Reporting by <span class="${p}-author">${escapeHtml(bylineText(article.authors))}</span></div>
${shareRow(p)}
<ul class="${p}-tags">${article.tags.map((t) => `<li><a href="${escapeHtml(home)}">${escapeHtml(t)}</a></li>`).join('')}</ul>
</article>`;
}

function broadcastMain(article: DemoArticle, skin: DemoSkin, home: string): string {
  const p = skin.prefix;
  return `<article class="${p}-news-article">
<header>
${breadcrumbs(article, home, p)}
<h1 class="${p}-article-title">${escapeHtml(article.headline)}</h1>
${altHeadline(article, `${p}-article-title-alt`)}
<p class="${p}-article-excerpt"><em>${escapeHtml(article.dek)}</em></p>
<ul class="${p}-article-info"><li class="${p}-author">${escapeHtml(bylineText(article.authors))}</li><li>${timeElement(article.published, skin, `${p}-time`)}</li></ul>
</header>
<figure class="${p}-video" aria-label="Video"><div class="${p}-video-placeholder">Video player</div><figcaption>Demo video placeholder</figcaption></figure>
${shareRow(p)}
<div class="${p}-article-content">
${paragraphsWithAd(article, p)}
</div>
</article>`;
}

/**
 * A realistic article page of `outlet`. `related` defaults to the outlet's other demo articles.
 */
export function renderArticlePage(article: DemoArticle, outlet: Outlet, port: number, related?: DemoArticle[]): string {
  const skin = demoSkin(outlet.id);
  const origin = demoOrigin(outlet.id, port);
  const url = origin + demoArticlePath(article);
  const home = `${origin}/`;
  const others = related ?? demoArticlesOf(outlet.id).filter((a) => a.id !== article.id).slice(0, 5);
  const main =
    skin.layout === 'agency'
      ? agencyMain(article, skin, home)
      : skin.layout === 'broadcast'
        ? broadcastMain(article, skin, home)
        : newspaperMain(article, skin, home);
  const head = renderHead({
    title: `${article.headline} | ${outlet.name}`,
    description: article.dek,
    lang: 'en',
    extra: articleHeadExtra(article, outlet, url, skin),
    skin,
  });
  return `${head}
<body class="${skin.prefix}-article-page">
${renderDemoNote()}
${renderMasthead(outlet, skin, home)}
<main class="${skin.prefix}-wrap" id="main">
${main}
${relatedList(others, port, skin.prefix, skin.layout === 'broadcast' ? `More from ${outlet.name}` : 'Latest news')}
</main>
${renderFooter(outlet, skin)}
</body>
</html>
`;
}
