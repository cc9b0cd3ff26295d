// The outlets table: the default registry seeded at install, outlets the reader added or edited,
// and provisional outlets for sites first seen on a page.
import { DEFAULT_OUTLETS } from '../outlets/registry';
import { buildOutletIndex, findOutletByUrl, outletFromUnknownSite, type OutletIndex } from '../outlets/lookup';
import type { Outlet } from '../types';
import type { ThreadlineDB } from './db';

const SEEDED_KEY = 'registrySeededIds';

/**
 * Adds registry outlets the store does not have yet. Outlets already stored are left alone: the
 * reader may have edited their axes, and an update must not undo that.
 */
export async function seedDefaultOutlets(db: ThreadlineDB, defaults: readonly Outlet[] = DEFAULT_OUTLETS): Promise<number> {
  return db.transaction('rw', db.outlets, db.meta, async () => {
    const seeded = new Set(((await db.meta.get(SEEDED_KEY))?.value as string[] | undefined) ?? []);
    // An outlet the reader removed was seeded before: don't bring it back.
    const fresh = defaults.filter((o) => !seeded.has(o.id));
    const existing = new Set((await db.outlets.bulkGet(fresh.map((o) => o.id))).filter(Boolean).map((o) => o!.id));
    const toAdd = fresh.filter((o) => !existing.has(o.id));
    await db.outlets.bulkPut(toAdd);
    await db.meta.put({ key: SEEDED_KEY, value: [...seeded, ...fresh.map((o) => o.id)] });
    return toAdd.length;
  });
}

export async function outletIndex(db: ThreadlineDB): Promise<OutletIndex> {
  return buildOutletIndex(await db.outlets.toArray());
}

/** The outlet of a URL: the registry's, or a provisional one stored for later edits. */
export async function resolveOutlet(db: ThreadlineDB, index: OutletIndex, url: string, siteName?: string): Promise<Outlet | undefined> {
  const known = findOutletByUrl(url, index);
  if (known) return known;
  const provisional = outletFromUnknownSite(url, siteName);
  if (!provisional) return undefined;
  const stored = await db.outlets.get(provisional.id);
  if (stored) return stored;
  await db.outlets.put(provisional);
  return provisional;
}
