// Event records: created by the article that starts them, recomputed from their members when
// one joins, merged by the deterministic rule when a late article bridges two of them.
import type { Article, EventRecord, WeightedTerm } from '../types';
import { CENTROID_TERMS } from './thresholds';
import { centroidOf } from './similarity';
import type { EngineStore } from './types';

/** Deterministic order of events: the older survives a merge; ids break ties. */
export function olderFirst<T extends { id: string; start: number }>(a: T, b: T): number {
  return a.start - b.start || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/** The raw weights of a term list and their norm: built once per label pick, not per member. */
interface RawVector {
  weights: Map<string, number>;
  norm: number;
}

function normOf(list: readonly WeightedTerm[]): number {
  return Math.sqrt(list.reduce((s, t) => s + t.weight * t.weight, 0));
}

function rawVector(list: readonly WeightedTerm[]): RawVector {
  return { weights: new Map(list.map((t) => [t.term, t.weight])), norm: normOf(list) };
}

function rawCosine(a: readonly WeightedTerm[], b: RawVector): number {
  let dot = 0;
  for (const t of a) dot += t.weight * (b.weights.get(t.term) ?? 0);
  return dot / (normOf(a) * b.norm || 1);
}

/** The headline closest to what all members say: the event's label. */
export function pickLabel(members: readonly Article[], centroid: readonly WeightedTerm[]): string {
  const target = rawVector(centroid);
  let best = members[0];
  let bestScore = -1;
  for (const m of members) {
    const score = rawCosine(m.terms, target);
    if (score > bestScore + 1e-9) {
      best = m;
      bestScore = score;
    }
  }
  return best?.title ?? '';
}

/** The event's record computed from its members (order-independent). */
export function summarizeEvent(id: string, storyId: string, members: readonly Article[], now: number, previous?: EventRecord): EventRecord {
  const sorted = [...members].sort((a, b) => a.published - b.published || (a.id < b.id ? -1 : 1));
  const centroid = centroidOf(sorted.map((m) => m.terms), CENTROID_TERMS);
  return {
    id,
    storyId,
    articleIds: sorted.map((m) => m.id),
    outletIds: [...new Set(sorted.map((m) => m.outletId))],
    centroid,
    start: sorted[0]?.published ?? now,
    end: sorted[sorted.length - 1]?.published ?? now,
    label: pickLabel(sorted, centroid),
    updatedAt: now,
    ...(previous?.storyLink ? { storyLink: previous.storyLink } : {}),
  };
}

/** Re-reads an event's members and stores its recomputed record. */
export async function refreshEvent(store: EngineStore, eventId: string, now: number): Promise<EventRecord | undefined> {
  const previous = await store.getEvent(eventId);
  if (!previous) return undefined;
  const members = await store.getArticlesByEvent(eventId);
  if (members.length === 0) {
    await store.deleteEvent(eventId);
    return undefined;
  }
  const event = summarizeEvent(eventId, previous.storyId, members, now, previous);
  await store.putEvent(event);
  return event;
}

/**
 * Merges `others` into `survivor`: their articles move over, their records go. The caller
 * chose the survivor by `olderFirst`, so the same inputs always give the same result.
 */
export async function mergeEvents(store: EngineStore, survivor: EventRecord, others: readonly EventRecord[], now: number): Promise<void> {
  for (const other of others) {
    const moved = (await store.getArticlesByEvent(other.id)).map((a) => ({ ...a, eventId: survivor.id, storyId: survivor.storyId, updatedAt: now }));
    await store.putArticles(moved);
    await store.deleteEvent(other.id);
  }
}
