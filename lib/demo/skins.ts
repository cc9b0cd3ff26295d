// Per-outlet look: each outlet gets one of three page layouts, its own class names, URL scheme and
// date format, so extraction is tested against pages that differ the way real sites do.
import { datePath, formatDayMonth, formatMonthDay, formatNumeric, localParts } from './html';
import type { DemoArticle } from './types';

export type DemoLayout = 'newspaper' | 'agency' | 'broadcast';

export interface DemoSkin {
  layout: DemoLayout;
  /** Class-name prefix, so no two outlets share markup names. */
  prefix: string;
  accent: string;
  tagline: string;
  nav: string[];
  /** Time-zone label shown after the visible time. */
  zoneLabel: string;
  formatDate(iso: string): string;
  articlePath(article: DemoArticle): string;
}

const slug = (text: string): string => text.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');

/** A stable numeric id from the publication time, as agencies put in their URLs. */
const numericId = (article: DemoArticle): string => {
  const p = localParts(article.published);
  return `3${String(p.month).padStart(2, '0')}${String(p.day).padStart(2, '0')}${String(p.hour).padStart(2, '0')}${String(p.minute).padStart(2, '0')}`;
};

export const DEMO_SKINS: Record<string, DemoSkin> = {
  'indus-ledger': {
    layout: 'newspaper', prefix: 'il', accent: '#0b5d3b', tagline: 'Since 1961 (in this demo)',
    nav: ['Pakistan', 'World', 'Business', 'Opinion', 'Sport'], zoneLabel: 'PKT', formatDate: formatDayMonth,
    articlePath: (a) => `/news/${datePath(a.published)}/${a.id}`,
  },
  'lapis-tv': {
    layout: 'broadcast', prefix: 'lv', accent: '#1f4fa3', tagline: 'Lapis Valley Television — English service',
    nav: ['Afghanistan', 'Region', 'World', 'Economy', 'Sports', 'Watch live'], zoneLabel: 'AFT', formatDate: formatMonthDay,
    articlePath: (a) => `/en/${slug(a.section)}/${a.id}`,
  },
  'oxus-dispatch': {
    layout: 'agency', prefix: 'ox', accent: '#8a3b12', tagline: 'Independent news agency',
    nav: ['Latest', 'Politics', 'Security', 'Economy', 'Provinces'], zoneLabel: 'Kabul time', formatDate: formatNumeric,
    articlePath: (a) => `/english/${a.id}.html`,
  },
  'sutlej-news': {
    layout: 'agency', prefix: 'sn', accent: '#b3261e', tagline: 'News agency — national and international wire',
    nav: ['National', 'International', 'Business', 'Sports', 'Videos'], zoneLabel: 'IST', formatDate: formatMonthDay,
    articlePath: (a) => `/international/${a.id}-${datePath(a.published, '')}`,
  },
  'lusail-news': {
    layout: 'broadcast', prefix: 'lb', accent: '#a87a00', tagline: 'Lusail Broadcast Network — news in English',
    nav: ['News', 'Middle East', 'Asia', 'Features', 'Opinion', 'Live'], zoneLabel: 'AST', formatDate: formatDayMonth,
    articlePath: (a) => `/news/${datePath(a.published)}/${a.id}`,
  },
  'marmara-agency': {
    layout: 'agency', prefix: 'mn', accent: '#c8102e', tagline: 'State news agency — English service',
    nav: ['Türkiye', 'World', 'Politics', 'Economy', 'Energy', 'Sports'], zoneLabel: 'GMT+3', formatDate: formatNumeric,
    articlePath: (a) => `/en/${slug(a.section)}/${a.id}/${numericId(a)}`,
  },
  'meridian-wire': {
    layout: 'newspaper', prefix: 'mw', accent: '#333333', tagline: 'International news wire',
    nav: ['World', 'Business', 'Markets', 'Breakingviews', 'Sports'], zoneLabel: 'GMT', formatDate: formatMonthDay,
    articlePath: (a) => `/world/asia-pacific/${a.id}-${datePath(a.published, '-')}/`,
  },
  'caspian-herald': {
    layout: 'newspaper', prefix: 'ch', accent: '#00695c', tagline: 'English-language daily, Tehran',
    nav: ['Iran', 'Region', 'World', 'Economy', 'Culture', 'Sports'], zoneLabel: 'Tehran time', formatDate: formatNumeric,
    articlePath: (a) => `/en/news/${numericId(a)}/${a.id}`,
  },
};

const FALLBACK_SKIN: DemoSkin = DEMO_SKINS['meridian-wire'];

/** The skin of an outlet; unknown outlets (e.g. test fixtures) get the wire's. */
export function demoSkin(outletId: string): DemoSkin {
  return DEMO_SKINS[outletId] ?? FALLBACK_SKIN;
}
