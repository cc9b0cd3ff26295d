// The story engine's storage over the extension's Dexie database. Candidates come from the
// posting lists of `postings` (schema version 3, lib/store/postings.ts): the ids of all the
// query terms in one read, then only the best candidates' records. Document frequencies live in
// the same rows (schema version 5; `terms` rows before), the article count in the reserved row
// DOC_COUNT_KEY; a row read for either fills what memory keeps of both. Both are read with the
// term log applied (schema version 4, lib/store/term-log.ts).
// One ingest batch = one transaction; what it reads is kept for the batch, and its articles,
// events and stories are written once, when it ends, in the same transaction, with one term log
// row holding its document frequencies and posting list moves. Rewriting every term row and
// posting list a batch touched (two IndexedDB entries per term, thousands a batch) was most of
// an ingest's time in Chromium; the log is folded into `postings` every few batches instead,
// one row per term.
// What is kept in memory, and when it may be trusted: lib/store/engine-memory.ts.
import { Dexie, type Table, type Transaction } from 'dexie';
import type { Article, EventRecord, StoryRecord } from '../types';
import type { ArticlePlace, EngineStore } from '../match/types';
import { markEngineTransaction, type ThreadlineDB } from './db';
import { closeBatch, fillFor, fillLog, fillStories, fillTerms, kept, openBatch, placeOf, sharedFor, type Batch } from './engine-memory';
import { DOC_COUNT_KEY, withId, withoutId, type PostingRecord } from './postings';
import { appendBatch, applyMoves, copyLog, emptyLog, foldLog, logRow, readTermLog, wantsFold, type TermLog } from './term-log';

/** A term's row as the term log leaves it: document frequency and posting list. */
interface TermRow {
  df: number;
  ids: readonly string[];
}

type RecordKind = 'articles' | 'events' | 'stories';

type EngineTable = 'articles' | 'events' | 'stories' | 'postings' | 'termLog';

/** Time spent ending ingest transactions (for benches): writing records, the term log, folds, committing. */
export const batchTimings = { records: { n: 0, ms: 0 }, log: { n: 0, ms: 0 }, fold: { n: 0, ms: 0 }, commit: { n: 0, ms: 0 } };

function timing(entry: { n: number; ms: number }, since: number): number {
  const now = performance.now();
  entry.n += 1;
  entry.ms += now - since;
  return now;
}

const batches = new WeakMap<object, Batch>();
/** The transaction of each batch: its reads and writes name it, not the async context. */
const transactions = new WeakMap<Batch, Transaction>();

export class DexieEngineStore implements EngineStore {
  /** Batches this store runs now (one, as the engine uses it: see batch()). */
  private readonly running = new Set<Batch>();

  constructor(private readonly db: ThreadlineDB) {}

  async transaction<T>(work: () => Promise<T>): Promise<T> {
    if (this.zoned()) return work();
    const { articles, events, stories, postings, termLog } = this.db;
    const batch = openBatch(this.db);
    let committed = false;
    let ended = 0;
    try {
      const result = await this.db.transaction('rw', [articles, events, stories, postings, termLog], async (tx) => {
        markEngineTransaction(tx.idbtrans);
        batches.set(tx, batch);
        transactions.set(batch, tx);
        this.running.add(batch);
        const value = await work();
        let t = performance.now();
        await this.writeRecords(batch, 'articles');
        await this.writeRecords(batch, 'events');
        await this.writeRecords(batch, 'stories');
        t = timing(batchTimings.records, t);
        const folded = await this.writeLog(batch);
        ended = timing(folded ? batchTimings.fold : batchTimings.log, t);
        return value;
      });
      timing(batchTimings.commit, ended);
      committed = true;
      return result;
    } finally {
      this.running.delete(batch);
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
   * else this store's only running batch. Dexie follows its context through native awaits only
   * for a while after its own last request, and a batch answered from memory makes none for
   * many calls; the engine runs one batch per store at a time.
   */
  private batch(): Batch | undefined {
    return this.zoned() ?? (this.running.size === 1 ? this.running.values().next().value : undefined);
  }

  /** A table of the batch's transaction (whatever the async context), or of the database. */
  private table<K extends EngineTable>(batch: Batch | undefined, name: K): ThreadlineDB[K] {
    const tx = batch && transactions.get(batch);
    return (tx ? tx.table(name) : this.db[name]) as ThreadlineDB[K];
  }

  /** The term log as the batch began: as committed when memory may be trusted, else read in its transaction (outside batches: see outside()). */
  private async log(batch: Batch): Promise<TermLog> {
    if (!batch.log) batch.log = (batch.shared ? sharedFor(this.db).log : undefined) ?? (await readTermLog(this.table(batch, 'termLog')));
    return batch.log;
  }

  /**
   * Reads `read` outside any batch with the term log it applies to: the committed log when
   * memory has it, else both in one transaction (a fold committed in between would change both).
   */
  private async outside<T>(read: (t: Table) => Promise<T>): Promise<{ value: T; log: TermLog }> {
    const at = fillFor(this.db);
    if (at?.shared.log) return { value: await read(this.db.postings as unknown as Table), log: at.shared.log };
    const got = await this.db.transaction('r', [this.db.postings, this.db.termLog], async (tx) => {
      const log = await readTermLog(tx.table('termLog'));
      return { value: await read(tx.table('postings')), log };
    });
    if (at) fillLog(this.db, at, got.log);
    return got;
  }

  /** The rows of `terms` (one read) with the term log applied; the batch's own changes are not. */
  private async readRows(batch: Batch | undefined, terms: readonly string[]): Promise<TermRow[]> {
    const { value: rows, log } = batch
      ? { value: (await this.table(batch, 'postings').bulkGet(terms as string[])) as (PostingRecord | undefined)[], log: await this.log(batch) }
      : await this.outside((t) => t.bulkGet(terms as string[]) as Promise<(PostingRecord | undefined)[]>);
    return terms.map((term, i) => {
      const row = rows[i];
      let ids: readonly string[] | undefined;
      // Lists spelled out only when asked for (a read for document frequencies outside a batch keeps none).
      return { df: log.df.get(term) ?? row?.df ?? 0, get ids() { return (ids ??= applyMoves(row?.ids ?? [], log.moves.get(term))); } };
    });
  }

  /**
   * Keeps rows read in the batch: the document frequencies it has not set and the posting lists
   * it has not read, its pending moves applied. A row read for one is the other too: asking for
   * either again would cost IndexedDB requests (the terms of a new article are asked for their
   * document frequencies first, then for the lists of the rare ones, and a fold writes both).
   */
  private keepRows(batch: Batch, terms: readonly string[], rows: readonly TermRow[]): void {
    terms.forEach((term, i) => {
      if (!batch.terms.has(term)) batch.terms.set(term, rows[i].df);
      if (batch.postings.has(term)) return;
      let ids = rows[i].ids;
      const moves = batch.pendingPostings.get(term);
      if (moves) {
        ids = applyMoves(ids, moves);
        batch.pendingPostings.delete(term);
      }
      batch.postings.set(term, ids);
    });
  }

  /**
   * The batch's document frequencies and posting list moves as one term log row; or, once the
   * log holds enough, the whole log (this row included) folded into `terms` and `postings`.
   */
  private async writeLog(batch: Batch): Promise<boolean> {
    if (batch.changed.size === 0 && batch.moves.size === 0) return false;
    const log = await this.log(batch);
    const df = new Map<string, number>();
    for (const term of batch.changed) df.set(term, batch.terms.get(term) ?? 0);
    const row = logRow(log.next, df, batch.moves);
    const logged = { seq: row.seq, df, moves: batch.moves };
    if (!wantsFold(log.rows + 1, log.moveCount + row.mt.length)) {
      await this.table(batch, 'termLog').add(row);
      // Appended to the log in memory once committed (engine-memory.ts closeBatch).
      batch.logged = logged;
      return false;
    }
    const next = copyLog(log);
    appendBatch(next, logged);
    const memory = batch.shared ? sharedFor(this.db).postings : undefined;
    const known = (term: string): readonly string[] | undefined => {
      const own = batch.postings.get(term);
      if (own) return own;
      const cached = memory?.get(term);
      return cached && applyMoves(cached, batch.pendingPostings.get(term));
    };
    await foldLog({ postings: this.table(batch, 'postings'), termLog: this.table(batch, 'termLog') }, next, known);
    batch.nextLog = emptyLog(next.next);
    return true;
  }

  /** Writes the batch's pending articles, events or stories. */
  private async writeRecords(batch: Batch, kind: 'articles' | 'events' | 'stories'): Promise<void> {
    const ids = [...batch.dirty[kind]];
    if (ids.length === 0) return;
    batch.dirty[kind].clear();
    const records = ids.map((id) => batch[kind].get(id));
    const put = records.filter((r): r is NonNullable<typeof r> => r !== undefined);
    const gone = ids.filter((_, i) => records[i] === undefined);
    const table = this.table(batch, kind) as unknown as Table<{ id: string }, string>;
    if (put.length > 0) await table.bulkPut(put);
    if (gone.length > 0) await table.bulkDelete(gone);
  }

  /** Records by id: from the batch, or the shared stories, where they are; the rest in one read. */
  private async byIds<T>(kind: RecordKind, ids: readonly string[]): Promise<(T | undefined)[]> {
    const batch = this.batch();
    const known = batch?.[kind] as Map<string, T | undefined> | undefined;
    const at = batch ? undefined : fillFor(this.db);
    const shared = batch ? (batch.shared ? sharedFor(this.db) : undefined) : at?.shared;
    const memory = shared?.[kind] as Map<string, T | undefined> | undefined;
    const found = new Map<string, T | undefined>();
    const missing: string[] = [];
    for (const id of new Set(ids)) {
      if (known?.has(id)) found.set(id, known.get(id));
      else if (memory?.has(id)) found.set(id, memory.get(id));
      else missing.push(id);
    }
    if (missing.length > 0) {
      const rows = await (this.table(batch, kind) as unknown as Table<T, string>).bulkGet(missing);
      const read = missing.map((id, i): [string, T | undefined] => [id, rows[i] === undefined ? undefined : Object.freeze(rows[i]) as T]);
      for (const [id, record] of read) found.set(id, record);
      if (at && kind === 'stories') fillStories(this.db, at, read as [string, StoryRecord | undefined][]);
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

  /** Where the articles are: from the batch or the shared places where known, the rest read whole. */
  async getPlaces(ids: readonly string[]): Promise<(ArticlePlace | undefined)[]> {
    const batch = this.batch();
    const places = batch ? (batch.shared ? sharedFor(this.db).places : undefined) : fillFor(this.db)?.shared.places;
    const found = new Map<string, ArticlePlace | undefined>();
    const missing: string[] = [];
    for (const id of ids) {
      if (batch?.articles.has(id)) {
        const article = batch.articles.get(id);
        found.set(id, article && placeOf(article));
      }
      else if (places?.has(id)) found.set(id, places.get(id));
      else missing.push(id);
    }
    if (missing.length > 0) {
      const read = await this.byIds<Article>('articles', missing);
      missing.forEach((id, i) => found.set(id, read[i] && placeOf(read[i])));
    }
    return ids.map((id) => found.get(id));
  }

  /**
   * Posting lists of the terms, with the batch's moves applied: from the batch where it has them,
   * the rest in one read (a batch keeps them, and the document frequencies the rows hold).
   */
  private async postings(batch: Batch | undefined, terms: Iterable<string>): Promise<Map<string, readonly string[]>> {
    const lists = new Map<string, readonly string[]>();
    const at = batch ? undefined : fillFor(this.db);
    const memory = batch ? (batch.shared ? sharedFor(this.db).postings : undefined) : at?.shared.postings;
    const missing: string[] = [];
    const read: string[] = [];
    for (const term of terms) {
      const known = batch?.postings.get(term);
      if (known) lists.set(term, known);
      else {
        missing.push(term);
        const cached = memory?.get(term);
        if (cached) lists.set(term, cached);
        else read.push(term);
      }
    }
    if (read.length > 0) {
      const rows = await this.readRows(batch, read);
      read.forEach((term, i) => lists.set(term, rows[i].ids));
      if (batch) {
        for (let i = 0; i < read.length; i++) if (!batch.terms.has(read[i])) batch.terms.set(read[i], rows[i].df);
      }
      else if (at) fillTerms(this.db, at, read.map((term, i): [string, number] => [term, rows[i].df]));
    }
    if (!batch) return lists;
    for (const term of missing) {
      let ids = lists.get(term)!;
      const moves = batch.pendingPostings.get(term);
      if (moves) {
        ids = applyMoves(ids, moves);
        batch.pendingPostings.delete(term);
        lists.set(term, ids);
      }
      batch.postings.set(term, ids);
    }
    return lists;
  }

  async getArticleIdsByTerms(terms: readonly string[]): Promise<string[][]> {
    const lists = await this.postings(this.batch(), new Set(terms));
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
        const rows = await this.table(batch, 'articles').where('eventId').equals(eventId).toArray();
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

  /**
   * Puts the articles in the batch (written when it ends) and moves their ids in the posting
   * lists of the terms they gained or lost (applied when a list is read or the batch ends).
   */
  async putArticles(articles: readonly Article[]): Promise<void> {
    const batch = this.batch();
    if (!batch) return this.transaction(() => this.putArticles(articles));
    const before = await this.byIds<Article>('articles', articles.map((a) => a.id));
    articles.forEach((article, i) => {
      const old = new Set(before[i]?.termKeys ?? []);
      const now = new Set(article.termKeys);
      for (const term of now) if (!old.has(term)) this.movePosting(batch, term, article.id, true);
      for (const term of old) if (!now.has(term)) this.movePosting(batch, term, article.id, false);
      batch.articles.set(article.id, kept(article));
      batch.dirty.articles.add(article.id);
    });
  }

  private movePosting(batch: Batch, term: string, id: string, add: boolean): void {
    let logged = batch.moves.get(term);
    if (!logged) batch.moves.set(term, (logged = []));
    logged.push({ id, add });
    const ids = batch.postings.get(term);
    if (ids) batch.postings.set(term, add ? withId(ids, id) : withoutId(ids, id));
    else {
      let moves = batch.pendingPostings.get(term);
      if (!moves) batch.pendingPostings.set(term, (moves = []));
      moves.push({ id, add });
    }
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
    return this.table(batch, 'events').where('storyId').equals(storyId).toArray();
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

  getStories(ids: readonly string[]): Promise<(StoryRecord | undefined)[]> {
    return this.byIds<StoryRecord>('stories', ids);
  }

  putStory(story: StoryRecord): Promise<void> {
    return this.put('stories', story);
  }

  deleteStory(id: string): Promise<void> {
    return this.delete('stories', id);
  }

  /** Current document frequencies of `terms`, every one of them (0: in no article). */
  private async readTerms(terms: Iterable<string>): Promise<Map<string, number>> {
    const batch = this.batch();
    const at = batch ? undefined : fillFor(this.db);
    const memory = batch ? (batch.shared ? sharedFor(this.db).df : undefined) : at?.shared.df;
    const out = new Map<string, number>();
    const missing: string[] = [];
    for (const term of terms) {
      const value = batch?.terms.get(term) ?? memory?.get(term);
      if (value === undefined) missing.push(term);
      else out.set(term, value);
    }
    if (missing.length === 0) return out;
    const rows = await this.readRows(batch, missing);
    missing.forEach((term, i) => out.set(term, rows[i].df));
    if (batch) this.keepRows(batch, missing, rows);
    else if (at) fillTerms(this.db, at, missing.map((term, i): [string, number] => [term, rows[i].df]));
    return out;
  }

  async getDocFreqs(terms: readonly string[]): Promise<{ docs: number; df: Map<string, number> }> {
    // DOC_COUNT_KEY is no token: it never collides with a term asked for.
    const df = await this.readTerms(new Set(terms).add(DOC_COUNT_KEY));
    const docs = df.get(DOC_COUNT_KEY) ?? 0;
    df.delete(DOC_COUNT_KEY);
    return { docs, df };
  }

  async addDocFreqs(delta: ReadonlyMap<string, number>, docsDelta: number): Promise<void> {
    const change = new Map(delta);
    if (docsDelta !== 0) change.set(DOC_COUNT_KEY, docsDelta);
    if (change.size === 0) return;
    const batch = this.batch();
    // Outside an engine transaction: one of its own (the term log is written by batches only).
    if (!batch) return this.transaction(() => this.addDocFreqs(delta, docsDelta));
    const current = await this.readTerms(change.keys());
    for (const [term, d] of change) {
      batch.terms.set(term, Math.max(0, (current.get(term) ?? 0) + d));
      batch.changed.add(term);
    }
  }
}
