// Linking an event to a story: after every ingest, the article's event (its centroid, so the
// evidence of all its outlets counts) is compared with the centroids of the other stories its
// candidates belong to (a story's centroid keeps the thread's lasting words and names). A lone
// event moves into the closest story; when the event's own story and another one are this close
// as wholes, the two merge (the older survives). Story evidence fades with the time gap.
import type { EventRecord, StoryRecord, WeightedTerm } from '../types';
import type { ScoredQuery } from './candidates';
import { mergeStories, withEvent } from './stories';
import { cosine, entityCosine, explain, sharesSpecificEntity, toVector, type DocStats } from './similarity';
import { DAY, STORY_HALF_LIFE_DAYS, STORY_JOIN, STORY_MERGE, STORY_JOIN_COUNTRIES_ONLY, STORY_MIN_ENTITY_SIMILARITY, STORY_WINDOW_MS } from './thresholds';
import type { EngineStore } from './types';

interface StoryCandidate {
  story: StoryRecord;
  score: number;
}

function gapMs(a: { start: number; end: number }, b: { start: number; end: number }): number {
  return Math.max(0, a.start - b.end, b.start - a.end);
}

function decayed(score: number, gap: number): number {
  return score * Math.pow(0.5, gap / DAY / STORY_HALF_LIFE_DAYS);
}

async function statsFor(store: EngineStore, lists: (readonly WeightedTerm[])[]): Promise<DocStats> {
  const terms = new Set<string>();
  for (const list of lists) for (const t of list) terms.add(t.term);
  return store.getDocFreqs([...terms]);
}

/** "@", the mark of an entity term. */
const AT = 64;

/**
 * The entity terms of each centroid met, kept while the centroid lives. Stories stay in memory
 * between ingests and are compared with every article whose candidates belong to them: reading
 * all of a story's terms each time (objects and strings scattered over the heap) was the
 * engine's largest cost. Centroids are never changed in place (a new record gets a new one).
 */
const entityTerms = new WeakMap<readonly WeightedTerm[], string[]>();

function entitiesOf(centroid: readonly WeightedTerm[]): string[] {
  let found = entityTerms.get(centroid);
  if (!found) {
    found = [];
    for (const t of centroid) if (t.term.charCodeAt(0) === AT) found.push(t.term);
    entityTerms.set(centroid, found);
  }
  return found;
}

/**
 * Whether a centroid names any of `names` (entity terms, "@…"). A story naming none of the
 * event's names has entity cosine 0 to it, below STORY_MIN_ENTITY_SIMILARITY, so it can never
 * link: skipping it before its words are weighed changes no score. Most of the hundred-odd
 * stories among the candidates are such, and weighing them was most of the engine's own time.
 */
function namesAny(centroid: readonly WeightedTerm[], names: ReadonlySet<string>): boolean {
  for (const term of entitiesOf(centroid)) if (names.has(term)) return true;
  return false;
}

/**
 * Other stories among the candidates, scored against `centroid`, best first (ids break ties:
 * the order they were met in changes nothing, so they are not sorted first: sorting 100-300
 * story ids with the default comparator took 0.02-0.07 ms in a Chromium page microbench, per
 * article ingested).
 */
async function scoreStories(store: EngineStore, own: { storyId: string; start: number; end: number; centroid: WeightedTerm[] }, query: ScoredQuery): Promise<StoryCandidate[]> {
  const ids = [...new Set(query.storyIds.filter((id) => id && id !== own.storyId))];
  const names = new Set(own.centroid.filter((t) => t.term.startsWith('@')).map((t) => t.term));
  const stories = (await store.getStories(ids)).filter((s): s is StoryRecord => s !== undefined && gapMs(s, own) <= STORY_WINDOW_MS && namesAny(s.centroid, names));
  const stats = await statsFor(store, [own.centroid, ...stories.map((s) => s.centroid)]);
  const mine = toVector(own.centroid, stats);
  return stories
    .map((story) => {
      const theirs = toVector(story.centroid, stats);
      const score = decayed(cosine(mine, theirs), gapMs(story, own));
      // Sharing only countries is weak evidence: it must be made up by closer wording.
      const named = sharesSpecificEntity(mine, theirs) || score >= STORY_JOIN_COUNTRIES_ONLY;
      const ok = entityCosine(mine, theirs) >= STORY_MIN_ENTITY_SIMILARITY && named;
      return { story, score: ok ? score : 0 };
    })
    .filter((s) => s.score > 0)
    .sort((a, b) => b.score - a.score || (a.story.id < b.story.id ? -1 : 1));
}

async function moveEvent(store: EngineStore, event: EventRecord, target: StoryRecord, score: number, now: number): Promise<void> {
  const stats = await statsFor(store, [event.centroid, target.centroid]);
  const storyLink = explain(toVector(event.centroid, stats), toVector(target.centroid, stats), score, target.id);
  const moved: EventRecord = { ...event, storyId: target.id, updatedAt: now, storyLink };
  await store.putEvent(moved);
  await store.putArticles((await store.getArticlesByEvent(event.id)).map((a) => ({ ...a, storyId: target.id, updatedAt: now })));
  await store.deleteStory(event.storyId);
  await store.putStory(withEvent(target, moved, now));
}

/** Links the event to the closest other story (see above); returns the event's story id. */
export async function linkStory(store: EngineStore, eventId: string, query: ScoredQuery, now: number): Promise<string> {
  const event = await store.getEvent(eventId);
  const story = event && (await store.getStory(event.storyId));
  if (!event || !story) return event?.storyId ?? '';
  if (story.eventIds.length <= 1) {
    const [top] = await scoreStories(store, event, query);
    if (!top || top.score < STORY_JOIN) return story.id;
    await moveEvent(store, event, top.story, top.score, now);
    return top.story.id;
  }
  const [top] = await scoreStories(store, { ...story, storyId: story.id }, query);
  if (!top || top.score < STORY_MERGE) return story.id;
  const [survivor, other] = [story, top.story].sort((a, b) => a.start - b.start || (a.id < b.id ? -1 : 1));
  await mergeStories(store, survivor.id, [other.id], now);
  return survivor.id;
}
