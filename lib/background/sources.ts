// Sources: the outlets the reader reads from and their feeds. Enabling a source turns on its
// feeds; the options page asks for the feeds' host permission before it enables one.
import { initialFeedState } from '../feeds/schedule';
import { outletsFromOpml, outletsToOpml } from '../outlets/opml';
import { validateOutlet } from '../outlets/validate';
import { getEnabledSources, setSourceEnabled } from '../settings';
import type { ThreadlineDB } from '../store/db';
import { deleteFeedsOf, getFeed, getFeeds, putFeed, type StoredFeed } from '../store/feeds';
import type { Outlet } from '../types';
import type { FeedStatusView, OutletView, SourceView } from '../views';
import { MessageRefused } from './dispatch';

export function toOutletView(outlet: Outlet): OutletView {
  return {
    id: outlet.id,
    name: outlet.name,
    country: outlet.country,
    ownership: outlet.ownership,
    stateAffiliated: outlet.stateAffiliated,
    lean: outlet.lean,
    known: !outlet.id.startsWith('site:'),
  };
}

function feedView(feed: StoredFeed | undefined, url: string): FeedStatusView {
  const s = feed?.state;
  return { url, lastFetchAt: s?.lastFetchAt, nextFetchAt: s?.nextFetchAt ?? 0, itemCount: s?.itemCount ?? 0, lastStatus: s?.lastStatus, lastError: s?.lastError, failures: s?.failures ?? 0 };
}

async function sourceView(db: ThreadlineDB, outlet: Outlet, enabled: Set<string>, feeds: Map<string, StoredFeed>): Promise<SourceView> {
  return {
    outlet: { ...toOutletView(outlet), domains: outlet.domains, language: outlet.language },
    enabled: enabled.has(outlet.id),
    feeds: outlet.feeds.map((url) => feedView(feeds.get(url), url)),
    articleCount: await db.articles.where('outletId').equals(outlet.id).count(),
  };
}

export async function listSources(db: ThreadlineDB): Promise<SourceView[]> {
  const [outlets, enabled, feeds] = await Promise.all([db.outlets.toArray(), getEnabledSources(), getFeeds(db)]);
  const byUrl = new Map(feeds.map((f) => [f.state.url, f]));
  const views = await Promise.all(outlets.map((o) => sourceView(db, o, enabled, byUrl)));
  // Enabled first, then by name: what the reader chose is what they look for.
  return views.sort((a, b) => Number(b.enabled) - Number(a.enabled) || a.outlet.name.localeCompare(b.outlet.name));
}

async function viewOf(db: ThreadlineDB, outletId: string): Promise<SourceView> {
  const outlet = await db.outlets.get(outletId);
  if (!outlet) throw new MessageRefused(`no outlet "${outletId}"`);
  const feeds = new Map((await getFeeds(db)).map((f) => [f.state.url, f]));
  return sourceView(db, outlet, await getEnabledSources(), feeds);
}

/** Feed state rows for every feed of the outlet, created due now (the next alarm fetches them). */
async function ensureFeedStates(db: ThreadlineDB, outlet: Outlet, now: number): Promise<void> {
  for (const url of outlet.feeds) {
    if (!(await getFeed(db, url))) await putFeed(db, { outletId: outlet.id, state: initialFeedState(url, now) });
  }
}

export async function enableSource(db: ThreadlineDB, outletId: string, enabled: boolean, now: number): Promise<SourceView> {
  const outlet = await db.outlets.get(outletId);
  if (!outlet) throw new MessageRefused(`no outlet "${outletId}"`);
  await setSourceEnabled(outletId, enabled);
  if (enabled) await ensureFeedStates(db, outlet, now);
  return viewOf(db, outletId);
}

export async function saveOutlet(db: ThreadlineDB, input: Outlet, now: number): Promise<SourceView> {
  const { outlet, errors } = validateOutlet(input);
  if (!outlet) throw new MessageRefused(`invalid outlet: ${errors.join('; ')}`);
  await db.outlets.put(outlet);
  if ((await getEnabledSources()).has(outlet.id)) await ensureFeedStates(db, outlet, now);
  return viewOf(db, outlet.id);
}

export async function removeOutlet(db: ThreadlineDB, outletId: string): Promise<{ removed: boolean }> {
  const existing = await db.outlets.get(outletId);
  if (!existing) return { removed: false };
  await setSourceEnabled(outletId, false);
  await deleteFeedsOf(db, outletId);
  await db.outlets.delete(outletId);
  return { removed: true };
}

export async function importOpml(db: ThreadlineDB, xml: string): Promise<{ added: number; updated: number; errors: string[] }> {
  const { outlets, errors } = outletsFromOpml(xml);
  if (outlets.length === 0 && errors.length > 0) throw new MessageRefused(`OPML not imported: ${errors[0]}`);
  let added = 0;
  let updated = 0;
  await db.transaction('rw', db.outlets, async () => {
    const existing = await db.outlets.bulkGet(outlets.map((o) => o.id));
    existing.forEach((e) => (e ? updated++ : added++));
    await db.outlets.bulkPut(outlets);
  });
  return { added, updated, errors };
}

export async function exportOpml(db: ThreadlineDB): Promise<{ xml: string }> {
  return { xml: outletsToOpml(await db.outlets.orderBy('id').toArray()) };
}
