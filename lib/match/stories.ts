// Story records: a thread of events. Updated incrementally when an event joins (no re-read of
// a long story's events per ingest), recomputed in full only when two stories merge.
import type { EventRecord, StoryRecord } from '../types';
import { olderFirst } from './events';
import { CENTROID_TERMS } from './thresholds';
import { centroidOf, centroidWithOne } from './similarity';
import type { EngineStore } from './types';

export function newStory(event: EventRecord, now: number): StoryRecord {
  return {
    id: 's' + event.id.slice(1),
    eventIds: [event.id],
    centroid: event.centroid,
    start: event.start,
    end: event.end,
    label: event.label,
    lastOpenedAt: 0,
    updatedAt: now,
  };
}

/** Adds (or refreshes) an event in its story's summary without re-reading the other events. */
export function withEvent(story: StoryRecord, event: EventRecord, now: number): StoryRecord {
  const known = story.eventIds.includes(event.id);
  const eventIds = known ? story.eventIds : [...story.eventIds, event.id];
  const n = story.eventIds.length;
  // A running mean: the old centroid stands for the n events it already summarises.
  const centroid = known ? story.centroid : centroidWithOne(story.centroid, n, event.centroid, CENTROID_TERMS);
  return { ...story, eventIds, centroid, start: Math.min(story.start, event.start), end: Math.max(story.end, event.end), updatedAt: now };
}

/** Recomputes a story from its events (after merges); deletes it when none is left. */
export async function refreshStory(store: EngineStore, storyId: string, now: number): Promise<StoryRecord | undefined> {
  const story = await store.getStory(storyId);
  if (!story) return undefined;
  const events = (await store.getEventsByStory(storyId)).sort(olderFirst);
  if (events.length === 0) {
    await store.deleteStory(storyId);
    return undefined;
  }
  const biggest = [...events].sort((a, b) => b.outletIds.length - a.outletIds.length || b.articleIds.length - a.articleIds.length || olderFirst(a, b))[0];
  const updated: StoryRecord = {
    ...story,
    eventIds: events.map((e) => e.id),
    centroid: centroidOf(events.map((e) => e.centroid), CENTROID_TERMS),
    start: events[0].start,
    end: Math.max(...events.map((e) => e.end)),
    label: biggest.label,
    updatedAt: now,
  };
  await store.putStory(updated);
  return updated;
}

/** Moves every event (and its articles) of `others` into `survivor`, then recomputes it. */
export async function mergeStories(store: EngineStore, survivorId: string, others: readonly string[], now: number): Promise<void> {
  let lastOpenedAt = 0;
  for (const otherId of others) {
    if (otherId === survivorId) continue;
    lastOpenedAt = Math.max(lastOpenedAt, (await store.getStory(otherId))?.lastOpenedAt ?? 0);
    for (const event of await store.getEventsByStory(otherId)) {
      await store.putEvent({ ...event, storyId: survivorId, updatedAt: now });
      const moved = (await store.getArticlesByEvent(event.id)).map((a) => ({ ...a, storyId: survivorId, updatedAt: now }));
      await store.putArticles(moved);
    }
    await store.deleteStory(otherId);
  }
  const survivor = await store.getStory(survivorId);
  if (survivor && lastOpenedAt > survivor.lastOpenedAt) await store.putStory({ ...survivor, lastOpenedAt });
  await refreshStory(store, survivorId, now);
}
