// The story engine's storage over the extension's Dexie database. Candidates come from the
// multi-entry term index of `articles`; document frequencies live in the `terms` table
// (schema version 2), the article count in its reserved row DOC_COUNT_KEY. One ingest batch =
// one transaction.
//
// Fewer reads, same answers. The engine reads the document frequency of every term of every
// candidate (thousands per match) and the story of every candidate (dozens), so:
// - Committed document frequencies and stories are kept in memory per database, bounded, and
//   dropped whole when anything but this store writes the engine's tables (lib/store/db.ts
//   counts those writes) or when an engine transaction fails.
// - Inside an ingest transaction nobody else can write these tables, so the records it reads or
//   writes by id are kept for the rest of the batch. Its events, stories and document
//   frequencies are written once, at the end of the batch, in the same transaction (each
//   article rewrites its event and story). Once it has committed, what it read and wrote is
//   kept in memory. A transaction that starts while another one is still running could see
//   memory from before that one's changes: it reads IndexedDB only.
// - Articles are stored compactly, and the term index holds only the terms the engine may
//   look up (see putArticles and lib/store/compact-records.ts).
import { Dexie, type Table } from 'dexie';
import type { Article, EventRecord, StoryRecord } from '../types';
import { MAX_QUERY_DF } from '../match/thresholds';
import type { EngineStore } from '../match/types';
import { encodeArticle } from './compact-records';
import { engineTablesGeneration, markEngineTransaction, type TermRecord, type ThreadlineDB } from './db';

/** The `terms` row holding the number of articles counted (no token can have this form). */
export const DOC_COUNT_KEY = '#docs';

/** Terms whose document frequency is kept in memory (about 60 bytes each). */
const CACHED_TERMS = 100_000;
/** Stories kept in memory (a few KB each: the centroid and the event ids). */
const CACHED_STORIES = 1_000;

/** Committed values, as of `generation` (see lib/store/db.ts). */
interface Shared {
  generation: number;
  /** Document frequencies (0: no row). DOC_COUNT_KEY holds the article count. */
  df: Map<string, number>;
  /** Stories by id (undefined: known absent). */
  stories: Map<string, StoryRecord | undefined>;
}

/** What one engine transaction knows: records by id (undefined: known absent) and `terms`. */
interface Batch {
  /** Whether it may read the shared values (no other engine transaction was running). */
  shared: boolean;
  generation: number;
  articles: Map<string, Article | undefined>;
  events: Map<string, EventRecord | undefined>;
  stories: Map<string, StoryRecord | undefined>;
  /** Document frequencies it read or set; `changed` are written when it ends. */
  terms: Map<string, number>;
  changed: Set<string>;
  /** Events and stories put or deleted, written when it ends (events also before a query). */
  dirty: { events: Set<string>; stories: Set<string> };
}

type RecordKind = 'articles' | 'events' | 'stories';

const sharedByDb = new WeakMap<Dexie, Shared>();
const running = new WeakMap<Dexie, number>();
const batches = new WeakMap<object, Batch>();

function sharedFor(db: Dexie): Shared {
  const generation = engineTablesGeneration(db);
  let shared = sharedByDb.get(db);
  if (!shared || shared.generation !== generation) {
    shared = { generation, df: new Map(), stories: new Map() };
    sharedByDb.set(db, shared);
  }
  return shared;
}

/** Adds entries, most recent last, and drops the oldest tenth past `limit`. */
function remember<V>(map: Map<string, V>, entries: Iterable<[string, V]>, limit: number): void {
  for (const [key, value] of entries) {
    map.delete(key);
    map.set(key, value);
  }
  if (map.size <= limit) return;
  let drop = map.size - Math.floor(limit * 0.9);
  for (const key of map.keys()) {
    if (drop-- <= 0) break;
    map.delete(key);
  }
}

/** Kept records are frozen copies: callers may not change what others will read. */
function kept<T>(record: T): T {
  return Object.freeze(structuredClone(record));
}

export class DexieEngineStore implements EngineStore {
  private readonly terms: Table<TermRecord, string>;

  constructor(private readonly db: ThreadlineDB) {
    this.terms = db.table('terms');
  }

  async transaction<T>(work: () => Promise<T>): Promise<T> {
    const { articles, events, stories } = this.db;
    if (this.batch()) return work();
    const others = running.get(this.db) ?? 0;
    running.set(this.db, others + 1);
    const batch: Batch = {
      shared: others === 0,
      generation: engineTablesGeneration(this.db),
      articles: new Map(),
      events: new Map(),
      stories: new Map(),
      terms: new Map(),
      changed: new Set(),
      dirty: { events: new Set(), stories: new Set() },
    };
    try {
      const result = await this.db.transaction('rw', [articles, events, stories, this.terms], async (tx) => {
        markEngineTransaction(tx.idbtrans);
        batches.set(tx, batch);
        const value = await work();
        await this.writeRecords(batch, 'events');
        await this.writeRecords(batch, 'stories');
        await this.writeTerms([...batch.changed].map((term) => [term, batch.terms.get(term) ?? 0]));
        return value;
      });
      // Committed: what it read and wrote is the truth now (nobody else could write meanwhile).
      const shared = sharedFor(this.db);
      if (shared.generation === batch.generation) {
        remember(shared.df, batch.terms, CACHED_TERMS);
        remember(shared.stories, batch.stories, CACHED_STORIES);
      }
      return result;
    } catch (error) {
      sharedByDb.delete(this.db);
      throw error;
    } finally {
      running.set(this.db, (running.get(this.db) ?? 1) - 1);
    }
  }

  /** The engine transaction this call runs in, if any. */
  private batch(): Batch | undefined {
    const tx = Dexie.currentTransaction;
    return tx ? batches.get(tx) ?? (tx.parent ? batches.get(tx.parent) : undefined) : undefined;
  }

  /**
   * The shared values this call may read, and whether what it reads from IndexedDB may be
   * added to them (outside transactions, and only while no engine transaction runs).
   */
  private sharedView(batch: Batch | undefined): { shared?: Shared; fill: boolean } {
    if (batch) return batch.shared ? { shared: sharedFor(this.db), fill: false } : { fill: false };
    return { shared: sharedFor(this.db), fill: (running.get(this.db) ?? 0) === 0 };
  }

  private async writeTerms(values: Iterable<[string, number]>): Promise<void> {
    const put: TermRecord[] = [];
    const gone: string[] = [];
    for (const [term, df] of values) {
      if (df > 0) put.push({ term, df });
      else gone.push(term);
    }
    if (put.length > 0) await this.terms.bulkPut(put);
    if (gone.length > 0) await this.terms.bulkDelete(gone);
  }

  /** Writes the batch's pending events or stories. */
  private async writeRecords(batch: Batch, kind: 'events' | 'stories'): Promise<void> {
    const ids = [...batch.dirty[kind]];
    if (ids.length === 0) return;
    batch.dirty[kind].clear();
    const records = ids.map((id) => batch[kind].get(id));
    const put = records.filter((r): r is NonNullable<typeof r> => r !== undefined);
    const gone = ids.filter((_, i) => records[i] === undefined);
    const table = this.db[kind] as unknown as Table<{ id: string }, string>;
    if (put.length > 0) await table.bulkPut(put);
    if (gone.length > 0) await table.bulkDelete(gone);
  }

  /** Records by id: from the batch, or the shared stories, where they are; the rest in one read. */
  private async byIds<T>(kind: RecordKind, ids: readonly string[]): Promise<(T | undefined)[]> {
    const batch = this.batch();
    const known = batch?.[kind] as Map<string, T | undefined> | undefined;
    const { shared, fill } = kind === 'stories' ? this.sharedView(batch) : { shared: undefined, fill: false };
    const memory = shared?.stories as Map<string, T | undefined> | undefined;
    const found = new Map<string, T | undefined>();
    const missing: string[] = [];
    for (const id of new Set(ids)) {
      if (known?.has(id)) found.set(id, known.get(id));
      else if (memory?.has(id)) found.set(id, memory.get(id));
      else missing.push(id);
    }
    if (missing.length > 0) {
      const rows = await (this.db[kind] as unknown as Table<T, string>).bulkGet(missing);
      const read = missing.map((id, i): [string, T | undefined] => [id, rows[i] === undefined ? undefined : Object.freeze(rows[i]) as T]);
      for (const [id, record] of read) found.set(id, record);
      if (fill && memory && sharedFor(this.db) === shared) remember(memory, read, CACHED_STORIES);
    }
    if (known) for (const [id, record] of found) known.set(id, record);
    return ids.map((id) => found.get(id));
  }

  /** Puts events or stories: in the batch, written when it ends; outside one, now. */
  private async put<T extends { id: string }>(kind: 'events' | 'stories', record: T): Promise<void> {
    const batch = this.batch();
    if (!batch) {
      await (this.db[kind] as unknown as Table<T, string>).put(record);
      return;
    }
    (batch[kind] as Map<string, T | undefined>).set(record.id, kept(record));
    batch.dirty[kind].add(record.id);
  }

  private async delete(kind: 'events' | 'stories', id: string): Promise<void> {
    const batch = this.batch();
    if (!batch) {
      await this.db[kind].delete(id);
      return;
    }
    batch[kind].set(id, undefined);
    batch.dirty[kind].add(id);
  }

  async getArticle(id: string): Promise<Article | undefined> {
    return (await this.byIds<Article>('articles', [id]))[0];
  }

  getArticles(ids: readonly string[]): Promise<(Article | undefined)[]> {
    return this.byIds<Article>('articles', ids);
  }

  getArticlesByTerm(term: string): Promise<Article[]> {
    return this.db.articles.where('termKeys').equals(term).toArray();
  }

  getArticlesByEvent(eventId: string): Promise<Article[]> {
    return this.db.articles.where('eventId').equals(eventId).toArray();
  }

  /**
   * The term index holds only the names the engine may look up: a term in more than
   * MAX_QUERY_DF articles is never a query term (lib/match/candidates.ts), and document
   * frequencies only grow (but for articles removed), so an entry for it would never be read.
   * That is most of an article's common words, and most of its index entries.
   */
  async putArticles(articles: readonly Article[]): Promise<void> {
    const df = await this.readTerms([...new Set(articles.flatMap((a) => a.termKeys))]);
    const lookedUp = (term: string) => (df.get(term) ?? 0) <= MAX_QUERY_DF;
    await this.db.articles.bulkPut(articles.map((a) => encodeArticle(a, lookedUp)) as unknown as Article[]);
    const known = this.batch()?.articles;
    if (known) for (const a of articles) known.set(a.id, kept(a));
  }

  async getEvent(id: string): Promise<EventRecord | undefined> {
    return (await this.byIds<EventRecord>('events', [id]))[0];
  }

  getEvents(ids: readonly string[]): Promise<(EventRecord | undefined)[]> {
    return this.byIds<EventRecord>('events', ids);
  }

  async getEventsByStory(storyId: string): Promise<EventRecord[]> {
    const batch = this.batch();
    if (batch) await this.writeRecords(batch, 'events');
    return this.db.events.where('storyId').equals(storyId).toArray();
  }

  putEvent(event: EventRecord): Promise<void> {
    return this.put('events', event);
  }

  deleteEvent(id: string): Promise<void> {
    return this.delete('events', id);
  }

  async getStory(id: string): Promise<StoryRecord | undefined> {
    return (await this.byIds<StoryRecord>('stories', [id]))[0];
  }

  putStory(story: StoryRecord): Promise<void> {
    return this.put('stories', story);
  }

  deleteStory(id: string): Promise<void> {
    return this.delete('stories', id);
  }

  /** Current document frequencies of `terms` (DOC_COUNT_KEY included when asked for). */
  private async readTerms(terms: readonly string[]): Promise<Map<string, number>> {
    const batch = this.batch();
    const { shared, fill } = this.sharedView(batch);
    const out = new Map<string, number>();
    const missing: string[] = [];
    for (const term of terms) {
      const value = batch?.terms.get(term) ?? shared?.df.get(term);
      if (value === undefined) missing.push(term);
      else out.set(term, value);
    }
    if (missing.length === 0) return out;
    const rows = await this.terms.bulkGet(missing);
    const read = missing.map((term, i): [string, number] => [term, rows[i]?.df ?? 0]);
    for (const [term, df] of read) out.set(term, df);
    if (batch) for (const [term, df] of read) batch.terms.set(term, df);
    else if (fill && shared && sharedFor(this.db) === shared) remember(shared.df, read, CACHED_TERMS);
    return out;
  }

  async getDocFreqs(terms: readonly string[]): Promise<{ docs: number; df: Map<string, number> }> {
    const unique = [...new Set(terms)];
    const values = await this.readTerms([...unique, DOC_COUNT_KEY]);
    const df = new Map(unique.map((term) => [term, values.get(term) ?? 0]));
    return { docs: values.get(DOC_COUNT_KEY) ?? 0, df };
  }

  async addDocFreqs(delta: ReadonlyMap<string, number>, docsDelta: number): Promise<void> {
    const change = new Map(delta);
    if (docsDelta !== 0) change.set(DOC_COUNT_KEY, docsDelta);
    if (change.size === 0) return;
    const batch = this.batch();
    const current = await this.readTerms([...change.keys()]);
    const next = new Map([...change].map(([term, d]) => [term, Math.max(0, (current.get(term) ?? 0) + d)]));
    if (batch) {
      for (const [term, df] of next) {
        batch.terms.set(term, df);
        batch.changed.add(term);
      }
      return;
    }
    // Outside an engine transaction: written now (db.ts counts it as somebody else's write).
    await this.writeTerms(next);
  }
}
