// Quotes and named entities come from sibling modules owned elsewhere (lib/article/quotes.ts,
// lib/text/entities.ts). They are called through guards so that a failure there never loses the
// article: the body and metadata matter more than either enrichment.
import { clip, LIMITS } from '../limits';
import { extractEntities } from '../text/entities';
import type { Entities, Quote } from '../types';
import { extractQuotes } from './quotes';

/** Time a hostile body may spend in the enrichment steps is bounded by their inputs: both read
 * at most LIMITS.paragraphs paragraphs of LIMITS.paragraph characters. */
export function findQuotes(paragraphs: string[]): Quote[] {
  try {
    return extractQuotes(paragraphs)
      .slice(0, LIMITS.quotes)
      .map((q) => ({ ...q, text: clip(q.text, LIMITS.quote), speaker: clip(q.speaker, LIMITS.speaker) }));
  } catch {
    return [];
  }
}

export function findEntities(title: string, paragraphs: string[]): Entities {
  const empty: Entities = { people: [], places: [], organisations: [] };
  try {
    const found = extractEntities(title, paragraphs);
    const bound = (list: string[]) => list.slice(0, LIMITS.entities).map((e) => clip(e, LIMITS.entity));
    return { people: bound(found.people), places: bound(found.places), organisations: bound(found.organisations) };
  } catch {
    return empty;
  }
}
