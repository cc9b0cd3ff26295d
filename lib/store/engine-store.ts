// The story engine's storage over the extension's Dexie database (lib/match/types.ts EngineStore).
// One ingest batch = one transaction: what it reads is kept for the batch, and what it writes is
// written once, when it ends, in the same transaction.
// How it reads (posting lists, document frequencies, records): lib/store/engine-reads.ts.
// How a batch writes and ends (records, the term log, folds): lib/store/engine-writes.ts.
// What is kept in memory, and when it may be trusted: lib/store/engine-memory.ts.
import { Dexie } from 'dexie';
import type { Article, EventRecord, StoryRecord } from '../types';
import type { ArticlePlace, EngineStore } from '../match/types';
import type { ThreadlineDB } from './db';
import { closeBatch, openBatch, type Batch } from './engine-memory';
import { byIds, places, postings, readTerms, table, type RecordKind } from './engine-reads';
import { addDocFreqs, deleteRecord, putArticles, putRecord, runBatch, writeRecords } from './engine-writes';
import { DOC_COUNT_KEY } from './postings';

const batches = new WeakMap<object, Batch>();
/** Per database, the end of the last engine transaction asked for (see transaction()). */
const queues = new WeakMap<ThreadlineDB, Promise<unknown>>();

export class DexieEngineStore implements EngineStore {
  /** The batch this store runs now (engine transactions run one at a time: see transaction()). */
  private running: Batch | undefined;

  constructor(private readonly db: ThreadlineDB) {}

  /**
   * Runs `work` as one engine transaction (inside one, as part of it). Engine transactions on a
   * database run one at a time, in the order asked, whichever store asks: one that began while
   * another worked could not trust memory (lib/store/engine-memory.ts) and would read everything
   * from IndexedDB. Feeds are refreshed several at a time (lib/background/feeds.ts): the match
   * bench's stream ingested as four feeds at once, batches of 100, took 75-81 s to 10,000
   * stored without this and 19-22 s with it (real Chromium; about the rate of one feed alone).
   * IndexedDB runs them one at a time anyway (read-write, same tables).
   */
  async transaction<T>(work: () => Promise<T>): Promise<T> {
    if (this.zoned()) return work();
    const run = (queues.get(this.db) ?? Promise.resolve()).then(() => this.run(work));
    queues.set(this.db, run.catch(() => undefined));
    return run;
  }

  private async run<T>(work: () => Promise<T>): Promise<T> {
    const batch = openBatch(this.db);
    let committed = false;
    try {
      const result = await runBatch(this.db, batch, (tx) => {
        batches.set(tx, batch);
        this.running = batch;
        return work();
      });
      committed = true;
      return result;
    } finally {
      this.running = undefined;
      closeBatch(this.db, batch, committed);
    }
  }

  /** The engine transaction of the async context this call runs in, if Dexie still knows it. */
  private zoned(): Batch | undefined {
    const tx = Dexie.currentTransaction;
    return tx ? batches.get(tx) ?? (tx.parent ? batches.get(tx.parent) : undefined) : undefined;
  }

  /**
   * The engine transaction this call runs in, if any: Dexie's async context when it has one,
   * else the batch this store runs. Dexie follows its context through native awaits only
   * for a while after its own last request, and a batch answered from memory makes none for
   * many calls; engine transactions run one at a time per database (transaction()).
   */
  private batch(): Batch | undefined {
    return this.zoned() ?? this.running;
  }

  private byIds<T>(kind: RecordKind, ids: readonly string[]): Promise<(T | undefined)[]> {
    return byIds<T>(this.db, this.batch(), kind, ids);
  }

  async getArticle(id: string): Promise<Article | undefined> {
    return (await this.byIds<Article>('articles', [id]))[0];
  }

  getArticles(ids: readonly string[]): Promise<(Article | undefined)[]> {
    return this.byIds<Article>('articles', ids);
  }

  getPlaces(ids: readonly string[]): Promise<(ArticlePlace | undefined)[]> {
    return places(this.db, this.batch(), ids);
  }

  async getArticleIdsByTerms(terms: readonly string[]): Promise<string[][]> {
    const lists = await postings(this.db, this.batch(), new Set(terms));
    return terms.map((term) => [...lists.get(term)!]);
  }

  async getArticlesByEvent(eventId: string): Promise<Article[]> {
    const batch = this.batch();
    if (!batch) return (await this.db.articles.where('eventId').equals(eventId).toArray()).map((a) => Object.freeze(a));
    // IndexedDB holds the articles as the batch began; the batch's own are in memory. An event's
    // record lists every article of it that the batch has not put (the engine and the retention
    // policy keep `articleIds` so), and those are mostly in memory: the index is read only for
    // an event without a record.
    let stored = batch.eventMembers.get(eventId);
    if (!stored) {
      const [event] = await this.byIds<EventRecord>('events', [eventId]);
      if (event) stored = event.articleIds;
      else {
        const rows = await table(this.db, batch, 'articles').where('eventId').equals(eventId).toArray();
        for (const a of rows) if (!batch.articles.has(a.id)) batch.articles.set(a.id, Object.freeze(a));
        stored = rows.map((a) => a.id);
      }
      batch.eventMembers.set(eventId, stored);
    }
    const listed = stored.filter((id) => !batch.dirty.articles.has(id));
    const members: Article[] = [];
    for (const a of await this.byIds<Article>('articles', listed)) if (a && a.eventId === eventId) members.push(a);
    for (const id of batch.dirty.articles) {
      const a = batch.articles.get(id);
      if (a && a.eventId === eventId) members.push(a);
    }
    return members.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  }

  /** In the batch (lib/store/engine-writes.ts putArticles); outside one, in a batch of its own. */
  putArticles(articles: readonly Article[]): Promise<void> {
    const batch = this.batch();
    if (!batch) return this.transaction(() => this.putArticles(articles));
    return putArticles(this.db, batch, articles);
  }

  async getEvent(id: string): Promise<EventRecord | undefined> {
    return (await this.byIds<EventRecord>('events', [id]))[0];
  }

  getEvents(ids: readonly string[]): Promise<(EventRecord | undefined)[]> {
    return this.byIds<EventRecord>('events', ids);
  }

  async getEventsByStory(storyId: string): Promise<EventRecord[]> {
    const batch = this.batch();
    if (batch) await writeRecords(this.db, batch, 'events');
    return table(this.db, batch, 'events').where('storyId').equals(storyId).toArray();
  }

  putEvent(event: EventRecord): Promise<void> {
    return putRecord(this.db, this.batch(), 'events', event);
  }

  deleteEvent(id: string): Promise<void> {
    return deleteRecord(this.db, this.batch(), 'events', id);
  }

  async getStory(id: string): Promise<StoryRecord | undefined> {
    return (await this.byIds<StoryRecord>('stories', [id]))[0];
  }

  getStories(ids: readonly string[]): Promise<(StoryRecord | undefined)[]> {
    return this.byIds<StoryRecord>('stories', ids);
  }

  putStory(story: StoryRecord): Promise<void> {
    return putRecord(this.db, this.batch(), 'stories', story);
  }

  deleteStory(id: string): Promise<void> {
    return deleteRecord(this.db, this.batch(), 'stories', id);
  }

  async getDocFreqs(terms: readonly string[]): Promise<{ docs: number; df: Map<string, number> }> {
    // DOC_COUNT_KEY is no token: it never collides with a term asked for.
    const df = await readTerms(this.db, this.batch(), new Set(terms).add(DOC_COUNT_KEY));
    const docs = df.get(DOC_COUNT_KEY) ?? 0;
    df.delete(DOC_COUNT_KEY);
    return { docs, df };
  }

  addDocFreqs(delta: ReadonlyMap<string, number>, docsDelta: number): Promise<void> {
    const change = new Map(delta);
    if (docsDelta !== 0) change.set(DOC_COUNT_KEY, docsDelta);
    if (change.size === 0) return Promise.resolve();
    const batch = this.batch();
    // Outside an engine transaction: one of its own (the term log is written by batches only).
    if (!batch) return this.transaction(() => this.addDocFreqs(delta, docsDelta));
    return addDocFreqs(this.db, batch, change);
  }
}
