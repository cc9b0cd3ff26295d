import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { mostHits, smallest, withinWindow } from '../../../lib/match/candidates';

describe('withinWindow', () => {
  const place = (id: string, published: number) => ({ id, published, eventId: 'e' + id, storyId: 's' + id });

  it('keeps the places within the window either side, in order, the window included', () => {
    const places = [place('a', 100), undefined, place('b', 70), place('c', 130), place('d', 131), place('e', 69)];
    expect(withinWindow(places, 100, 30).map((p) => p.id)).toEqual(['a', 'b', 'c']);
  });

  it('keeps every place found without a window', () => {
    expect(withinWindow([place('a', 0), undefined, place('b', 1e15)], 100).map((p) => p.id)).toEqual(['a', 'b']);
  });
});

describe('mostHits', () => {
  const reference = (hits: Map<string, number>, limit: number) =>
    [...hits]
      .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
      .slice(0, limit)
      .map(([id]) => id);

  it('is the head of the list sorted by hits, then id', () => {
    const hits = new Map([['b', 2], ['a', 2], ['c', 3], ['d', 1], ['e', 2]]);
    expect(mostHits(hits, 3)).toEqual(['c', 'a', 'b']);
    expect(mostHits(hits, 10)).toEqual(['c', 'a', 'b', 'e', 'd']);
    expect(mostHits(new Map(), 3)).toEqual([]);
  });

  it('agrees with a full sort', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.string({ maxLength: 4 }), fc.integer({ min: 1, max: 12 }))), fc.integer({ min: 0, max: 20 }), (pairs, limit) => {
        const hits = new Map(pairs);
        expect(mostHits(hits, limit)).toEqual(reference(hits, limit));
      }),
    );
  });
});

describe('smallest', () => {
  it('is the head of the sorted ids', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.string({ maxLength: 6 }), { maxLength: 300 }), fc.integer({ min: 1, max: 40 }), (ids, k) => {
        const sorted = [...ids].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
        expect(smallest([...ids], k)).toEqual(sorted.slice(0, k));
      }),
    );
  });
});
