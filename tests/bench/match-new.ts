// "Matching one new article", as `bench match` times it (match_p50_ms / match_p95_ms): what the
// engine does when an article arrives, up to storing it. ingestArticles on the article alone —
// its candidates within the event window scored, the event joined (or started, or merged) with
// its explanation, the story linked — and then nothing kept: the store is left as it was, so
// every probe matches against the same store.
// Until session 7 the bench timed scoreCandidates without a window under this name: every
// retrieved candidate (~300) read whole and scored, which no path of the product runs (ingest
// and the views score only the candidates within the event window; story linking needs only
// where each candidate is). That figure is still reported, as match_all_candidates_*.
import { ingestArticles } from '../../lib/match/ingest';
import type { MemoryEngineStore } from '../../lib/match/memory-store';
import type { EngineStore, IngestResult } from '../../lib/match/types';
import type { Article, EventRecord, StoryRecord } from '../../lib/types';

/** Thrown inside the ingest transaction to abort it: nothing it did is committed. */
class RolledBack extends Error {
  constructor(readonly result: IngestResult) {
    super('rolled back');
  }
}

/**
 * Matches a new article in a transaction that is then aborted (a store whose transactions roll
 * back when their work throws: DexieEngineStore). Returns where it would have landed.
 */
export async function matchInAbortedTransaction(store: EngineStore, article: Article, now: number): Promise<IngestResult> {
  try {
    await store.transaction(async () => {
      const [result] = await ingestArticles(store, [article], now);
      throw new RolledBack(result);
    });
  } catch (error) {
    if (error instanceof RolledBack) return error.result;
    throw error;
  }
  throw new Error('the transaction did not run its work');
}

/**
 * The same on the in-memory store, which has no transactions: every write of the match is
 * journaled and undone afterwards (untimed by the caller if it times only the match).
 */
export async function matchAndUndo(memory: MemoryEngineStore, article: Article, now: number): Promise<{ result: IngestResult; undo: () => Promise<void> }> {
  if (memory.articles.has(article.id)) throw new Error(`${article.id} is stored already: not a new article`);
  const journal = journaled(memory);
  const [result] = await ingestArticles(journal.store, [article], now);
  return { result, undo: journal.undo };
}

function journaled(memory: MemoryEngineStore): { store: EngineStore; undo: () => Promise<void> } {
  const articles = new Map<string, Article | undefined>();
  const events = new Map<string, EventRecord | undefined>();
  const stories = new Map<string, StoryRecord | undefined>();
  const docFreqs: { delta: ReadonlyMap<string, number>; docs: number }[] = [];
  /** A write that first keeps, once per id, the record as it was before the match. */
  const recorded = <T, A>(seen: Map<string, T | undefined>, current: ReadonlyMap<string, T>, idOf: (arg: A) => string, write: (arg: A) => Promise<void>) =>
    async (arg: A) => {
      const id = idOf(arg);
      if (!seen.has(id)) seen.set(id, current.get(id));
      await write(arg);
    };
  const store: EngineStore = Object.create(memory);
  Object.assign(store, {
    async putArticles(list: readonly Article[]) {
      for (const a of list) if (!articles.has(a.id)) articles.set(a.id, memory.articles.get(a.id));
      await memory.putArticles(list);
    },
    putEvent: recorded(events, memory.events, (e: EventRecord) => e.id, (e) => memory.putEvent(e)),
    deleteEvent: recorded(events, memory.events, (id: string) => id, (id) => memory.deleteEvent(id)),
    putStory: recorded(stories, memory.stories, (s: StoryRecord) => s.id, (s) => memory.putStory(s)),
    deleteStory: recorded(stories, memory.stories, (id: string) => id, (id) => memory.deleteStory(id)),
    async addDocFreqs(delta: ReadonlyMap<string, number>, docs: number) {
      docFreqs.push({ delta: new Map(delta), docs });
      await memory.addDocFreqs(delta, docs);
    },
  } satisfies Partial<EngineStore>);
  const undo = async () => {
    for (const { delta, docs } of docFreqs.reverse()) await memory.addDocFreqs(new Map([...delta].map(([t, d]) => [t, -d])), -docs);
    for (const [id, before] of stories) await (before ? memory.putStory(before) : memory.deleteStory(id));
    for (const [id, before] of events) await (before ? memory.putEvent(before) : memory.deleteEvent(id));
    for (const [id, before] of articles) await (before ? memory.putArticles([before]) : memory.deleteArticle(id));
  };
  return { store, undo };
}
