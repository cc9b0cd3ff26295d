// Every setting of the extension, in one place (STYLE.md §4.9). Stored in extension storage
// (local area), versioned so a later shape change can migrate it.
import { storage } from 'wxt/utils/storage';
import { DEFAULT_SETTINGS, type Settings } from './views';

export const settingsItem = storage.defineItem<Settings>('local:settings', {
  fallback: DEFAULT_SETTINGS,
  version: 1,
});

/** Ids of the outlets whose feeds the reader enabled; none at install (no surprise traffic). */
export const enabledSourcesItem = storage.defineItem<string[]>('local:enabledSources', {
  fallback: [],
  version: 1,
});

export async function getSettings(): Promise<Settings> {
  return { ...DEFAULT_SETTINGS, ...(await settingsItem.getValue()) };
}

export async function saveSettings(patch: Partial<Settings>): Promise<Settings> {
  const next = { ...(await getSettings()), ...patch };
  await settingsItem.setValue(next);
  return next;
}

export async function getEnabledSources(): Promise<Set<string>> {
  return new Set(await enabledSourcesItem.getValue());
}

export async function setSourceEnabled(outletId: string, enabled: boolean): Promise<Set<string>> {
  const current = await getEnabledSources();
  if (enabled) current.add(outletId);
  else current.delete(outletId);
  await enabledSourcesItem.setValue([...current].sort());
  return current;
}
