import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import background from '../../../entrypoints/background';
import type { ThreadlineDB } from '../../../lib/store/db';
import { articleInput } from '../../fixtures/articles';

type Listener = (message: unknown, sender: unknown) => Promise<unknown> | undefined;

async function startBackground(): Promise<{ listen: Listener; db: ThreadlineDB }> {
  // The fake browser has no permission events; the background only subscribes to them here.
  vi.spyOn(fakeBrowser.permissions.onAdded, 'addListener').mockImplementation(() => undefined);
  vi.spyOn(fakeBrowser.permissions.onRemoved, 'addListener').mockImplementation(() => undefined);
  const spy = vi.spyOn(fakeBrowser.runtime.onMessage, 'addListener');
  background.main();
  const listen = spy.mock.calls.at(-1)![0] as unknown as Listener;
  const db = (globalThis as { __threadlineDb?: ThreadlineDB }).__threadlineDb!;
  return { listen, db };
}

describe('background', () => {
  beforeEach(async () => {
    fakeBrowser.reset();
    vi.restoreAllMocks();
    (globalThis as { __threadlineDb?: ThreadlineDB }).__threadlineDb?.close();
    indexedDB.deleteDatabase('threadline');
  });

  it('stores a reported article, keeps the tab context and sets the badge', async () => {
    const { listen, db } = await startBackground();
    const sender = { id: fakeBrowser.runtime.id, tab: { id: 12 }, url: 'https://news.example.com/a' };
    const reply = listen({ type: 'reportPage', data: { url: 'https://news.example.com/a', article: articleInput() } }, sender);
    expect(reply).toBeInstanceOf(Promise);
    const { articleId, dots } = (await reply) as { articleId: string; dots: number };
    expect(articleId).toMatch(/^a_[0-9a-f]{16}$/);
    expect(dots).toBe(1);
    const stored = await db.articles.get(articleId);
    expect(stored).toMatchObject({ title: 'Istanbul talks end without agreement', source: 'visit', outletId: 'site:example.com' });
    expect(await fakeBrowser.action.getBadgeText({ tabId: 12 })).toBe('1');

    const context = (await listen({ type: 'getTabContext', data: {} }, sender)) as { status: string; article: { title: string } };
    expect(context.status).toBe('article');
    expect(context.article.title).toBe('Istanbul talks end without agreement');
  });

  it('re-reporting the same canonical URL updates one record instead of adding another', async () => {
    const { listen, db } = await startBackground();
    const sender = { id: fakeBrowser.runtime.id, tab: { id: 3 }, url: 'https://news.example.com/a' };
    const canonicalUrl = 'https://news.example.com/a';
    await listen({ type: 'reportPage', data: { url: `${canonicalUrl}?utm_source=x`, article: articleInput({ canonicalUrl, title: 'First headline' }) } }, sender);
    await listen({ type: 'reportPage', data: { url: canonicalUrl, article: articleInput({ canonicalUrl, title: 'Updated headline' }) } }, sender);
    expect(await db.articles.count()).toBe(1);
    expect((await db.articles.toArray())[0].title).toBe('Updated headline');
  });

  it('clears the badge and records a non-article page', async () => {
    const { listen } = await startBackground();
    const sender = { id: fakeBrowser.runtime.id, tab: { id: 4 }, url: 'https://news.example.com/' };
    await listen({ type: 'reportPage', data: { url: 'https://news.example.com/', article: null } }, sender);
    expect(await fakeBrowser.action.getBadgeText({ tabId: 4 })).toBe('');
    const context = (await listen({ type: 'getTabContext', data: {} }, sender)) as { status: string };
    expect(context.status).toBe('not-article');
  });

  it('shows related stored articles that share words with the current one', async () => {
    const { listen } = await startBackground();
    const sender = (id: number) => ({ id: fakeBrowser.runtime.id, tab: { id }, url: 'https://news.example.com/x' });
    await listen({ type: 'reportPage', data: { url: 'https://other.example.org/b', article: articleInput({ url: 'https://other.example.org/b', siteName: 'Other', title: 'Mediators say Istanbul talks will resume' }) } }, sender(1));
    await listen({ type: 'reportPage', data: { url: 'https://news.example.com/a', article: articleInput() } }, sender(2));
    const context = (await listen({ type: 'getTabContext', data: {} }, sender(2))) as { related: Array<{ title: string; reason: { sharedTerms: string[] } }> };
    expect(context.related.map((r) => r.title)).toEqual(['Mediators say Istanbul talks will resume']);
    expect(context.related[0].reason.sharedTerms).toEqual(expect.arrayContaining(['istanbul', 'talks']));
  });
});
