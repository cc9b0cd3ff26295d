// The incremental engine: each article joins the event it is closest to (in words and in days)
// or starts one; then its event is linked to a story (lib/match/story-link.ts). Late articles
// that bridge two events (or events that bridge two stories) merge them by one deterministic
// rule: the older survives. Re-ingesting an id updates in place.
import type { Article, EventRecord } from '../types';
import { docFreqDelta } from '../text/doc-freq';
import { scoreCandidates, type ScoredCandidate, type ScoredQuery } from './candidates';
import { olderFirst, mergeEvents, refreshEvent, summarizeEvent } from './events';
import { explain, timeWeighted, toVector } from './similarity';
import { linkStory } from './story-link';
import { mergeStories, newStory, refreshStory, withEvent } from './stories';
import { EVENT_COHESION, EVENT_JOIN, EVENT_MERGE, EVENT_WINDOW_MS } from './thresholds';
import type { EngineStore, IngestResult, PreparedArticle } from './types';

interface GroupMatch {
  groupId: string;
  best: ScoredCandidate;
  score: number;
}

/** The best candidate per group (event or story), best group first; ids break ties. */
function bestPerGroup(cands: ScoredCandidate[], groupOf: (c: ScoredCandidate) => string, scoreOf: (c: ScoredCandidate) => number): GroupMatch[] {
  const groups = new Map<string, GroupMatch>();
  for (const c of cands) {
    const groupId = groupOf(c);
    const score = scoreOf(c);
    const found = groups.get(groupId);
    if (!found || score > found.score) groups.set(groupId, { groupId, best: c, score });
  }
  return [...groups.values()].sort((a, b) => b.score - a.score || (a.groupId < b.groupId ? -1 : 1));
}

export function eventScore(c: ScoredCandidate): number {
  return timeWeighted(c.score, c.distance);
}

/**
 * Events the article may join, best first. An event's score blends the best member with the
 * mean over all its members (absent candidates count 0): one close member is not enough to
 * join an event whose other members say something else (single-link chains topics together).
 */
export async function eventMatches(store: EngineStore, query: ScoredQuery): Promise<GroupMatch[]> {
  const eligible = query.candidates.filter((c) => c.article.eventId && eventScore(c) > 0);
  const sums = new Map<string, number>();
  for (const c of eligible) sums.set(c.article.eventId, (sums.get(c.article.eventId) ?? 0) + eventScore(c));
  const best = bestPerGroup(eligible, (c) => c.article.eventId, eventScore).filter((m) => m.score >= EVENT_JOIN);
  const events = await store.getEvents(best.map((m) => m.groupId));
  return best
    .map((m, i) => {
      const size = Math.max(events[i]?.articleIds.length ?? 1, 1);
      return { ...m, score: (1 - EVENT_COHESION) * m.score + (EVENT_COHESION * (sums.get(m.groupId) ?? 0)) / size };
    })
    .filter((m) => m.score >= EVENT_JOIN)
    .sort((a, b) => b.score - a.score || (a.groupId < b.groupId ? -1 : 1));
}

async function recordsOf<T>(ids: string[], get: (ids: string[]) => Promise<(T | undefined)[]>): Promise<T[]> {
  return (await get(ids)).filter((r): r is T => r !== undefined);
}

async function joinEvent(store: EngineStore, article: Article, query: ScoredQuery, matches: GroupMatch[], now: number): Promise<string[]> {
  const [best, ...rest] = matches;
  const bridged = rest.filter((m) => m.score >= EVENT_MERGE).map((m) => m.groupId);
  const events = (await recordsOf([best.groupId, ...bridged], (ids) => store.getEvents(ids))).sort(olderFirst);
  const [survivor, ...merged] = events;
  const eventLink = explain(query.vector, toVector(best.best.article.terms, query.stats), best.score, best.best.article.id);
  await store.putArticles([{ ...article, eventId: survivor.id, storyId: survivor.storyId, eventLink }]);
  if (merged.length > 0) {
    await mergeEvents(store, survivor, merged, now);
    const stories = await recordsOf([...new Set(events.map((e) => e.storyId))], (ids) => store.getStories(ids));
    stories.sort(olderFirst);
    if (stories.length > 1) await mergeStories(store, stories[0].id, stories.slice(1).map((s) => s.id), now);
  }
  const event = await refreshEvent(store, survivor.id, now);
  if (event) await updateStory(store, event, now, merged.length > 0);
  return merged.map((e) => e.id);
}

async function updateStory(store: EngineStore, event: EventRecord, now: number, full: boolean): Promise<void> {
  if (full) {
    await refreshStory(store, event.storyId, now);
    return;
  }
  const story = await store.getStory(event.storyId);
  if (story) await store.putStory(withEvent(story, event, now));
}

async function startEvent(store: EngineStore, article: Article, now: number): Promise<void> {
  const eventId = 'e' + article.id.slice(1);
  const storyId = 's' + article.id.slice(1);
  const placed = { ...article, eventId, storyId };
  await store.putArticles([placed]);
  const event = summarizeEvent(eventId, storyId, [placed], now);
  await store.putEvent(event);
  await store.putStory(newStory(event, now));
}

/**
 * What an update keeps from the stored article: its text and everything read from it, when the
 * update is a feed summary of an article stored with more words (a page the reader opened, a
 * full text fetched on demand). A feed refresh must never make a stored article poorer.
 */
function keptContent(existing: Article, prepared: Article): Partial<Article> {
  if (prepared.source !== 'feed' || existing.wordCount <= prepared.wordCount) return {};
  const { terms, termKeys, entities, quotes, body, wordCount, source, dateRefs } = existing;
  return { terms, termKeys, entities, quotes, body, wordCount, source, dateRefs };
}

async function updateExisting(store: EngineStore, existing: Article, prepared: Article, now: number): Promise<IngestResult> {
  const updated: Article = {
    ...prepared,
    ...keptContent(existing, prepared),
    eventId: existing.eventId,
    storyId: existing.storyId,
    readAt: Math.max(existing.readAt, prepared.readAt),
    firstSeen: existing.firstSeen,
    body: prepared.body || existing.body,
    ...(existing.eventLink ? { eventLink: existing.eventLink } : {}),
  };
  await store.addDocFreqs(docFreqDelta(existing.termKeys, updated.termKeys), 0);
  await store.putArticles([updated]);
  const event = await refreshEvent(store, updated.eventId, now);
  if (event) await updateStory(store, event, now, false);
  return { articleId: updated.id, eventId: updated.eventId, storyId: updated.storyId, created: false, newEvent: false, mergedEvents: [] };
}

async function ingestOne(store: EngineStore, prepared: PreparedArticle, now: number): Promise<IngestResult> {
  const existing = await store.getArticle(prepared.id);
  if (existing) return updateExisting(store, existing, prepared, now);
  // Only candidates within the event window can be joined: the others count for their stories.
  const query = await scoreCandidates(store, prepared, EVENT_WINDOW_MS);
  const matches = await eventMatches(store, query);
  const mergedEvents = matches.length > 0 ? await joinEvent(store, prepared, query, matches, now) : [];
  if (matches.length === 0) await startEvent(store, prepared, now);
  await store.addDocFreqs(docFreqDelta([], prepared.termKeys), 1);
  const placed = await store.getArticle(prepared.id);
  if (placed) await linkStory(store, placed.eventId, query, now);
  const stored = await store.getArticle(prepared.id);
  return {
    articleId: prepared.id,
    eventId: stored?.eventId ?? '',
    storyId: stored?.storyId ?? '',
    created: true,
    newEvent: matches.length === 0,
    mergedEvents,
    ...(stored?.eventLink ? { explanation: stored.eventLink } : {}),
  };
}

/** Ingests prepared articles in order, in one transaction; returns where each one landed. */
export async function ingestArticles(store: EngineStore, inputs: readonly PreparedArticle[], now: number): Promise<IngestResult[]> {
  return store.transaction(async () => {
    // Which of them are stored already, in one read.
    await store.getArticles(inputs.map((input) => input.id));
    const results: IngestResult[] = [];
    for (const input of inputs) results.push(await ingestOne(store, input, now));
    return results;
  });
}
