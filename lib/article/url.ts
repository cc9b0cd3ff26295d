// URLs: canonical URL without tracking parameters, and the shape of a URL's path (article slug,
// section front, media page), which detection weighs.
import { safeHttpUrl } from '../limits';

/** Query parameters that identify a campaign or a click, never the article. */
const TRACKING_PARAM = /^(utm_[a-z_]+|fbclid|gclid|dclid|gbraid|wbraid|msclkid|yclid|mc_cid|mc_eid|igshid|_ga|_gl|_hsenc|_hsmi|mkt_tok|ocid|cmpid|icid|ncid|cid|ito|ns_[a-z_]+|sr_share|smid|smtyp|at_[a-z_]+|ref|ref_src|referrer|source|src|share|spm|s_cid|guccounter|guce_referrer[a-z_]*|taid|__twitter_impression|outputtype|rss|feedtype)$/i;

/** Resolves `raw` against `base`, keeps http(s) only, drops tracking parameters and the fragment. */
export function cleanUrl(raw: string | null | undefined, base: string): string | undefined {
  if (!raw || raw.length > 4096) return undefined;
  let url: URL;
  try {
    url = new URL(raw.trim(), base);
  } catch {
    return undefined;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return undefined;
  // Array.from(searchParams), not [...searchParams.keys()]: in a Firefox content script the keys()
  // iterator comes through an Xray wrapper and is "not iterable" (tests/e2e/firefox.test.ts).
  for (const key of Array.from(url.searchParams, ([k]) => k)) if (TRACKING_PARAM.test(key)) url.searchParams.delete(key);
  url.hash = '';
  return safeHttpUrl(url.href);
}

/** rel=canonical, then og:url; relative values resolve against the page URL. */
export function findCanonicalUrl(doc: Document, pageUrl: string, ogUrl: string | undefined): string | undefined {
  const link = canonicalLink(doc);
  return cleanUrl(link, pageUrl) ?? cleanUrl(ogUrl, pageUrl);
}

function canonicalLink(doc: Document): string | undefined {
  const links = doc.head?.getElementsByTagName('link') ?? doc.getElementsByTagName('link');
  for (let i = 0; i < links.length && i < 500; i++) {
    if (/(^|\s)canonical(\s|$)/i.test(links[i].getAttribute('rel') ?? '')) return links[i].getAttribute('href') ?? undefined;
  }
  return undefined;
}

/** Path segments that name media, listings or utility pages rather than a story. */
const NON_ARTICLE_SEGMENT = /^(videos?|video-?clips?|watch|av|tv|live-?tv|radio|audio|podcasts?|episodes?|pictures|photos?|photo-?galler(y|ies)|galler(y|ies)|slideshows?|images|360|category|categories|section|sections|topics?|tags?|search|archives?|authors?|people|profiles?|schedule|shows|programs?|recipes?|weather|contact(-us)?|about(-us)?|subscribe|newsletters?|login|signup|register|account|comments|forum|events|jobs|shop|store)$/i;

export interface UrlShape {
  /** Path segments, decoded and without empty ones. */
  segments: string[];
  /** A segment names media, listings or utilities (see NON_ARTICLE_SEGMENT). */
  hasNonArticleSegment: boolean;
  /** A segment reads like a headline: four or more words joined by hyphens or underscores. */
  hasSlug: boolean;
  /** A long number in the path or query, as CMS article ids are (5+ digits). */
  hasNumericId: boolean;
  /** A full date in the path (/2019/05/21/, 2019-05-21, 20190521). */
  hasDate: boolean;
  /** The site root or one or two short segments without slug or id, as section fronts are. */
  isSectionLike: boolean;
}

/** Words in a slug that make it a headline rather than a section name ("world-news"). */
const SLUG_MIN_WORDS = 4;

export function urlShape(raw: string): UrlShape {
  let url: URL | undefined;
  try {
    url = new URL(raw);
  } catch {
    url = undefined;
  }
  const path = url ? safeDecode(url.pathname) : '';
  const segments = path.split('/').filter((s) => s.length > 0).slice(0, 30);
  const bare = segments.map((s) => s.replace(/\.(s?html?|php|aspx?|jsp|cms)$/i, ''));
  const hasSlug = bare.some((s) => s.split(/[-_]+/).filter((w) => /\p{L}/u.test(w)).length >= SLUG_MIN_WORDS);
  const hasNumericId = /\d{5,}/.test(path) || /=\d{5,}/.test(url?.search ?? '');
  const hasDate = dateInPath(path) !== undefined;
  const hasNonArticleSegment = bare.some((s) => NON_ARTICLE_SEGMENT.test(s));
  const isSectionLike = !hasSlug && !hasNumericId && !hasDate && bare.length <= 2;
  return { segments: bare, hasNonArticleSegment, hasSlug, hasNumericId, hasDate, isSectionLike };
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/** Oldest year a news URL plausibly carries. */
const MIN_URL_YEAR = 1990;

/** The date a URL's path names, as YYYY-MM-DD, or undefined. */
export function dateInPath(path: string): string | undefined {
  const patterns = [
    /(?:^|[/_-])((?:19|20)\d{2})[/_-](0?[1-9]|1[0-2])[/_-](0?[1-9]|[12]\d|3[01])(?=$|[/_.-])/,
    /(?:^|[/_-])((?:19|20)\d{2})(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])(?=$|[/_.-])/,
  ];
  const dmy = /(?:^|[/_-])(0?[1-9]|[12]\d|3[01])-(0?[1-9]|1[0-2])-((?:19|20)\d{2})(?=$|[/_.-])/.exec(path);
  for (const pattern of patterns) {
    const m = pattern.exec(path);
    if (!m) continue;
    const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
    if (year < MIN_URL_YEAR) continue;
    return `${year}-${pad(month)}-${pad(day)}`;
  }
  // /meldungen/29-10-2021: day first, as European CMSs write it.
  if (dmy && Number(dmy[3]) >= MIN_URL_YEAR) return `${dmy[3]}-${pad(Number(dmy[2]))}-${pad(Number(dmy[1]))}`;
  return undefined;
}

export function dateInUrl(raw: string): string | undefined {
  try {
    return dateInPath(safeDecode(new URL(raw).pathname));
  } catch {
    return undefined;
  }
}

export function pad(n: number): string {
  return String(n).padStart(2, '0');
}

/** The host without "www." and the likely registrable domain (last two labels, three for
 * second-level country domains like co.uk), for outlet identification when no name is stated. */
export function registrableDomain(raw: string): string | undefined {
  let host: string;
  try {
    host = new URL(raw).hostname.toLowerCase();
  } catch {
    return undefined;
  }
  const labels = host.replace(/^www\d?\./, '').split('.');
  if (labels.length <= 2) return labels.join('.');
  const secondLevel = /^(co|com|net|org|gov|edu|ac|or|ne|go|gob|nic|mil)$/.test(labels[labels.length - 2]);
  return labels.slice(secondLevel ? -3 : -2).join('.');
}
