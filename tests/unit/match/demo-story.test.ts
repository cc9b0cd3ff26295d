import { describe, expect, it } from 'vitest';
import { ingestArticles } from '../../../lib/match/ingest';
import { MemoryEngineStore } from '../../../lib/match/memory-store';
import { getPerspectives } from '../../../lib/match/perspectives';
import { prepareArticle } from '../../../lib/match/prepare';
import { getTrail } from '../../../lib/match/trail';
import type { EngineStore } from '../../../lib/match/types';
import { CLASHES, CRICKET, DEMO_ARTICLES, DEMO_NOW, DOHA, ISTANBUL, type DemoArticle } from './fixtures/demo-story';

async function loadDemo(store: EngineStore): Promise<Map<string, string>> {
  const ids = new Map<string, string>();
  for (const a of DEMO_ARTICLES) {
    const prepared = prepareArticle(a.input, a.outlet, DEMO_NOW);
    ids.set(a.key, prepared.id);
    await ingestArticles(store, [prepared], DEMO_NOW);
  }
  return ids;
}

async function placeOf(store: EngineStore, ids: Map<string, string>, group: DemoArticle[]) {
  return Promise.all(group.map(async (a) => (await store.getArticle(ids.get(a.key) as string))!));
}

describe('the demo story (Pakistan–Afghanistan talks)', () => {
  it('puts the Pakistani, Afghan, Qatari articles on the Doha talks in one event', async () => {
    const store = new MemoryEngineStore();
    const ids = await loadDemo(store);
    const doha = await placeOf(store, ids, DOHA);
    expect(new Set(doha.map((a) => a.eventId)).size).toBe(1);
    const istanbul = await placeOf(store, ids, ISTANBUL);
    expect(new Set(istanbul.map((a) => a.eventId)).size).toBe(1);
    expect(istanbul[0].eventId).not.toBe(doha[0].eventId);
  });

  it('keeps the border clashes as an earlier dot of the same story', async () => {
    const store = new MemoryEngineStore();
    const ids = await loadDemo(store);
    const [clash] = await placeOf(store, ids, CLASHES);
    const [doha] = await placeOf(store, ids, DOHA);
    const [istanbul] = await placeOf(store, ids, ISTANBUL);
    expect(clash.storyId).toBe(doha.storyId);
    expect(istanbul.storyId).toBe(doha.storyId);
    const trail = await getTrail(store, istanbul.id, DEMO_NOW);
    expect(trail.dots.map((d) => d.eventId)).toEqual([istanbul.eventId, doha.eventId, clash.eventId]);
    expect(trail.dots[0].isCurrent).toBe(true);
    expect(trail.dots.every((d, i) => i === 0 || d.date <= trail.dots[i - 1].date)).toBe(true);
  });

  it('does not let an unrelated story about the same countries join', async () => {
    const store = new MemoryEngineStore();
    const ids = await loadDemo(store);
    const [cricket] = await placeOf(store, ids, CRICKET);
    const [doha] = await placeOf(store, ids, DOHA);
    expect(cricket.storyId).not.toBe(doha.storyId);
    const trail = await getTrail(store, doha.id, DEMO_NOW);
    expect(trail.dots.flatMap((d) => d.articleIds)).not.toContain(cricket.id);
  });

  it('shows the other outlets of the event as perspectives, with the shared evidence', async () => {
    const store = new MemoryEngineStore();
    const ids = await loadDemo(store);
    const perspectives = await getPerspectives(store, ids.get('doha-pk') as string);
    expect(perspectives.outlets.map((o) => o.outletId).sort()).toEqual(['af-news', 'af-wire', 'qa-tv']);
    const first = perspectives.outlets[0].articles[0].explanation;
    expect(first.sharedTerms.length + first.sharedEntities.length).toBeGreaterThan(0);
    expect(first.sharedEntities).toContain('doha');
  });

  it('offers the nearest events of the story when only one outlet covered an event', async () => {
    const store = new MemoryEngineStore();
    const ids = await loadDemo(store);
    const lone = DOHA[0];
    const solo = prepareArticle(
      { ...lone.input, url: 'https://pk-daily.example/2025/11/refugees', title: 'Pakistan resumes deportations of Afghan refugees after Istanbul talks fail', published: '2025-11-05T09:00:00+05:00',
        paragraphs: ['Pakistan resumed deportations of Afghan refugees through Torkham on Wednesday, a week after the Istanbul talks with Afghanistan on the TTP ended without agreement.', 'Officials said the Doha ceasefire still holds on the border.'] },
      lone.outlet,
      DEMO_NOW,
    );
    await ingestArticles(store, [solo], DEMO_NOW);
    const perspectives = await getPerspectives(store, solo.id);
    const stored = await store.getArticle(solo.id);
    if (stored?.storyId === (await store.getArticle(ids.get('ist-pk') as string))?.storyId) {
      expect(perspectives.outlets.filter((o) => o.outletId !== 'pk-daily')).toHaveLength(0);
      expect(perspectives.nearbyEvents.length).toBeGreaterThan(0);
    }
  });
});
