import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { frameEvent, type FramingArticle } from '../../../lib/framing';
import { MAX_CLAIMS } from '../../../lib/framing/claims';
import { demoArticles, demoOutlets } from './demo-event';

describe('frameEvent on the demo Istanbul event', () => {
  const articles = demoArticles((id) => id.includes('istanbul'));
  const framing = frameEvent(articles, demoOutlets, { enabledOutlets: demoOutlets.map((o) => o.id) });

  it('covers the event\'s outlets by country with the blindspot among the reader\'s sources', () => {
    const country = framing.coverage.axes.find((a) => a.axis === 'country');
    expect(country?.groups.map((g) => g.value)).toContain('AF');
    expect(framing.coverage.blindspots).toContainEqual({ axis: 'country', value: 'KZ', outletIds: ['steppe'] });
  });

  it('groups quotes by merged speaker with the outlets quoting them', () => {
    const asif = framing.speakers.find((s) => s.key === 'p:asif');
    expect(asif?.outletIds).toEqual(['bharat', 'ledger']);
    expect(asif?.quotes.every((q) => articles.find((a) => a.id === q.articleId)?.body.includes(q.text.split('\n\n')[0]))).toBe(true);
    expect(framing.speakers.some((s) => s.speaker.includes('diplomat'))).toBe(true);
  });

  it('finds at least one claim only one outlet reports, verbatim', () => {
    expect(framing.claims.unique.length).toBeGreaterThan(0);
    for (const c of framing.claims.unique) expect(articles.find((a) => a.id === c.articleId)?.body.includes(c.text) || articles.find((a) => a.id === c.articleId)?.title === c.text).toBe(true);
  });

  it('gives every outlet a distinctive set and cue counts', () => {
    expect(framing.distinctive.filter((d) => d.scope === 'outlet').map((d) => d.id).sort()).toEqual(framing.outlets.map((o) => o.id));
    expect(framing.cues.map((c) => c.outletId)).toEqual(framing.outlets.map((o) => o.id));
  });

  it('is serialisable', () => {
    expect(JSON.parse(JSON.stringify(framing))).toEqual(framing);
  });

  it('extracts quotes from the body when the article carries none (feed items)', () => {
    const bare = articles.map((a) => ({ ...a, quotes: [] }));
    expect(frameEvent(bare, demoOutlets, { enabledOutlets: [] }).speakers.length).toBe(framing.speakers.length);
  });
});

describe('frameEvent: properties', () => {
  const article: fc.Arbitrary<FramingArticle> = fc.record({
    id: fc.string({ maxLength: 10 }),
    title: fc.string({ maxLength: 60 }),
    dek: fc.string({ maxLength: 60 }),
    body: fc.array(fc.oneof(fc.string({ maxLength: 60 }), fc.constantFrom('“We said so,” Asif said.', 'The talks ended. ', 'claimed ', 'reportedly ')), { maxLength: 12 }).map((p) => p.join(' ')),
    quotes: fc.constant([]),
    outletId: fc.constantFrom('ledger', 'gulf', 'wire', 'unknown-outlet'),
    outletName: fc.string({ maxLength: 20 }),
  });

  it('never throws and keeps its output bounded', () => {
    fc.assert(fc.property(fc.array(article, { maxLength: 8 }), fc.array(fc.constantFrom('ledger', 'dispatch', 'x')), (articles, enabled) => {
      const framing = frameEvent(articles, demoOutlets, { enabledOutlets: enabled });
      expect(framing.articleCount).toBe(articles.length);
      expect(framing.claims.unique.length).toBeLessThanOrEqual(MAX_CLAIMS);
      expect(framing.claims.shared.length).toBeLessThanOrEqual(MAX_CLAIMS);
      for (const d of framing.distinctive) expect(d.terms.length).toBeLessThanOrEqual(10);
      expect(JSON.parse(JSON.stringify(framing))).toEqual(framing);
    }), { numRuns: 100 });
  });

  it('is deterministic', () => {
    fc.assert(fc.property(fc.array(article, { maxLength: 5 }), (articles) => {
      expect(frameEvent(articles, demoOutlets, { enabledOutlets: [] })).toEqual(frameEvent(articles, demoOutlets, { enabledOutlets: [] }));
    }), { numRuns: 50 });
  });
});
