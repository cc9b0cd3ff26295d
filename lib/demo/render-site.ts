// Pages that are not articles (outlet home pages, the landing index) and the RSS feeds.
import { demoArticles, demoArticlePath, demoArticlesOf } from './articles';
import { escapeHtml, jsonForScript, rfc822 } from './html';
import { demoOrigin, demoOutlets } from './outlets';
import { renderDemoNote, renderFooter, renderHead, renderMasthead } from './render-chrome';
import { demoSkin } from './skins';
import type { Outlet } from '../types';
import type { DemoArticle } from './types';
import { DEMO_NOTE } from './types';

/** A section front: headlines and summaries, no article metadata (og:type website). */
export function renderHomePage(outlet: Outlet, articles: DemoArticle[], port: number): string {
  const skin = demoSkin(outlet.id);
  const p = skin.prefix;
  const origin = demoOrigin(outlet.id, port);
  const home = `${origin}/`;
  const extra = [
    `<link rel="canonical" href="${escapeHtml(home)}">`,
    `<link rel="alternate" type="application/rss+xml" title="${escapeHtml(outlet.name)}" href="/feed.xml">`,
    `<meta property="og:type" content="website">`,
    `<meta property="og:title" content="${escapeHtml(outlet.name)}">`,
    `<meta property="og:site_name" content="${escapeHtml(outlet.name)}">`,
    `<meta property="og:url" content="${escapeHtml(home)}">`,
    `<script type="application/ld+json">${jsonForScript({ '@context': 'https://schema.org', '@type': 'WebSite', name: outlet.name, url: home })}</script>`,
  ].join('\n');
  const items = articles
    .map(
      (a) => `<li class="${p}-teaser"><span class="${p}-teaser-section">${escapeHtml(a.section)}</span>
<h3><a href="${escapeHtml(origin + demoArticlePath(a))}">${escapeHtml(a.headline)}</a></h3>
<div class="${p}-teaser-summary">${escapeHtml(a.summary)}</div>
<span class="${p}-teaser-date">${escapeHtml(skin.formatDate(a.published))}</span></li>`,
    )
    .join('\n');
  return `${renderHead({ title: `${outlet.name} — ${skin.tagline}`, description: skin.tagline, lang: 'en', extra, skin })}
<body class="${p}-home">
${renderDemoNote()}
${renderMasthead(outlet, skin, home)}
<main class="${p}-wrap" id="main">
<h1 class="${p}-front-title">Latest news</h1>
<ul class="${p}-teasers">
${items}
</ul>
</main>
${renderFooter(outlet, skin)}
</body>
</html>
`;
}

/**
 * RSS 2.0 feed of the outlet: one item per article, the summary only, newest first. The demo
 * note is said once, in the channel description: repeated in every item it would be a phrase
 * all the outlet's items share, and the engine would read it as a common thread.
 */
export function renderRssFeed(outlet: Outlet, articles: DemoArticle[], port: number): string {
  const origin = demoOrigin(outlet.id, port);
  const newest = articles.reduce<string | undefined>((acc, a) => {
    const t = a.modified ?? a.published;
    return acc === undefined || Date.parse(t) > Date.parse(acc) ? t : acc;
  }, undefined);
  const items = articles
    .map((a) => {
      const link = origin + demoArticlePath(a);
      return `<item>
<title>${escapeHtml(a.headline)}</title>
<link>${escapeHtml(link)}</link>
<guid isPermaLink="true">${escapeHtml(link)}</guid>
<pubDate>${rfc822(a.published)}</pubDate>
${a.authors.map((name) => `<dc:creator>${escapeHtml(name)}</dc:creator>`).join('\n')}
<category>${escapeHtml(a.section)}</category>
${a.tags.map((t) => `<category>${escapeHtml(t)}</category>`).join('\n')}
<description>${escapeHtml(a.summary)}</description>
</item>`;
    })
    .join('\n');
  return `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:atom="http://www.w3.org/2005/Atom">
<channel>
<title>${escapeHtml(outlet.name)}</title>
<link>${escapeHtml(`${origin}/`)}</link>
<atom:link href="${escapeHtml(`${origin}/feed.xml`)}" rel="self" type="application/rss+xml"/>
<description>${escapeHtml(`Latest news from ${outlet.name}, a fictional outlet of the Threadline demo. ${DEMO_NOTE}`)}</description>
<language>en</language>
${newest ? `<lastBuildDate>${rfc822(newest)}</lastBuildDate>\n` : ''}<ttl>30</ttl>
${items}
</channel>
</rss>
`;
}

/** The landing page at http://127.0.0.1:PORT/: every outlet with its articles. */
export function renderDemoIndex(port: number): string {
  const skin = demoSkin('meridian-wire');
  const outlets = demoOutlets(port)
    .map((o) => {
      const origin = demoOrigin(o.id, port);
      const list = demoArticlesOf(o.id)
        .map((a) => `<li><a href="${escapeHtml(origin + demoArticlePath(a))}">${escapeHtml(a.headline)}</a> <small>(${escapeHtml(a.published.slice(0, 10))}, ${escapeHtml(a.event)})</small></li>`)
        .join('');
      return `<section><h2><a href="${escapeHtml(`${origin}/`)}">${escapeHtml(o.name)}</a></h2>
<p>${escapeHtml(o.country)} · ${escapeHtml(o.ownership)}${o.stateAffiliated ? ' · state-affiliated' : ''} · <a href="${escapeHtml(o.feeds[0])}">feed</a></p>
<ul>${list}</ul></section>`;
    })
    .join('\n');
  return `${renderHead({ title: 'Threadline demo news sites', description: 'Index of the Threadline demo outlets', lang: 'en', extra: '<meta property="og:type" content="website">', skin })}
<body>
${renderDemoNote()}
<main class="mw-wrap">
<h1>Threadline demo news sites</h1>
<p>${demoArticles.length} demo articles by ${demoOutlets(port).length} fictional outlets. Each outlet is served on its own *.localhost host.
The <a href="/spa/">single-page-app test page</a> switches articles with history.pushState.</p>
${outlets}
</main>
</body>
</html>
`;
}
