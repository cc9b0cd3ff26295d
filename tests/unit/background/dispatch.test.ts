import { describe, expect, it, vi } from 'vitest';
import { createMessageListener, type Handlers } from '../../../lib/background/dispatch';
import { CONTENT_SCRIPT_MESSAGES, MESSAGE_SCHEMAS, type MessageName } from '../../../lib/messages';
import { articleInput } from '../../fixtures/articles';

const OWN_ID = 'threadline-test-id';
const OWN_ORIGIN = 'chrome-extension://threadline-test-id/';

function fakeHandlers(): Handlers {
  // Every message name gets a spy; the few the tests read have realistic replies.
  const handlers = Object.fromEntries(Object.keys(MESSAGE_SCHEMAS).map((name) => [name, vi.fn(async () => ({ ok: name }))])) as unknown as Handlers;
  handlers.reportPage = vi.fn(async () => ({ articleId: 'a_1', dots: 1 }));
  handlers.getTabContext = vi.fn(async ({ tabId }, caller) => ({ tabId: caller.tabId ?? tabId ?? null, status: 'unknown' as const, related: [], outlets: {}, enabledSources: 0 }));
  handlers.getStoreStats = vi.fn(async () => ({ articles: 0, events: 0, stories: 0, outlets: 0 }));
  return handlers;
}

const page = { id: OWN_ID, url: `${OWN_ORIGIN}popup.html` }; // an extension page
const tab = (id: number) => ({ id: OWN_ID, tab: { id }, url: 'https://news.example.com/a' }); // a content script in tab `id`

describe('message dispatch', () => {
  it('ignores messages that are not ours', () => {
    const listen = createMessageListener(fakeHandlers(), OWN_ID, OWN_ORIGIN);
    expect(listen(undefined, page)).toBeUndefined();
    expect(listen('reportPage', page)).toBeUndefined();
    expect(listen({ type: 'noSuchMessage', data: {} }, page)).toBeUndefined();
    expect(listen({ event: 'tabContextChanged', data: { tabId: 1 } }, page)).toBeUndefined();
  });

  it('answers our messages with a native Promise (Chromium drops promise-likes)', async () => {
    const listen = createMessageListener(fakeHandlers(), OWN_ID, OWN_ORIGIN);
    const reply = listen({ type: 'getStoreStats', data: {} }, page);
    expect(reply).toBeInstanceOf(Promise);
    await expect(reply).resolves.toEqual({ articles: 0, events: 0, stories: 0, outlets: 0 });
  });

  it('lets a content script report its page and ask about its own tab only', async () => {
    const handlers = fakeHandlers();
    const listen = createMessageListener(handlers, OWN_ID, OWN_ORIGIN);
    await expect(listen({ type: 'reportPage', data: { url: 'https://x.example/a', article: articleInput() } }, tab(7))).resolves.toEqual({ articleId: 'a_1', dots: 1 });
    const context = await listen({ type: 'getTabContext', data: { tabId: 99 } }, tab(7));
    expect(context).toMatchObject({ tabId: 7 });
  });

  const pageOnly = (Object.keys(MESSAGE_SCHEMAS) as MessageName[]).filter((name) => !CONTENT_SCRIPT_MESSAGES.has(name));
  it.each(pageOnly)('refuses %s from a content script', async (type) => {
    const handlers = fakeHandlers();
    const listen = createMessageListener(handlers, OWN_ID, OWN_ORIGIN);
    await expect(listen({ type, data: {} }, tab(3))).rejects.toThrow(/refused from a web page/);
    expect(handlers[type]).not.toHaveBeenCalled();
  });

  it('lets content scripts send only reportPage and getTabContext', () => {
    expect([...CONTENT_SCRIPT_MESSAGES].sort()).toEqual(['getTabContext', 'reportPage']);
  });

  it('treats an extension page opened in a tab as an extension page', async () => {
    const listen = createMessageListener(fakeHandlers(), OWN_ID, OWN_ORIGIN);
    const context = await listen({ type: 'getTabContext', data: { tabId: 42 } }, { id: OWN_ID, tab: { id: 9 }, url: `${OWN_ORIGIN}popup.html?tabId=42` });
    expect(context).toMatchObject({ tabId: 42 });
    await expect(listen({ type: 'getStoreStats', data: {} }, { id: OWN_ID, tab: { id: 9 }, url: `${OWN_ORIGIN}options.html` })).resolves.toBeTruthy();
  });

  it('treats a sender without a URL as a content script', async () => {
    const listen = createMessageListener(fakeHandlers(), OWN_ID, OWN_ORIGIN);
    await expect(listen({ type: 'getStoreStats', data: {} }, { id: OWN_ID })).rejects.toThrow(/refused/);
  });

  it('refuses messages from other extensions', async () => {
    const listen = createMessageListener(fakeHandlers(), OWN_ID, OWN_ORIGIN);
    await expect(listen({ type: 'getStoreStats', data: {} }, { id: 'someone-else' })).rejects.toThrow(/not this extension/);
  });

  it('rejects invalid arguments with a clear error naming the field', async () => {
    const handlers = fakeHandlers();
    const listen = createMessageListener(handlers, OWN_ID, OWN_ORIGIN);
    await expect(listen({ type: 'reportPage', data: { url: 'javascript:alert(1)', article: null } }, tab(1))).rejects.toThrow(/invalid url/);
    await expect(listen({ type: 'reportPage', data: { url: 'https://x.example/', article: articleInput({ title: 'x'.repeat(10_000) }) } }, tab(1))).rejects.toThrow(/article\.title/);
    await expect(listen({ type: 'reportPage', data: { url: 'https://x.example/', article: { ...articleInput(), canonicalUrl: 'data:text/html,hi' } } }, tab(1))).rejects.toThrow(/canonicalUrl/);
    await expect(listen({ type: 'clearStore', data: { confirm: false } }, page)).rejects.toThrow(/confirm/);
    expect(handlers.reportPage).not.toHaveBeenCalled();
    expect(handlers.clearStore).not.toHaveBeenCalled();
  });
});
