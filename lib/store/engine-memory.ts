// What the engine store (lib/store/engine-store.ts) keeps in memory, and when it may trust it.
// The engine reads the document frequency of every term of the candidates it scores (hundreds
// per match), the place of every candidate and the story of each one's story (dozens), so:
// - Committed document frequencies, stories, events, the latest article records and the places
//   of articles (lib/match/types.ts ArticlePlace) are kept per database, bounded, and dropped
//   whole when anything but the engine store writes the engine's tables (lib/store/db.ts counts
//   those writes in a generation).
// - Inside an ingest transaction nobody else can write these tables, so the records, document
//   frequencies and posting lists it reads or writes are kept for the rest of the batch, and
//   once it has committed what it read and wrote joins the committed values. Its articles are
//   written when it ends (one write instead of one per article), so until then IndexedDB holds
//   them as they were when it began, and reads by event add the batch's own (engine-store.ts).
// - A transaction that starts while another one is still running could see memory from before
//   that one's changes: it reads IndexedDB only. The engine store runs its transactions one at a
//   time per database (engine-store.ts transaction()), so within one connection this is a safety
//   net. Reads outside transactions add what they read only when no transaction ran meanwhile.
// - Once a bulk ingest has read them, every article id and term IndexedDB may hold (StoredKeys):
//   what is not among them is not read. Only the background opens the database (db.ts), so the
//   engine store's own writes and the generation account for every change.
import type { Dexie } from 'dexie';
import type { ArticlePlace } from '../match/types';
import type { Article, EventRecord, StoryRecord } from '../types';
import { engineTablesGeneration } from './db';
import { appendBatch, applyMoves, type LoggedBatch, type Move, type TermLog } from './term-log';

/** Terms whose document frequency is kept in memory (about 60 bytes each). */
const CACHED_TERMS = 100_000;
/**
 * Stories kept in memory (a few KB each: the centroid and the event ids). Every new article
 * asks for the stories of its candidates, old ones included: at 1,000 the cache missed once a
 * store passed ~1,000 stories (~20k articles) and reading stories became the largest ingest
 * cost at 100k (about 2.7 ms per article); 100k articles make ~6–7k stories.
 */
const CACHED_STORIES = 10_000;
/** Events kept in memory (a few KB each), the latest read or written: new articles join recent ones. */
const CACHED_EVENTS = 3_000;
/**
 * Article records kept in memory (a few KB each), the latest read or written: a new article
 * is scored against the candidates of its days (lib/match/candidates.ts), mostly recent ones.
 */
const CACHED_ARTICLES = 3_000;
/**
 * Posting lists kept in memory, counted in ids (each list weighs its ids plus LIST_WEIGHT).
 * An id costs a list a compressed pointer (4 bytes in Chromium): lists share the strings of the
 * ids (compact-records.ts spelledId, and the articles' own ids for the ids a batch moves), so
 * 4,000,000 ≈ 16 MB plus about 2.4 MB of id strings at 100,000 articles. That holds every list
 * of a store of 100,000 articles (48 terms an article, lists capped at POSTING_CAP: 2.7 million
 * ids in the match bench's stream): the query terms of a new article (rare ones, often last
 * seen weeks ago) and the lists a fold writes are then read from memory. At 600,000, a fold's
 * own lists (~11,000 terms, ~1 million ids at 100k) pushed out the rest, and most query terms
 * were read from IndexedDB (about 0.8 ms an article). Bounded by ids, not lists: 4,000 lists
 * could be 4,000 × POSTING_CAP ids. Tests lower it.
 */
export const CACHED_POSTING_IDS = { ids: 4_000_000 };
/** What a list weighs beyond its ids (the Map entry and the array: about two ids' bytes). */
export const LIST_WEIGHT = 2;
/** Places of articles (lib/match/types.ts ArticlePlace, about 150 bytes each): the engine asks for every candidate's. */
const CACHED_PLACES = 250_000;

/** Committed values, as of `generation` (see lib/store/db.ts). */
export interface Shared {
  generation: number;
  /** Engine transactions committed since these values were started. */
  commits: number;
  /** Document frequencies (0: no row). */
  df: Map<string, number>;
  /** Stories by id (undefined: known absent). */
  stories: Map<string, StoryRecord | undefined>;
  /** Events, article records and places by id (undefined: known absent). */
  events: Map<string, EventRecord | undefined>;
  articles: Map<string, Article | undefined>;
  places: Map<string, ArticlePlace | undefined>;
  /** Posting lists by term with the term log applied (lib/store/postings.ts, term-log.ts; empty: none). */
  postings: Map<string, readonly string[]>;
  /** Their weight (CACHED_POSTING_IDS.ids at most). */
  postingWeight: number;
  /** The term log as committed (lib/store/term-log.ts), once read. */
  log?: TermLog;
  /** Every key IndexedDB may hold (see StoredKeys), once read. */
  keys?: StoredKeys;
  /**
   * Every term IndexedDB may hold, sorted, as a read outside transactions found them after
   * `commits` commits (lib/store/term-list.ts): the word search's, while memory has no keys.
   */
  termList?: { commits: number; sorted: readonly string[] };
}

/**
 * Every article id and every term (posting row or term log entry) that IndexedDB may hold: a
 * superset, so that an id or a term not in it is surely absent and need not be read. A bulk
 * ingest asks IndexedDB mostly for what it lacks: each batch's existence check of its new ids,
 * and the rows of terms never seen before. Without these keys, at 95,000-100,000 stored (match
 * bench, real Chromium) those reads took ~1.9 s of ~20 s of engine time per 5,000 articles,
 * ~0.7 s with them; the whole run to 100,000 took 16-18% less engine time (two pairs, same
 * period). The word search finds a word's terms among them (lib/store/term-list.ts). Read
 * whole once (engine-reads.ts readKeys), grown by every batch that commits, and dropped with the
 * rest of memory when anybody else writes the engine's tables. Nothing is taken out: a deleted
 * row only costs a read. About 50 bytes a key (an estimate, not measured): ~8 MB at 100,000
 * articles.
 */
export interface StoredKeys {
  articles: Set<string>;
  terms: Set<string>;
}

/** What one engine transaction knows: records by id (undefined: known absent) and more. */
export interface Batch {
  /** Whether it may read the shared values (no other engine transaction was running). */
  shared: boolean;
  generation: number;
  /** Engine transactions committed when it began (Shared.commits). */
  commitsAtOpen: number;
  articles: Map<string, Article | undefined>;
  events: Map<string, EventRecord | undefined>;
  stories: Map<string, StoryRecord | undefined>;
  /**
   * Articles put, events and stories put or deleted, written when it ends (events also before
   * a query); until then IndexedDB holds the articles as they were when it began.
   */
  dirty: { articles: Set<string>; events: Set<string>; stories: Set<string> };
  /** The ids of each event's articles in IndexedDB (as it began), for the events asked about. */
  eventMembers: Map<string, readonly string[]>;
  /** Document frequencies it read or set (the term log applied); `changed` are logged when it ends. */
  terms: Map<string, number>;
  changed: Set<string>;
  /** Posting lists it read or set, the term log and its own moves applied (lib/store/postings.ts). */
  postings: Map<string, readonly string[]>;
  /** Every move of an id in a posting list, in order: logged when it ends (lib/store/term-log.ts). */
  moves: Map<string, Move[]>;
  /** Its moves in posting lists not read yet, in order: applied when read. */
  pendingPostings: Map<string, Move[]>;
  /**
   * The term log as the batch began (read when first needed); what the batch logged, appended to
   * it once committed; or the log as a fold it made leaves it.
   */
  log?: TermLog;
  logged?: LoggedBatch;
  nextLog?: TermLog;
  /** Every posting list its fold wrote (empty: deleted), when it folded the log. */
  folded?: Map<string, readonly string[]>;
  /** The stored keys, when it read them (joined to memory once it has committed). */
  keys?: StoredKeys;
}

/** Where a read outside a transaction may add what it read. */
export interface Fill {
  shared: Shared;
  commits: number;
}

const sharedByDb = new WeakMap<Dexie, Shared>();
const running = new WeakMap<Dexie, number>();

export function sharedFor(db: Dexie): Shared {
  const generation = engineTablesGeneration(db);
  let shared = sharedByDb.get(db);
  if (!shared || shared.generation !== generation) {
    shared = { generation, commits: 0, df: new Map(), stories: new Map(), events: new Map(), articles: new Map(), places: new Map(), postings: new Map(), postingWeight: 0 };
    sharedByDb.set(db, shared);
  }
  return shared;
}

/** Starts the memory of an engine transaction. */
export function openBatch(db: Dexie): Batch {
  const others = running.get(db) ?? 0;
  running.set(db, others + 1);
  return {
    shared: others === 0,
    generation: engineTablesGeneration(db),
    commitsAtOpen: sharedFor(db).commits,
    articles: new Map(),
    events: new Map(),
    stories: new Map(),
    dirty: { articles: new Set(), events: new Set(), stories: new Set() },
    eventMembers: new Map(),
    terms: new Map(),
    changed: new Set(),
    postings: new Map(),
    moves: new Map(),
    pendingPostings: new Map(),
  };
}

/** Ends it: once committed, what it read and wrote is the truth (nobody else could write meanwhile). */
export function closeBatch(db: Dexie, batch: Batch, committed: boolean): void {
  running.set(db, (running.get(db) ?? 1) - 1);
  const shared = sharedFor(db);
  if (!committed) return;
  // Memory's lists were the committed ones when it began, and still are until it lands.
  const current = batch.shared && shared.commits === batch.commitsAtOpen;
  shared.commits += 1;
  if (shared.generation !== batch.generation) return;
  remember(shared.df, batch.terms, CACHED_TERMS);
  remember(shared.stories, batch.stories, CACHED_STORIES);
  remember(shared.events, batch.events, CACHED_EVENTS);
  remember(shared.articles, batch.articles, CACHED_ARTICLES);
  remember(shared.places, placesOf(batch.articles), CACHED_PLACES);
  // A fold wrote every list the log moved ids in, this batch's too: the truth now, whatever
  // memory held. Without one, the lists it moved ids in without reading them (the terms of its
  // articles that were no query) get the same moves in memory, when memory held them as
  // committed when the batch began; otherwise they are out of date. Dropping them all made
  // memory forget almost every list that new articles touch, so the lists asked for next were
  // mostly read from IndexedDB.
  rememberLists(shared, batch.folded ?? movedLists(shared, batch, current));
  rememberLists(shared, batch.postings);
  const keys = batch.keys ?? (current ? shared.keys : undefined);
  if (keys) {
    for (const [id, article] of batch.articles) if (article) keys.articles.add(id);
    for (const term of batch.changed) keys.terms.add(term);
    for (const term of batch.moves.keys()) keys.terms.add(term);
    shared.keys = keys;
  } else shared.keys = undefined;
  if (batch.nextLog) shared.log = batch.nextLog;
  else if (batch.log) {
    if (batch.logged) appendBatch(batch.log, batch.logged);
    shared.log = batch.log;
  }
}

/** The batch's unread lists, as memory holds them with the batch's moves applied (dropped from memory when it can't say). */
function movedLists(shared: Shared, batch: Batch, current: boolean): [string, readonly string[]][] {
  const out: [string, readonly string[]][] = [];
  for (const [term, moves] of batch.pendingPostings) {
    const cached = current ? shared.postings.get(term) : undefined;
    if (cached) out.push([term, applyMoves(cached, moves)]);
    else forgetList(shared, term);
  }
  return out;
}

/** Where an article is, kept apart from its record (which memory keeps far fewer of). */
export function placeOf(article: ArticlePlace): ArticlePlace {
  return { id: article.id, published: article.published, eventId: article.eventId, storyId: article.storyId };
}

function* placesOf(articles: Map<string, Article | undefined>): Iterable<[string, ArticlePlace | undefined]> {
  for (const [id, article] of articles) yield [id, article && placeOf(article)];
}

/** The committed values a read outside any transaction may use, while none runs. */
export function fillFor(db: Dexie): Fill | undefined {
  if ((running.get(db) ?? 0) > 0) return undefined;
  const shared = sharedFor(db);
  return { shared, commits: shared.commits };
}

/** Whether a read outside transactions that began at `at` may add what it found. */
function stillFresh(db: Dexie, at: Fill): boolean {
  return (running.get(db) ?? 0) === 0 && sharedFor(db) === at.shared && at.shared.commits === at.commits;
}

export function fillTerms(db: Dexie, at: Fill, entries: Iterable<[string, number]>): void {
  if (stillFresh(db, at)) remember(at.shared.df, entries, CACHED_TERMS);
}

/** Keeps the term log read outside transactions, if nothing committed meanwhile. */
export function fillLog(db: Dexie, at: Fill, log: TermLog): void {
  if (stillFresh(db, at)) at.shared.log = log;
}

/** Keeps the sorted terms a read outside transactions found (lib/store/term-list.ts), if nothing committed meanwhile. */
export function fillTermList(db: Dexie, at: Fill, sorted: readonly string[]): void {
  if (stillFresh(db, at)) at.shared.termList = { commits: at.commits, sorted };
}

export function fillStories(db: Dexie, at: Fill, entries: Iterable<[string, StoryRecord | undefined]>): void {
  if (stillFresh(db, at)) remember(at.shared.stories, entries, CACHED_STORIES);
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

function forgetList(shared: Shared, term: string): void {
  const ids = shared.postings.get(term);
  if (!ids) return;
  shared.postings.delete(term);
  shared.postingWeight -= ids.length + LIST_WEIGHT;
}

/** Adds posting lists, most recent last, and drops the oldest past `bound` ids (down to nine tenths). */
export function rememberLists(shared: Shared, entries: Iterable<[string, readonly string[]]>, bound = CACHED_POSTING_IDS.ids): void {
  for (const [term, ids] of entries) {
    forgetList(shared, term);
    shared.postings.set(term, ids);
    shared.postingWeight += ids.length + LIST_WEIGHT;
  }
  if (shared.postingWeight <= bound) return;
  for (const term of shared.postings.keys()) {
    if (shared.postingWeight <= bound * 0.9) break;
    forgetList(shared, term);
  }
}

/** Kept records are frozen copies: callers may not change what others will read. */
export function kept<T>(record: T): T {
  return Object.freeze(structuredClone(record));
}
