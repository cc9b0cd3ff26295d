import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { mostHits, orderKey, selectSmallest, withinWindow } from '../../../lib/match/candidates';

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

describe('orderKey', () => {
  // Ids as the engine spells them: 'a' and base-36 digits; some share their first 10 characters.
  const idLike = fc.oneof(
    fc.stringMatching(/^a[0-9a-z]{1,11}$/),
    fc.stringMatching(/^[0-9a-z]{0,3}$/),
    fc.stringMatching(/^[0-9a-z]{0,3}$/).map((tail) => 'a2awg65qgc' + tail),
  );
  const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

  it('orders ids of digits and lowercase letters as strings do, where keys differ', () => {
    fc.assert(
      fc.property(idLike, idLike, (a, b) => {
        const [ka, kb] = [orderKey(a), orderKey(b)];
        expect(ka).toBeGreaterThanOrEqual(0);
        if (ka !== kb) expect(Math.sign(ka - kb)).toBe(cmp(a, b));
        else expect(a.slice(0, 10)).toBe(b.slice(0, 10));
      }),
      { numRuns: 2000 },
    );
  });

  it('has no key for other characters', () => {
    for (const id of ['A1', 'a-1', 'a_b', 'é', 'a\u{1F600}']) expect(orderKey(id)).toBe(-1);
    expect(orderKey('a0123456789zzz')).toBeGreaterThanOrEqual(0);
  });

  it('selectSmallest by key agrees with a sort, ties on the first 10 characters and mixed ids included', () => {
    fc.assert(
      fc.property(fc.uniqueArray(idLike, { minLength: 1, maxLength: 400 }), fc.integer({ min: 0, max: 1000 }), fc.boolean(), (given, at, mixed) => {
        const ids = mixed ? [...given, 'A-other'] : [...given];
        const k = 1 + (at % ids.length);
        const expected = [...ids].sort().slice(0, k);
        selectSmallest(ids, k);
        expect(ids.slice(0, k).sort()).toEqual(expected);
      }),
      { numRuns: 300 },
    );
  });
});

