// frameEvent: how the outlets of one event told it. Pure: the event's articles, the outlet registry
// and the reader's options in; a serialisable EventFraming out. Every number is counted from the
// articles and every text is verbatim from them.
import { extractQuotes } from '../article/quotes';
import { clip, LIMITS } from '../limits';
import type { Article, Outlet } from '../types';
import { PreparedText } from './article-text';
import { findClaims } from './claims';
import { AXES, axisValue, computeCoverage } from './coverage';
import { countCues } from './cues';
import { DEFAULT_EVIDENCE, EventTerms, nameKeys } from './distinctive';
import { quotesBySpeaker } from './quotes-by-speaker';
import type { DistinctiveSet, EventFraming, FramedOutlet, FramingOptions } from './types';

export type FramingArticle = Pick<Article, 'id' | 'title' | 'dek' | 'body' | 'quotes' | 'outletId' | 'outletName'>;

/** Articles framed per event: beyond this an "event" is a story, and the panel could not show it. */
export const MAX_EVENT_ARTICLES = 60;

function sanitize(a: FramingArticle): FramingArticle {
  const text = (v: unknown, max: number) => (typeof v === 'string' ? clip(v, max) : '');
  const body = text(a.body, LIMITS.body);
  const quotes = Array.isArray(a.quotes) && a.quotes.length > 0 ? a.quotes : extractQuotes(body.split(/\n+/u));
  return {
    id: text(a.id, LIMITS.url),
    title: text(a.title, LIMITS.title),
    dek: text(a.dek, LIMITS.dek),
    body,
    quotes: quotes.slice(0, LIMITS.quotes),
    outletId: text(a.outletId, LIMITS.url),
    outletName: text(a.outletName, LIMITS.siteName),
  };
}

function framedOutlets(articles: FramingArticle[]): FramedOutlet[] {
  const map = new Map<string, FramedOutlet>();
  for (const a of articles) {
    const o = map.get(a.outletId) ?? { id: a.outletId, name: a.outletName, articleIds: [], headline: a.title };
    o.articleIds.push(a.id);
    map.set(a.outletId, o);
  }
  return [...map.values()].sort((a, b) => a.id.localeCompare(b.id));
}

function distinctiveSets(articles: FramingArticle[], texts: PreparedText[], outlets: FramedOutlet[], registry: Map<string, Outlet>, options: FramingOptions): DistinctiveSet[] {
  if (outlets.length < 2) return [];
  const names = (o: FramedOutlet) => [o.name, registry.get(o.id)?.name ?? '', ...(registry.get(o.id)?.domains ?? [])];
  // One vocabulary for the event; side i is outlets[i], its texts each article's title, dek and body.
  const terms = new EventTerms(outlets.map((o) => articles.flatMap((a, i) => (a.outletId === o.id ? texts[i].termTokens() : []))), options.background);
  const side = new Map(outlets.map((o, i) => [o.id, i]));
  const setFor = (scope: 'outlet' | 'group', id: string, label: string, members: FramedOutlet[]): DistinctiveSet => {
    const sides = members.map((m) => side.get(m.id) as number);
    const excluded = nameKeys(members.flatMap(names));
    return { scope, id, label, tokens: sides.reduce((n, s) => n + terms.tokens[s], 0), terms: terms.distinctive(sides, excluded, DEFAULT_EVIDENCE) };
  };
  const sets: DistinctiveSet[] = outlets.map((o) => setFor('outlet', o.id, o.name, [o]));
  for (const axis of AXES) {
    const groups = new Map<string, FramedOutlet[]>();
    for (const o of outlets) {
      const outlet = registry.get(o.id);
      const value = outlet ? axisValue(outlet, axis) : undefined;
      if (value !== undefined) groups.set(value, [...(groups.get(value) ?? []), o]);
    }
    if (groups.size < 2) continue;
    for (const [value, members] of [...groups].sort((a, b) => a[0].localeCompare(b[0]))) {
      // A one-outlet group repeats that outlet's set; only groups of several say something new.
      if (members.length < 2) continue;
      sets.push(setFor('group', `${axis}:${value}`, `${axis}: ${value}`, members));
    }
  }
  return sets;
}

/** Frames one event: coverage and blindspots, distinctive wording, quotes by speaker, claims, cues. */
export function frameEvent(articles: FramingArticle[], outlets: Outlet[], options: FramingOptions): EventFraming {
  const clean = (Array.isArray(articles) ? articles : []).slice(0, MAX_EVENT_ARTICLES).map(sanitize);
  const registry = new Map((Array.isArray(outlets) ? outlets : []).map((o) => [o.id, o]));
  const framed = framedOutlets(clean);
  // Each article's text is split and tokenized once, for claims, cues and distinctive wording.
  const texts = clean.map((a) => new PreparedText(a));
  return {
    articleCount: clean.length,
    outlets: framed,
    coverage: computeCoverage(clean, [...registry.values()], options?.enabledOutlets ?? []),
    distinctive: distinctiveSets(clean, texts, framed, registry, options ?? { enabledOutlets: [] }),
    speakers: quotesBySpeaker(clean),
    claims: findClaims(clean, texts),
    cues: countCues(clean, texts.map((t) => t.sentences)),
  };
}

export type * from './types';
export { extractQuotes } from '../article/quotes';
export { mergeSpeakers, speakerKey } from './speakers';
