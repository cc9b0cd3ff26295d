// Where the content script runs. Nothing is injected at install: the reader's choices decide.
//  - "known-outlets": the domains of the sources the reader enabled (and granted);
//  - "all-sites": every http(s) page, once the reader granted all sites;
//  - "on-click": nowhere by itself; the popup's "look up this page" injects it (activeTab).
import type { DetectionMode } from '../views';

export const CONTENT_SCRIPT_ID = 'threadline-content';
export const CONTENT_SCRIPT_FILE = '/content-scripts/content.js';
export const ALL_SITES = ['http://*/*', 'https://*/*'];

/**
 * Match patterns for an outlet domain and its subdomains (www., m., amp. hosts), one per scheme:
 * a grant may cover https only, and each pattern is registered only if granted.
 */
export function domainPatterns(domain: string): string[] {
  const host = domain.trim().toLowerCase().replace(/^\*\./, '');
  if (!/^[a-z0-9.-]+$/.test(host) || !host.includes('.')) return [];
  return ['https', 'http'].flatMap((scheme) => [`${scheme}://${host}/*`, `${scheme}://*.${host}/*`]);
}

/** The patterns to register for a detection mode, before the permission check. */
export function wantedPatterns(mode: DetectionMode, enabledDomains: readonly string[]): string[] {
  if (mode === 'on-click') return [];
  if (mode === 'all-sites') return ALL_SITES;
  return [...new Set(enabledDomains.flatMap(domainPatterns))].sort();
}

export interface ScriptingApi {
  /** Whether the extension holds host permission for the pattern. */
  isGranted(pattern: string): Promise<boolean>;
  getRegistered(): Promise<string[] | null>;
  register(matches: string[]): Promise<void>;
  update(matches: string[]): Promise<void>;
  unregister(): Promise<void>;
}

/** Registers, updates or removes the content script so it runs exactly where it may. */
export async function syncContentScripts(api: ScriptingApi, mode: DetectionMode, enabledDomains: readonly string[]): Promise<string[]> {
  const wanted = wantedPatterns(mode, enabledDomains);
  const granted: string[] = [];
  for (const pattern of wanted) if (await api.isGranted(pattern)) granted.push(pattern);
  const current = await api.getRegistered();
  if (granted.length === 0) {
    if (current) await api.unregister();
  } else if (!current) {
    await api.register(granted);
  } else if (current.join('\n') !== granted.join('\n')) {
    await api.update(granted);
  }
  return granted;
}
