// From what a content script, a feed or a fetched page reported to a stored, matched article:
// resolve the outlet, prepare (terms, entities, id from the canonical URL), then the story
// engine places it in an event and a story, one transaction per batch.
import { ingestArticles } from '../match/ingest';
import { prepareArticle } from '../match/prepare';
import type { IngestResult } from '../match/types';
import type { ThreadlineDB } from '../store/db';
import { DexieEngineStore } from '../store/engine-store';
import { outletIndex, resolveOutlet } from '../store/outlets';
import type { ArticleInput, Outlet } from '../types';

/**
 * Resolves each input's outlet (registry or provisional) and runs the engine on the batch.
 * Feed items pass their feed's outlet: item links often point at redirectors or other hosts of
 * the same publisher. Inputs without an http(s) site to attach to are skipped.
 */
export async function ingestInputs(db: ThreadlineDB, inputs: readonly ArticleInput[], now: number, feedOutlet?: Outlet): Promise<IngestResult[]> {
  const index = await outletIndex(db);
  const prepared = [];
  for (const input of inputs) {
    const outlet = feedOutlet ?? (await resolveOutlet(db, index, input.canonicalUrl ?? input.url, input.siteName));
    if (outlet) prepared.push(prepareArticle(input, outlet, now));
  }
  const store = new DexieEngineStore(db);
  return ingestArticles(store, prepared, now);
}

export async function ingestArticle(db: ThreadlineDB, input: ArticleInput, now: number): Promise<IngestResult | undefined> {
  return (await ingestInputs(db, [input], now))[0];
}
