// Chrome's offscreen document: parses fetched article pages with the content script's extractor.
// Inert parsing only: DOMParser runs no scripts and loads no subresources.
import { browser } from 'wxt/browser';
import { extractArticle } from '@/lib/article/extract';
import { isOffscreenRequest } from '@/lib/messages';

browser.runtime.onMessage.addListener((raw: unknown, sender: { id?: string; tab?: unknown }) => {
  if (!isOffscreenRequest(raw) || sender.id !== browser.runtime.id || sender.tab) return undefined;
  const { html, url } = raw.data;
  return Promise.resolve().then(() => {
    const doc = new DOMParser().parseFromString(html, 'text/html');
    return extractArticle(doc, url) ?? null;
  });
});
