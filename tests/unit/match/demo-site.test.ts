// The engine on the project's own demo site (lib/demo): every demo article, as its feed would
// bring it (headline, dek, summary) and as a reader opening it would (full text), in date order.
// Checks what the demo must show: one Istanbul event across all its outlets, the Doha event and
// the border clashes as earlier dots of the same story, and the junior-cricket story apart.
import { describe, expect, it } from 'vitest';
import { demoArticles } from '../../../lib/demo/articles';
import { DEMO_OUTLET_IDS } from '../../../lib/demo/outlets';
import type { DemoArticle } from '../../../lib/demo/types';
import { ingestArticles } from '../../../lib/match/ingest';
import { MemoryEngineStore } from '../../../lib/match/memory-store';
import { prepareArticle } from '../../../lib/match/prepare';
import type { ArticleInput } from '../../../lib/types';

function input(a: DemoArticle, full: boolean): ArticleInput {
  const paragraphs = full ? a.paragraphs : [a.summary];
  return {
    url: `https://${a.outletId}.example/${a.id}`,
    title: a.headline,
    dek: a.dek,
    bylines: a.authors,
    published: a.published,
    tags: a.tags,
    paragraphs,
    quotes: [],
    entities: { people: [], places: [], organisations: [] },
    wordCount: paragraphs.join(' ').split(/\s+/).length,
    source: full ? 'visit' : 'feed',
  };
}

async function ingestDemo(full: boolean) {
  const store = new MemoryEngineStore();
  const byDate = [...demoArticles].sort((a, b) => Date.parse(a.published) - Date.parse(b.published));
  const placed = new Map<string, { eventId: string; storyId: string }>();
  for (const a of byDate) {
    const now = Date.parse(a.published);
    const [result] = await ingestArticles(store, [prepareArticle(input(a, full), { id: a.outletId, name: a.outletId }, now)], now);
    placed.set(a.id, result);
  }
  // Later merges move articles: read where each one ended up.
  for (const a of byDate) {
    const stored = await store.getArticle((await store.getArticle(prepareArticle(input(a, full), { id: a.outletId, name: a.outletId }, 0).id))!.id);
    placed.set(a.id, { eventId: stored!.eventId, storyId: stored!.storyId });
  }
  return placed;
}

const ofEvent = (event: string) => demoArticles.filter((a) => a.event === event).map((a) => a.id);

/**
 * The Iranian outlet covered the clashes and Doha but not Istanbul (the demo's blindspot): its
 * reports must join those events, which the wire covered too, and not start their own.
 */
function expectIranInEarlierEvents(placed: Map<string, { eventId: string }>): void {
  const eventOf = (event: string, outletId: string) => placed.get(demoArticles.find((a) => a.event === event && a.outletId === outletId)!.id)!.eventId;
  for (const event of ['border-clashes', 'doha-ceasefire']) expect(eventOf(event, 'caspian-herald'), event).toBe(eventOf(event, 'meridian-wire'));
  expect(demoArticles.some((a) => a.event === 'istanbul-talks' && a.outletId === 'caspian-herald')).toBe(false);
}

// Known gaps, written as failing expectations (`it.fails`) so they flip loudly when fixed.
// None today: the Afghan outlets' Istanbul reports (other words: an unnamed source, the
// delegation's coordination) join the event since a small store's document frequencies are
// floored (lib/text/doc-freq.ts IDF_MIN_DOCS).
const KNOWN_GAPS = { istanbulOneEvent: { summaries: false, full: false }, dohaThreaded: { summaries: false, full: false } };

describe.each([
  ['summaries', false],
  ['full', true],
] as const)('the demo story from %s', (mode, full) => {
  const itOrGap = (gap: boolean) => (gap ? it.fails : it);

  itOrGap(KNOWN_GAPS.istanbulOneEvent[mode])('puts every outlet\'s Istanbul article in one event, and Doha in another', async () => {
    const placed = await ingestDemo(full);
    const istanbul = new Set(ofEvent('istanbul-talks').map((id) => placed.get(id)!.eventId));
    const doha = new Set(ofEvent('doha-ceasefire').map((id) => placed.get(id)!.eventId));
    expect(istanbul.size).toBe(1);
    expect(doha.size).toBe(1);
    expect([...istanbul][0]).not.toBe([...doha][0]);
  });

  it('keeps the junior cricket series out of the talks story', async () => {
    const placed = await ingestDemo(full);
    const talksStories = new Set(demoArticles.filter((a) => a.story === 'pak-afghan-talks').map((a) => placed.get(a.id)!.storyId));
    for (const a of demoArticles.filter((x) => x.story === 'junior-cricket')) {
      expect(talksStories.has(placed.get(a.id)!.storyId), a.id).toBe(false);
    }
  });

  it('puts the Iranian outlet\'s reports in the border-clash and Doha events, and none in Istanbul\'s', async () => {
    const placed = await ingestDemo(full);
    expectIranInEarlierEvents(placed);
  });

  itOrGap(KNOWN_GAPS.dohaThreaded[mode])('threads the Doha ceasefire into the Istanbul story as an earlier dot', async () => {
    const placed = await ingestDemo(full);
    const istanbulStory = placed.get(demoArticles.find((a) => a.event === 'istanbul-talks' && a.outletId === 'meridian-wire')!.id)!.storyId;
    expect(new Set(ofEvent('doha-ceasefire').map((id) => placed.get(id)!.storyId))).toEqual(new Set([istanbulStory]));
  });
});

// What `npm start` does: each outlet's feed arrives as one batch, newest first, carrying the
// headline, the summary and the categories only; no date order across outlets.
describe('the demo story as the demo feeds bring it', () => {
  async function ingestFeeds() {
    const store = new MemoryEngineStore();
    const now = Date.parse('2025-11-01T00:00:00Z');
    const ids = new Map<string, string>();
    for (const outletId of DEMO_OUTLET_IDS) {
      const items = demoArticles.filter((a) => a.outletId === outletId).sort((a, b) => Date.parse(b.published) - Date.parse(a.published));
      const batch = items.map((a) => {
        const prepared = prepareArticle({ ...input(a, false), dek: undefined, tags: [a.section, ...a.tags] }, { id: a.outletId, name: a.outletId }, now);
        ids.set(a.id, prepared.id);
        return prepared;
      });
      await ingestArticles(store, batch, now);
    }
    const placed = new Map<string, { eventId: string; storyId: string }>();
    for (const [demoId, id] of ids) placed.set(demoId, (await store.getArticle(id))!);
    return placed;
  }

  it('puts every outlet\'s Istanbul article in one event and keeps the junior cricket story apart', async () => {
    const placed = await ingestFeeds();
    expect(new Set(ofEvent('istanbul-talks').map((id) => placed.get(id)!.eventId)).size).toBe(1);
    const talksStory = placed.get(ofEvent('istanbul-talks')[0])!.storyId;
    expect(new Set(ofEvent('doha-ceasefire').map((id) => placed.get(id)!.storyId))).toEqual(new Set([talksStory]));
    for (const id of ofEvent('unrelated')) expect(placed.get(id)!.storyId).not.toBe(talksStory);
    expectIranInEarlierEvents(placed);
  });
});
