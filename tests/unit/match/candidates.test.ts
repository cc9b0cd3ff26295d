import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { mostHits, selectSmallest, withinWindow } from '../../../lib/match/candidates';

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

  // Which ids are in, not their order (mostHits keeps none).
  const sorted = (ids: string[]) => [...ids].sort();

  it('keeps the ids with most hits, the smallest ids among equals at the limit', () => {
    const hits = new Map([['b', 2], ['a', 2], ['c', 3], ['d', 1], ['e', 2]]);
    expect(sorted(mostHits(hits, 3))).toEqual(['a', 'b', 'c']);
    expect(sorted(mostHits(hits, 4))).toEqual(['a', 'b', 'c', 'e']);
    expect(sorted(mostHits(hits, 10))).toEqual(['a', 'b', 'c', 'd', 'e']);
    expect(mostHits(hits, 0)).toEqual([]);
    expect(mostHits(new Map(), 3)).toEqual([]);
  });

  it('agrees with a full sort', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.string({ maxLength: 4 }), fc.integer({ min: 1, max: 12 }))), fc.integer({ min: 0, max: 20 }), (pairs, limit) => {
        const hits = new Map(pairs);
        expect(sorted(mostHits(hits, limit))).toEqual(sorted(reference(hits, limit)));
      }),
    );
  });

  it('agrees with a full sort on buckets of hundreds (the selection splits the one at the limit)', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.string({ minLength: 1, maxLength: 5 }), { minLength: 50, maxLength: 600 }), fc.integer({ min: 1, max: 400 }), fc.integer({ min: 1, max: 3 }), (ids, limit, counts) => {
        const hits = new Map(ids.map((id, i) => [id, 1 + (i % counts)]));
        expect(sorted(mostHits(hits, limit))).toEqual(sorted(reference(hits, limit)));
      }),
      { numRuns: 200 },
    );
  });
});

describe('selectSmallest', () => {
  it('moves the k smallest ids to the front, whatever their order before (sorted, reversed, shuffled)', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.string({ maxLength: 6 }), { minLength: 1, maxLength: 300 }), fc.integer({ min: 0, max: 1000 }), fc.constantFrom('as given', 'sorted', 'reversed'), (given, at, order) => {
        const ids = order === 'as given' ? [...given] : order === 'sorted' ? [...given].sort() : [...given].sort().reverse();
        const k = 1 + (at % ids.length);
        const expected = [...ids].sort().slice(0, k);
        selectSmallest(ids, k);
        expect(ids.slice(0, k).sort()).toEqual(expected);
        expect([...ids].sort()).toEqual([...given].sort());
      }),
    );
  });
});
