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
  vi.spyOn(fakeBrowser.commands.onCommand, 'addListener').mockImplementation(() => undefined);
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
    expect(articleId).toMatch(/^a[0-9a-z]+$/);
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

  it('places articles of one event from two outlets together: one dot, one perspective', async () => {
    const { listen } = await startBackground();
    const sender = (id: number, url: string) => ({ id: fakeBrowser.runtime.id, tab: { id }, url });
    const other = 'https://other.example.org/2025/10/30/istanbul-talks-without-agreement';
    await listen({ type: 'reportPage', data: { url: other, article: articleInput({ url: other, siteName: 'Other', title: 'Pakistan-Afghanistan talks in Istanbul end without agreement', paragraphs: ['Talks between Pakistan and Afghanistan in Istanbul ended on Wednesday without an agreement, mediators from Türkiye and Qatar said.', 'The delegations failed to agree on action against the TTP.'] }) } }, sender(1, other));
    const mine = 'https://news.example.com/2025/10/30/istanbul-talks-end';
    await listen({ type: 'reportPage', data: { url: mine, article: articleInput({ url: mine, title: 'Istanbul talks between Pakistan and Afghanistan end without agreement', paragraphs: ['Pakistan and Afghanistan ended their talks in Istanbul on Wednesday without an agreement, according to mediators from Türkiye and Qatar.', 'Action against the TTP remained the sticking point.'] }) } }, sender(2, mine));
    const context = (await listen({ type: 'getTabContext', data: {} }, sender(2, mine))) as { trail: { dots: unknown[] }; perspectives: { outlets: Array<{ outletName: string }> } };
    expect(context.trail.dots).toHaveLength(1);
    expect(context.perspectives.outlets.map((o) => o.outletName)).toEqual(['Other']);
    expect(await fakeBrowser.action.getBadgeText({ tabId: 2 })).toBe('1');
  });
});
