// A single-page-app test page: its script switches between demo articles with history.pushState,
// rewriting the head metadata (title, canonical, og:*, JSON-LD) and the article body, as news SPAs
// do. `?delay=MS` makes the rewrite lag the URL change, like an app that fetches before rendering.
import { escapeHtml, jsonForScript } from './html';
import { newsArticleLd } from './render';
import { renderDemoNote, renderHead } from './render-chrome';
import { demoSkin } from './skins';
import type { Outlet } from '../types';
import type { DemoArticle } from './types';

interface SpaRoute {
  id: string;
  path: string;
  url: string;
  title: string;
  headline: string;
  description: string;
  published: string;
  modified: string;
  ld: string;
  articleHtml: string;
  /** Links to the other routes: the first link on the page always leads to another article. */
  navHtml: string;
}

/** The SPA path of an article: "/spa/<id>". */
export function spaPath(article: DemoArticle): string {
  return `/spa/${article.id}`;
}

function spaArticleHtml(a: DemoArticle): string {
  return `<h1 class="spa-headline">${escapeHtml(a.headline)}</h1>
<p class="spa-dek">${escapeHtml(a.dek)}</p>
<div class="spa-meta">By <span class="spa-byline">${escapeHtml(a.authors.join(' and '))}</span> · <time datetime="${escapeHtml(a.published)}">${escapeHtml(a.published.slice(0, 10))}</time></div>
<div class="spa-body">${a.paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`).join('\n')}</div>`;
}

function spaNavHtml(current: DemoArticle, all: DemoArticle[]): string {
  return all
    .filter((a) => a.id !== current.id)
    .map((a) => `<li><a href="${escapeHtml(spaPath(a))}" data-spa-route="${escapeHtml(a.id)}">${escapeHtml(a.headline)}</a></li>`)
    .join('');
}

function spaRoute(a: DemoArticle, all: DemoArticle[], outlet: Outlet, origin: string): SpaRoute {
  const url = origin + spaPath(a);
  return {
    id: a.id,
    path: spaPath(a),
    url,
    title: `${a.headline} | ${outlet.name}`,
    headline: a.headline,
    description: a.dek,
    published: a.published,
    modified: a.modified ?? a.published,
    ld: JSON.stringify({ '@context': 'https://schema.org', ...newsArticleLd(a, outlet, url) }),
    articleHtml: spaArticleHtml(a),
    navHtml: spaNavHtml(a, all),
  };
}

// Plain ES5-style script, no template literals, so it reads the same in every browser.
const SPA_SCRIPT = `(function () {
  var data = JSON.parse(document.getElementById('spa-data').textContent);
  var delay = Number(new URLSearchParams(location.search).get('delay')) || 0;
  function byId(id) { for (var i = 0; i < data.routes.length; i++) if (data.routes[i].id === id) return data.routes[i]; }
  function byPath(path) { for (var i = 0; i < data.routes.length; i++) if (data.routes[i].path === path) return data.routes[i]; return data.routes[0]; }
  function setMeta(selector, value) { var el = document.head.querySelector(selector); if (el) el.setAttribute('content', value); }
  function render(r) {
    document.title = r.title;
    document.head.querySelector('link[rel="canonical"]').setAttribute('href', r.url);
    setMeta('meta[name="description"]', r.description);
    setMeta('meta[property="og:title"]', r.headline);
    setMeta('meta[property="og:description"]', r.description);
    setMeta('meta[property="og:url"]', r.url);
    setMeta('meta[property="article:published_time"]', r.published);
    setMeta('meta[property="article:modified_time"]', r.modified);
    var old = document.getElementById('spa-ld');
    var ld = document.createElement('script');
    ld.type = 'application/ld+json';
    ld.id = 'spa-ld';
    ld.textContent = r.ld;
    old.parentNode.replaceChild(ld, old);
    document.getElementById('spa-article').innerHTML = r.articleHtml;
    document.getElementById('spa-nav-list').innerHTML = r.navHtml;
    document.body.setAttribute('data-spa-route', r.id);
  }
  function go(r, push) {
    if (push) history.pushState({ id: r.id }, '', r.path);
    if (delay > 0) setTimeout(function () { render(r); }, delay); else render(r);
  }
  document.addEventListener('click', function (event) {
    var link = event.target && event.target.closest ? event.target.closest('a[data-spa-route]') : null;
    if (!link) return;
    var r = byId(link.getAttribute('data-spa-route'));
    if (!r) return;
    event.preventDefault();
    go(r, true);
  });
  window.addEventListener('popstate', function () { go(byPath(location.pathname), false); });
  window.threadlineDemoSpa = { go: function (id) { var r = byId(id); if (r) go(r, true); } };
})();`;

/**
 * The SPA page for `articles` (at least one), served at `origin`/spa/; `currentId` is the article
 * the server renders first (the one at the requested path).
 */
export function renderSpaPage(articles: DemoArticle[], outlet: Outlet, origin: string, currentId?: string): string {
  if (articles.length === 0) throw new Error('renderSpaPage needs at least one article');
  const routes = articles.map((a) => spaRoute(a, articles, outlet, origin));
  const current = routes.find((r) => r.id === currentId) ?? routes[0];
  const skin = demoSkin(outlet.id);
  const meta = (attr: 'name' | 'property', key: string, value: string): string => `<meta ${attr}="${key}" content="${escapeHtml(value)}">`;
  const extra = [
    `<link rel="canonical" href="${escapeHtml(current.url)}">`,
    meta('property', 'og:type', 'article'),
    meta('property', 'og:title', current.headline),
    meta('property', 'og:description', current.description),
    meta('property', 'og:site_name', outlet.name),
    meta('property', 'og:url', current.url),
    meta('property', 'article:published_time', current.published),
    meta('property', 'article:modified_time', current.modified),
    `<script type="application/ld+json" id="spa-ld">${current.ld.replace(/</g, '\\u003c').replace(/>/g, '\\u003e').replace(/&/g, '\\u0026')}</script>`,
  ].join('\n');
  return `${renderHead({ title: current.title, description: current.description, lang: 'en', extra, skin })}
<body class="spa" data-spa-route="${escapeHtml(current.id)}">
${renderDemoNote()}
<header class="spa-header"><strong>${escapeHtml(outlet.name)}</strong> · single-page app test</header>
<nav class="spa-nav" aria-label="More stories"><h2>Read next</h2><ul id="spa-nav-list">${current.navHtml}</ul></nav>
<main><article id="spa-article">${current.articleHtml}</article></main>
<script type="application/json" id="spa-data">${jsonForScript({ routes })}</script>
<script>${SPA_SCRIPT}</script>
</body>
</html>
`;
}
