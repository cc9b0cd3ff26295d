// From what a content script (or feed) reported to a stored article.
// TODO [2026-12-15]: the story engine (lib/match) replaces the word stand-in below with weighted
// terms, events and stories.
import { articleIdForUrl } from '../ids';
import { clip, LIMITS } from '../limits';
import { upsertArticle } from '../store/articles';
import type { ThreadlineDB } from '../store/db';
import { outletIndex, resolveOutlet } from '../store/outlets';
import type { Article, ArticleInput, Outlet } from '../types';

const STANDIN_STOPWORDS = new Set(
  'the a an and or of to in on for with by at from as is are was were be been has have had it its this that after over into about than more says said new not but who what will would could may can'.split(' '),
);

/** Lower-case words of the headline and lead, longest first; a stand-in for weighted terms. */
export function headlineTerms(title: string, dek: string): string[] {
  const words = `${title} ${dek}`.toLowerCase().match(/[\p{L}\p{N}]{3,}/gu) ?? [];
  const unique = [...new Set(words.filter((w) => !STANDIN_STOPWORDS.has(w)))];
  return unique.sort((a, b) => b.length - a.length).slice(0, 20);
}

/** The outlet of an article we have no registry entry for: its host without www. */
export function provisionalOutlet(url: string, siteName?: string): { id: string; name: string; domain: string } {
  const host = new URL(url).hostname.toLowerCase().replace(/^www\./, '');
  return { id: host, name: siteName?.trim() || host, domain: host };
}

export function parsePublished(iso: string | undefined, now: number): { published: number; known: boolean } {
  const t = iso ? Date.parse(iso) : NaN;
  // A date far in the future or before the web is a page error, not a publication time.
  if (Number.isFinite(t) && t > Date.UTC(1995, 0, 1) && t < now + 2 * 86_400_000) return { published: t, known: true };
  return { published: now, known: false };
}

export function prepareArticle(input: ArticleInput, outlet: { id: string; name: string; domain: string }, now: number): Article {
  const url = input.canonicalUrl ?? input.url;
  const { published, known } = parsePublished(input.published, now);
  const dek = input.dek ?? input.paragraphs[0] ?? '';
  const terms = headlineTerms(input.title, dek);
  return {
    id: articleIdForUrl(url),
    url,
    outletId: outlet.id,
    outletName: outlet.name,
    domain: outlet.domain,
    title: input.title,
    dek: clip(dek, LIMITS.dek),
    byline: input.bylines.join(', '),
    published,
    publishedKnown: known,
    language: input.language ?? '',
    section: input.section ?? '',
    tags: input.tags,
    terms: terms.map((term) => ({ term, weight: 1 })),
    termKeys: terms,
    entities: input.entities,
    quotes: input.quotes,
    body: clip(input.paragraphs.join('\n\n'), LIMITS.body),
    wordCount: input.wordCount,
    source: input.source,
    eventId: '',
    storyId: '',
    readAt: input.source === 'visit' ? now : 0,
    firstSeen: now,
    updatedAt: now,
  };
}

/**
 * Resolves each input's outlet (registry or provisional) and stores it. Feed items pass their
 * feed's outlet: item links often point at redirectors or other hosts of the same publisher.
 */
export async function ingestInputs(db: ThreadlineDB, inputs: readonly ArticleInput[], now: number, feedOutlet?: Outlet): Promise<Article[]> {
  const index = await outletIndex(db);
  // One transaction per batch: a worker stopped mid-batch leaves all of it or none of it.
  return db.transaction('rw', [db.articles, db.outlets, db.events, db.stories, db.meta], async () => {
    const stored: Article[] = [];
    for (const input of inputs) {
      const url = input.canonicalUrl ?? input.url;
      const outlet = feedOutlet ?? (await resolveOutlet(db, index, url, input.siteName));
      const fallback = provisionalOutlet(url, input.siteName);
      const prepared = prepareArticle(input, outlet ? { id: outlet.id, name: outlet.name, domain: fallback.domain } : fallback, now);
      stored.push(await upsertArticle(db, prepared));
    }
    return stored;
  });
}

export async function ingestArticle(db: ThreadlineDB, input: ArticleInput, now: number): Promise<Article> {
  return (await ingestInputs(db, [input], now))[0];
}
