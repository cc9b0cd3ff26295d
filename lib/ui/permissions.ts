// Asking the reader for host access from an extension page. Browsers show the prompt only
// inside a user gesture, so callers start the request synchronously in their click handler,
// before any await. The background listens for grants (permissions.onAdded) and then
// registers the content script and fetches the feeds that were waiting.
import { browser } from 'wxt/browser';

/** Requests these origins; resolves false when declined or when the browser refuses to ask. */
export function requestHostAccess(origins: readonly string[]): Promise<boolean> {
  if (origins.length === 0) return Promise.resolve(true);
  try {
    return browser.permissions.request({ origins: [...origins] }).catch(() => false);
  } catch {
    return Promise.resolve(false);
  }
}
