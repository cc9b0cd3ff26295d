// Runs on pages: the cheap check first; on an article, extraction in idle time on a clone of the
// document; the result goes to the background. No network requests, no changes to the page.
import { defineContentScript } from 'wxt/utils/define-content-script';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { detectArticle, isLikelyArticle } from '@/lib/article/detect';
import { extractArticle } from '@/lib/article/extract';
import { sendMessage } from '@/lib/messages';

/** Single-page apps update the head a moment after pushState; wait before reading it. */
const ROUTE_SETTLE_MS = 600;

export default defineContentScript({
  // Not in the manifest: the background registers it at run time for the sites the reader
  // allowed (lib/background/content-scripts.ts), and the popup injects it on request.
  registration: 'runtime',
  matches: [],
  runAt: 'document_idle',
  main(ctx) {
    let lastReported = '';
    const inspect = () => {
      const url = location.href;
      if (url === lastReported || ctx.isInvalid) return;
      lastReported = url;
      void inspectPage(ctx, url);
    };
    inspect();
    ctx.addEventListener(window, 'wxt:locationchange', () => ctx.setTimeout(inspect, ROUTE_SETTLE_MS));
  },
});

async function inspectPage(ctx: ContentScriptContext, url: string): Promise<void> {
  if (!/^https?:/.test(url)) return;
  if (!isLikelyArticle(document, url)) {
    await report(url, null);
    return;
  }
  ctx.requestIdleCallback(
    () => {
      if (ctx.isInvalid || location.href !== url) return;
      // The same two functions `npm run eval -- detect|extract` measures: the full detection
      // (text structure, Readability's test) and then extraction on a clone of the document.
      const article = detectArticle(document, url).isArticle ? (extractArticle(document, url) ?? null) : null;
      void report(url, article);
    },
    { timeout: 2000 },
  );
}

async function report(url: string, article: Parameters<typeof sendMessage<'reportPage'>>[1]['article']): Promise<void> {
  try {
    await sendMessage('reportPage', { url, article });
  } catch (error) {
    // The extension was reloaded or the background refused the report; the page is unaffected.
    console.debug('[Threadline] report failed:', error);
  }
}
