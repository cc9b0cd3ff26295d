// What the background remembers between tab-context requests: each tab's last context, each
// event's framing, and the outlet rows the contexts name. Tab contexts and outlet rows are
// dropped when the store changes (Dexie's `storagemutated`, fired after every committed write in
// this context and, through its BroadcastChannel, in any other page of the extension), so nothing
// stale is served; a framing survives writes elsewhere in the store, because its key says what it
// was computed from (the event's articles and their versions, the reader's sources, the outlet
// registry's generation). Kept in module memory: the MV3 worker may stop at will, and then
// everything is rebuilt on the next request.
import { Dexie } from 'dexie';
import type { ThreadlineDB } from '../store/db';
import type { EventFraming } from '../framing/types';
import type { Outlet } from '../types';
import type { TabContext } from '../views';

/** Tabs whose context is kept (a reader rarely flips between more). */
const MAX_TABS = 32;
/** Events whose framing is kept. */
const MAX_FRAMINGS = 32;
/** Tables whose writes leave the contexts as they were (feed state, settings mirrors). */
const IGNORED_TABLES = new Set(['meta']);

/** A tab's context as first built: ready to show, with the framing still to compute when `finish` is set. */
export interface BaseContext {
  context: TabContext;
  /** Computes the event's framing (synchronous, CPU only) and returns the complete context. */
  finish?: () => TabContext;
}

export interface TabEntry {
  /** The tab state and options the context was built for. */
  key: string;
  generation: number;
  base: Promise<BaseContext>;
  /** The complete context, once asked for. */
  full?: Promise<TabContext>;
  /** The complete context, once computed. */
  done?: TabContext;
}

interface FramingEntry {
  key: string;
  framing: EventFraming;
}

export class ContextCache {
  /** Bumped by every write to the tables a context is built from. */
  generation = 0;
  /** Bumped by writes to `outlets` (the framing's registry). */
  outletGeneration = 0;
  private readonly tabs = new Map<number, TabEntry>();
  private readonly framings = new Map<string, FramingEntry>();
  private readonly outlets = new Map<string, Outlet | null>();

  constructor(private readonly db: ThreadlineDB) {}

  /** The tab's entry for `key`: the cached one (built or being built), or a new build. */
  tabEntry(tabId: number, key: string, build: () => Promise<BaseContext>): TabEntry {
    const hit = this.tabs.get(tabId);
    if (hit && hit.key === key && hit.generation === this.generation) {
      touch(this.tabs, tabId, hit);
      return hit;
    }
    const entry: TabEntry = { key, generation: this.generation, base: build() };
    touch(this.tabs, tabId, entry, MAX_TABS);
    // A failed build is not remembered. A build that saw the store change under it carries the
    // generation it started with, so the next request builds again.
    entry.base.catch(() => this.forget(tabId, entry));
    return entry;
  }

  /** Drops the tab's entry if it is still `entry`. */
  forget(tabId: number, entry: TabEntry): void {
    if (this.tabs.get(tabId) === entry) this.tabs.delete(tabId);
  }

  framing(eventId: string, key: string): EventFraming | undefined {
    const hit = this.framings.get(eventId);
    if (!hit || hit.key !== key) return undefined;
    touch(this.framings, eventId, hit);
    return hit.framing;
  }

  keepFraming(eventId: string, key: string, framing: EventFraming): void {
    touch(this.framings, eventId, { key, framing }, MAX_FRAMINGS);
  }

  /** Outlet rows by id, read once per change of the outlets table. */
  async outletRows(ids: readonly string[]): Promise<Map<string, Outlet>> {
    const generation = this.outletGeneration;
    const missing = [...new Set(ids.filter((id) => !this.outlets.has(id)))];
    if (missing.length > 0) {
      const rows = await this.db.outlets.bulkGet(missing);
      // The outlets changed during the read: answer from a read of them all, remember nothing.
      if (generation !== this.outletGeneration) return rowsById(ids, await this.db.outlets.bulkGet([...ids]));
      missing.forEach((id, i) => this.outlets.set(id, rows[i] ?? null));
    }
    return rowsById(ids, ids.map((id) => this.outlets.get(id) ?? undefined));
  }

  /** A committed write touched these tables. */
  changed(tables: ReadonlySet<string> | 'all'): void {
    const touches = (name: string) => tables === 'all' || tables.has(name);
    if (tables === 'all' || [...tables].some((t) => !IGNORED_TABLES.has(t))) this.generation += 1;
    if (touches('outlets')) {
      this.outletGeneration += 1;
      this.outlets.clear();
    }
    if (tables === 'all') this.framings.clear();
  }
}

function rowsById(ids: readonly string[], rows: readonly (Outlet | undefined)[]): Map<string, Outlet> {
  const found = new Map<string, Outlet>();
  ids.forEach((id, i) => {
    const row = rows[i];
    if (row) found.set(id, row);
  });
  return found;
}

/** Map insertion order as recency: re-inserting moves an entry last; the oldest goes first. */
function touch<K, V>(map: Map<K, V>, key: K, value: V, max = Infinity): void {
  map.delete(key);
  map.set(key, value);
  while (map.size > max) map.delete(map.keys().next().value as K);
}

const caches = new WeakMap<ThreadlineDB, ContextCache>();
const byName = new Map<string, Set<WeakRef<ContextCache>>>();
let listening = false;

/** The tables named by a Dexie mutation set, per database name ('all': everything changed). */
function tablesByDatabase(parts: Record<string, unknown>): Map<string, Set<string>> | 'all' {
  const found = new Map<string, Set<string>>();
  for (const part of Object.keys(parts)) {
    if (part === 'all') return 'all';
    // "idb://<database>/<table>/<index>"
    const m = /^idb:\/\/([^/]*)\/([^/]*)\//.exec(part);
    if (!m) continue;
    let tables = found.get(m[1]);
    if (!tables) found.set(m[1], (tables = new Set()));
    tables.add(m[2]);
  }
  return found;
}

function onStorageMutated(parts: Record<string, unknown>): void {
  const changed = tablesByDatabase(parts);
  for (const [name, refs] of byName) {
    const tables = changed === 'all' ? 'all' : changed.get(name);
    if (!tables) continue;
    for (const ref of refs) {
      const cache = ref.deref();
      if (cache) cache.changed(tables);
      else refs.delete(ref);
    }
  }
}

/** The cache of one database (created, and subscribed to its writes, on first use). */
export function contextCacheFor(db: ThreadlineDB): ContextCache {
  let cache = caches.get(db);
  if (!cache) {
    cache = new ContextCache(db);
    caches.set(db, cache);
    let refs = byName.get(db.name);
    if (!refs) byName.set(db.name, (refs = new Set()));
    refs.add(new WeakRef(cache));
    if (!listening) {
      listening = true;
      Dexie.on('storagemutated', onStorageMutated);
    }
  }
  return cache;
}
