// The parts every demo page shares: head, masthead, demo note and footer.
import { escapeHtml } from './html';
import type { Outlet } from '../types';
import type { DemoSkin } from './skins';
import { DEMO_NOTE, DEMO_NOTE_LONG } from './types';

export interface HeadOptions {
  title: string;
  description: string;
  lang: string;
  /** Extra, already-escaped markup for <head> (meta tags, JSON-LD). */
  extra: string;
  skin: DemoSkin;
}

export function renderHead(o: HeadOptions): string {
  const p = o.skin.prefix;
  return `<!doctype html>
<html lang="${escapeHtml(o.lang)}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(o.title)}</title>
<meta name="description" content="${escapeHtml(o.description)}">
<meta name="robots" content="noindex, nofollow">
${o.extra}
<style>
body{margin:0;font:17px/1.55 Georgia,serif;color:#1a1a1a;background:#fff}
.demo-note{background:#fff4c2;border-bottom:2px solid #e0b400;padding:.5em 1em;font:14px/1.4 system-ui,sans-serif}
.${p}-wrap{max-width:46em;margin:0 auto;padding:0 1em}
.${p}-brand{color:${o.skin.accent};font:700 2em/1.2 system-ui,sans-serif;text-decoration:none}
.${p}-nav a{margin-right:1em;color:#333;font:15px system-ui,sans-serif}
.${p}-ad{border:1px dashed #bbb;color:#888;text-align:center;padding:2em;margin:1.5em 0;font:12px system-ui,sans-serif}
.${p}-share button{margin-right:.5em}
.${p}-breadcrumbs ol,.${p}-nav ul,.${p}-article-info,.${p}-tags,.${p}-footer-links{list-style:none;padding:0;display:flex;flex-wrap:wrap;gap:.75em;font:14px system-ui,sans-serif}
.${p}-nav ul li a{margin:0}
.${p}-video{background:#222;color:#ddd;margin:1em 0;padding:3em 1em;text-align:center;font:14px system-ui,sans-serif}
.${p}-kicker{color:${o.skin.accent};text-transform:uppercase;font:700 13px system-ui,sans-serif;margin-top:1.5em}
.${p}-teasers{list-style:none;padding:0}.${p}-teaser{border-bottom:1px solid #eee;padding:.75em 0}
footer{border-top:1px solid #ddd;margin-top:3em;padding:1em 0;font:14px system-ui,sans-serif;color:#555}
</style>
</head>`;
}

/** The visible demo note; outside <article> so it never reads as part of the story. */
export function renderDemoNote(long = true): string {
  return `<div class="demo-note" role="note"><strong>${escapeHtml(DEMO_NOTE)}</strong> ${escapeHtml(
    long ? DEMO_NOTE_LONG.slice(DEMO_NOTE.length).trim() : '',
  )}</div>`;
}

export function renderMasthead(outlet: Outlet, skin: DemoSkin, homeUrl: string): string {
  const p = skin.prefix;
  const nav = skin.nav.map((item) => `<a href="${escapeHtml(homeUrl)}#${escapeHtml(item.toLowerCase().replace(/\s+/g, '-'))}">${escapeHtml(item)}</a>`).join('');
  if (skin.layout === 'broadcast') {
    return `<header class="${p}-topbar"><div class="${p}-wrap"><a class="${p}-brand" href="${escapeHtml(homeUrl)}">${escapeHtml(outlet.name)}</a>
<span class="${p}-live">LIVE</span></div><nav class="${p}-nav ${p}-wrap" aria-label="Sections">${nav}</nav></header>`;
  }
  if (skin.layout === 'agency') {
    return `<div id="${p}-top"><header class="site-header ${p}-header"><div class="${p}-wrap"><a class="${p}-brand" href="${escapeHtml(homeUrl)}">${escapeHtml(outlet.name)}</a>
<div class="${p}-tagline">${escapeHtml(skin.tagline)}</div></div></header><nav class="${p}-nav ${p}-wrap"><ul>${skin.nav
      .map((item) => `<li><a href="${escapeHtml(homeUrl)}">${escapeHtml(item)}</a></li>`)
      .join('')}</ul></nav></div>`;
  }
  return `<header class="${p}-masthead"><div class="${p}-wrap"><div class="${p}-tagline">${escapeHtml(skin.tagline)}</div>
<a class="${p}-brand" href="${escapeHtml(homeUrl)}">${escapeHtml(outlet.name)}</a>
<nav class="${p}-nav" role="navigation">${nav}</nav></div></header>`;
}

export function renderFooter(outlet: Outlet, skin: DemoSkin): string {
  const p = skin.prefix;
  return `<footer class="${p}-footer"><div class="${p}-wrap">
<ul class="${p}-footer-links"><li><a href="/">Home</a></li><li><a href="/feed.xml">RSS</a></li><li><a href="/">About this demo</a></li></ul>
<small>${escapeHtml(outlet.name)} is a fictional outlet of the Threadline demo. ${escapeHtml(DEMO_NOTE)}</small>
</div></footer>`;
}
