import { describe, expect, it } from 'vitest';
import { ingestArticles } from '../../../lib/match/ingest';
import { MemoryEngineStore } from '../../../lib/match/memory-store';
import { articleIdFromUrl, canonicalArticleUrl, prepareArticle } from '../../../lib/match/prepare';
import { rankRelated } from '../../../lib/match/related';
import { getTrail, markStoryOpened } from '../../../lib/match/trail';
import type { ArticleInput } from '../../../lib/types';
import { DEMO_ARTICLES, DEMO_NOW, DOHA, ISTANBUL } from './fixtures/demo-story';

function input(url: string, title: string, paragraphs: string[], published: string): ArticleInput {
  return { url, title, bylines: [], published, tags: [], paragraphs, quotes: [], entities: { people: [], places: [], organisations: [] }, wordCount: 50, source: 'feed' };
}

async function ingestDemo(store: MemoryEngineStore, order = DEMO_ARTICLES) {
  for (const a of order) await ingestArticles(store, [prepareArticle(a.input, a.outlet, DEMO_NOW)], DEMO_NOW);
}

describe('prepareArticle', () => {
  it('derives the id from the canonical URL, ignoring tracking parameters and fragments', () => {
    expect(canonicalArticleUrl('http://www.Example.com/a/b/?utm_source=x&id=3#top')).toBe('https://example.com/a/b/?id=3');
    expect(articleIdFromUrl('https://example.com/x?utm_medium=rss')).toBe(articleIdFromUrl('https://example.com/x'));
    const a = DOHA[0];
    const prepared = prepareArticle({ ...a.input, canonicalUrl: a.input.url + '?utm_campaign=feed' }, a.outlet, DEMO_NOW);
    expect(prepared.id).toBe(articleIdFromUrl(a.input.url));
    expect(prepared.termKeys).toEqual(prepared.terms.map((t) => t.term));
    expect(prepared.entities.places).toContain('Doha');
  });
});

describe('ingestArticles', () => {
  it('updates an article ingested again under the same canonical URL instead of duplicating it', async () => {
    const store = new MemoryEngineStore();
    await ingestDemo(store);
    const a = DOHA[1];
    const before = await store.getArticle(articleIdFromUrl(a.input.url));
    const [result] = await ingestArticles(store, [prepareArticle({ ...a.input, title: a.input.title + ' (updated)' }, a.outlet, DEMO_NOW + 1000)], DEMO_NOW + 1000);
    expect(result.created).toBe(false);
    expect(result.eventId).toBe(before?.eventId);
    expect(store.articles.size).toBe(DEMO_ARTICLES.length);
    expect((await store.getArticle(result.articleId))?.title).toMatch(/updated/);
  });

  it('a later feed summary updates the headline but never replaces a stored full text', async () => {
    const store = new MemoryEngineStore();
    const url = 'https://example.com/istanbul-talks';
    const paragraphs = Array.from({ length: 8 }, (_, i) => `Paragraph ${i}: the talks in Istanbul between the delegations ended without an agreement on the militants, officials said.`);
    const opened = { ...input(url, 'Istanbul talks end', paragraphs, '2025-10-30T12:00:00Z'), source: 'visit' as const, wordCount: 140, quotes: [{ text: 'We came with goodwill', speaker: 'a delegate', paragraph: 3, offset: 0 }] };
    await ingestArticles(store, [prepareArticle(opened, { id: 'o', name: 'O' }, DEMO_NOW)], DEMO_NOW);
    const before = await store.getArticle(articleIdFromUrl(url));
    const summary = input(url, 'Istanbul talks end without deal', ['Talks ended without a deal.'], '2025-10-30T12:00:00Z');
    await ingestArticles(store, [prepareArticle({ ...summary, wordCount: 5 }, { id: 'o', name: 'O' }, DEMO_NOW + 1000)], DEMO_NOW + 1000);
    const after = await store.getArticle(articleIdFromUrl(url));
    expect(after?.title).toBe('Istanbul talks end without deal');
    expect(after?.body).toBe(before?.body);
    expect(after?.wordCount).toBe(140);
    expect(after?.quotes).toEqual(opened.quotes);
    expect(after?.terms).toEqual(before?.terms);
    expect(after?.source).toBe('visit');
  });

  it('keeps why an article joined its event', async () => {
    const store = new MemoryEngineStore();
    await ingestDemo(store);
    const joined = [...store.articles.values()].filter((a) => a.eventLink);
    expect(joined.length).toBeGreaterThan(0);
    for (const a of joined) {
      expect(a.eventLink?.score).toBeGreaterThan(0);
      expect(a.eventLink?.withId).toBeTruthy();
    }
  });

  it('is deterministic: the same articles in the same order give the same events and stories', async () => {
    const first = new MemoryEngineStore();
    const second = new MemoryEngineStore();
    await ingestDemo(first);
    await ingestDemo(second);
    const placement = (s: MemoryEngineStore) => [...s.articles.values()].map((a) => [a.id, a.eventId, a.storyId]).sort();
    expect(placement(second)).toEqual(placement(first));
  });

  it('merges two events when a late article bridges them, keeping the older one', async () => {
    const store = new MemoryEngineStore();
    const day = '2025-10-19T';
    const outlet = (id: string) => ({ id, name: id });
    const a = prepareArticle(input('https://one.example/a', 'Flood waters rise in river valley town', ['Flood waters rose in the valley town of Riverton on Sunday as the river burst its banks after heavy rain.'], day + '08:00:00Z'), outlet('one'), DEMO_NOW);
    const b = prepareArticle(input('https://two.example/b', 'Evacuations ordered after dam spillway fails', ['Authorities ordered evacuations downstream of the Riverton dam after its spillway failed under heavy rain on Sunday.'], day + '09:00:00Z'), outlet('two'), DEMO_NOW);
    await ingestArticles(store, [a, b], DEMO_NOW);
    const before = [(await store.getArticle(a.id))!.eventId, (await store.getArticle(b.id))!.eventId];
    expect(before[0]).not.toBe(before[1]);
    const bridge = prepareArticle(
      input('https://three.example/c', 'Riverton flood: waters rise, dam spillway fails, evacuations ordered', ['Flood waters rose in the valley town of Riverton on Sunday as the river burst its banks, and authorities ordered evacuations downstream after the Riverton dam spillway failed under heavy rain.'], day + '10:00:00Z'),
      outlet('three'),
      DEMO_NOW,
    );
    const [result] = await ingestArticles(store, [bridge], DEMO_NOW);
    expect(result.mergedEvents.length).toBe(1);
    expect(result.eventId).toBe(before[0]);
    expect((await store.getArticle(b.id))!.eventId).toBe(before[0]);
    expect(store.events.has(before[1])).toBe(false);
  });
});

describe('trail and ranking', () => {
  it('marks dots read, current and new since the story was last opened, and ranks by importance', async () => {
    const store = new MemoryEngineStore();
    await ingestDemo(store, DEMO_ARTICLES.filter((a) => !ISTANBUL.includes(a)));
    const doha = (await store.getArticle(articleIdFromUrl(DOHA[0].input.url)))!;
    await markStoryOpened(store, doha.storyId, DEMO_NOW);
    for (const a of ISTANBUL) {
      const later = Date.parse(a.input.published ?? '') + 86_400_000 * 7;
      await ingestArticles(store, [prepareArticle({ ...a.input, published: new Date(later).toISOString() }, a.outlet, later)], later);
    }
    const trail = await getTrail(store, doha.id, DEMO_NOW);
    const current = trail.dots.find((d) => d.isCurrent)!;
    expect(current.eventId).toBe(doha.eventId);
    expect(current.importanceRank).toBe(1);
    expect(trail.dots[0].isNewSinceLastOpen).toBe(true);
    expect(current.isNewSinceLastOpen).toBe(false);
    expect(trail.dots.every((d) => !d.read)).toBe(true);
  });

  it('ranks the event mates of an article first when they are its closest articles (the Doha reports)', async () => {
    const store = new MemoryEngineStore();
    await ingestDemo(store);
    const doha = (await store.getArticle(articleIdFromUrl(DOHA[0].input.url)))!;
    const related = await rankRelated(store, doha);
    const mates = DOHA.slice(1).map((a) => articleIdFromUrl(a.input.url));
    expect(related.slice(0, mates.length).map((r) => r.article.id).sort()).toEqual(mates.sort());
  });
});
