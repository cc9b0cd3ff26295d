import { describe, expect, it } from 'vitest';
import { domainPatterns, syncContentScripts, wantedPatterns, type ScriptingApi } from '../../../lib/background/content-scripts';

function fakeScripting(granted: string[]) {
  let registered: string[] | null = null;
  const calls: string[] = [];
  const api: ScriptingApi = {
    isGranted: async (p) => granted.includes(p),
    getRegistered: async () => registered,
    register: async (m) => { calls.push('register'); registered = m; },
    update: async (m) => { calls.push('update'); registered = m; },
    unregister: async () => { calls.push('unregister'); registered = null; },
  };
  return { api, calls, registered: () => registered };
}

describe('where the content script runs', () => {
  it('covers an outlet domain and its subdomains, per scheme', () => {
    expect(domainPatterns('dawn.com')).toEqual(['https://dawn.com/*', 'https://*.dawn.com/*', 'http://dawn.com/*', 'http://*.dawn.com/*']);
    expect(domainPatterns('*.tolonews.com')).toContain('https://*.tolonews.com/*');
    expect(domainPatterns('localhost')).toEqual([]);
    expect(domainPatterns('evil.com/*, <all_urls>')).toEqual([]);
  });

  it('runs nowhere by itself in on-click mode, everywhere granted in all-sites mode', () => {
    expect(wantedPatterns('on-click', ['dawn.com'])).toEqual([]);
    expect(wantedPatterns('all-sites', [])).toEqual(['http://*/*', 'https://*/*']);
  });

  it('registers only granted patterns, updates on change, unregisters when nothing is left', async () => {
    const s = fakeScripting(['https://dawn.com/*', 'https://*.dawn.com/*']);
    expect(await syncContentScripts(s.api, 'known-outlets', ['dawn.com', 'tolonews.com'])).toEqual(['https://*.dawn.com/*', 'https://dawn.com/*']);
    expect(s.calls).toEqual(['register']);
    await syncContentScripts(s.api, 'known-outlets', ['dawn.com']);
    expect(s.calls).toEqual(['register']);
    await syncContentScripts(s.api, 'all-sites', ['dawn.com']);
    expect(s.calls).toEqual(['register', 'unregister']);
    expect(s.registered()).toBeNull();
  });

  it('registers nothing at install: no sources enabled, nothing granted', async () => {
    const s = fakeScripting([]);
    expect(await syncContentScripts(s.api, 'known-outlets', [])).toEqual([]);
    expect(s.calls).toEqual([]);
  });
});
