// Runs the extension's own engine (lib/match with the in-memory store) over evaluation items.
import { ingestArticles } from '../../../lib/match/ingest';
import { MemoryEngineStore } from '../../../lib/match/memory-store';
import { prepareArticle } from '../../../lib/match/prepare';
import type { ArticleInput } from '../../../lib/types';

export interface EvalItem {
  /** The evaluation's own id for the item. */
  key: string;
  url: string;
  title: string;
  paragraphs: string[];
  outlet: string;
  outletId: string;
  /** Epoch ms; undefined when the item has no date. */
  published?: number;
}

export function toInput(item: EvalItem): ArticleInput {
  return {
    url: item.url,
    title: item.title,
    bylines: [],
    published: item.published === undefined ? undefined : new Date(item.published).toISOString(),
    tags: [],
    paragraphs: item.paragraphs,
    quotes: [],
    entities: { people: [], places: [], organisations: [] },
    wordCount: item.paragraphs.join(' ').split(/\s+/).length,
    source: 'import',
  };
}

export interface EngineRun {
  store: MemoryEngineStore;
  /** Evaluation key → engine article id. */
  idOf: Map<string, string>;
  /** Engine article id → the first evaluation key with that id. */
  keyOf: Map<string, string>;
}

/** Ingests items in the given order (callers sort by date), one at a time as a feed would. */
export async function runEngine(items: readonly EvalItem[], now: number): Promise<EngineRun> {
  const store = new MemoryEngineStore();
  const idOf = new Map<string, string>();
  const keyOf = new Map<string, string>();
  for (const item of items) {
    const prepared = prepareArticle(toInput(item), { id: item.outletId, name: item.outlet }, now);
    // Two items with one canonical URL are one article (the engine updates it in place).
    idOf.set(item.key, prepared.id);
    if (!keyOf.has(prepared.id)) keyOf.set(prepared.id, item.key);
    await ingestArticles(store, [prepared], now);
  }
  return { store, idOf, keyOf };
}
