import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { idf } from '../../../lib/text/doc-freq';
import { candidateScorer, centroidOf, centroidWithOne, cosine, cosineTo, toVector, type DocStats } from '../../../lib/match/similarity';

const stats: DocStats = { docs: 1000, df: new Map([['talks', 40], ['@istanbul', 3], ['ceasefire', 12], ['cricket', 9], ['said', 900]]) };

describe('cosineTo', () => {
  const query = toVector([{ term: '@istanbul', weight: 3 }, { term: 'talks', weight: 2 }, { term: 'said', weight: 1 }], stats);
  const idfOf = (term: string) => idf(stats.df.get(term) ?? 0, stats.docs);

  it('scores an article as the cosine of the two vectors does', () => {
    const other = [{ term: 'talks', weight: 1 }, { term: 'ceasefire', weight: 2 }, { term: '@istanbul', weight: 1.5 }, { term: 'unseen', weight: 1 }];
    expect(cosineTo(query, other, idfOf)).toBeCloseTo(cosine(query, toVector(other, stats)), 12);
    expect(cosineTo(query, other, idfOf)).toBeGreaterThan(0.3);
  });

  it('is 0 without shared terms and for empty vectors', () => {
    expect(cosineTo(query, [{ term: 'cricket', weight: 2 }], idfOf)).toBe(0);
    expect(cosineTo(query, [], idfOf)).toBe(0);
    expect(cosineTo(toVector([], stats), [{ term: 'talks', weight: 1 }], idfOf)).toBe(0);
  });
});

describe('centroidWithOne', () => {
  const term = fc.constantFrom('a', 'b', 'c', '@x', '@y', 'd', 'e', '@z');
  const list = fc.array(fc.record({ term, weight: fc.double({ min: 0, max: 40, noNaN: true }) }), { maxLength: 8 });

  it('is centroidOf of the mean repeated n times and the added list, to the bit', () => {
    fc.assert(
      fc.property(list, fc.integer({ min: 0, max: 30 }), list, fc.integer({ min: 1, max: 5 }), fc.integer({ min: 0, max: 3 }), (mean, n, added, limit, slots) => {
        expect(centroidWithOne(mean, n, added, limit, slots)).toEqual(centroidOf([...Array<typeof mean>(n).fill(mean), added], limit, slots));
      }),
    );
  });
});

describe('candidateScorer', () => {
  const term = fc.constantFrom('talks', '@istanbul', 'ceasefire', 'cricket', 'said', 'unseen', 'other');
  const list = fc.array(fc.record({ term, weight: fc.double({ min: 0, max: 40, noNaN: true }) }), { maxLength: 8 });

  it('scores every candidate as cosineTo does, to the bit, whatever terms it was given first', () => {
    fc.assert(
      fc.property(list, fc.array(list, { maxLength: 5 }), fc.array(term, { maxLength: 4 }), (query, candidates, known) => {
        const vector = toVector(query, stats);
        const idfOf = (t: string) => idf(stats.df.get(t) ?? 0, stats.docs);
        const score = candidateScorer(vector, stats, new Map([...new Set(known)].map((t, i) => [t, i])));
        for (const c of candidates) expect(score(c)).toBe(cosineTo(vector, c, idfOf));
      }),
    );
  });
});

describe('centroidOf', () => {
  // The plain definition: the mean of every term, all sorted, the heads of entities and words.
  const reference = (lists: { term: string; weight: number }[][], limit: number, slots: number) => {
    const sums = new Map<string, number>();
    for (const list of lists) for (const { term, weight } of list) sums.set(term, (sums.get(term) ?? 0) + weight);
    const n = Math.max(lists.length, 1);
    const order = (a: { term: string; weight: number }, b: { term: string; weight: number }) => b.weight - a.weight || (a.term < b.term ? -1 : 1);
    const ranked = [...sums].map(([term, sum]) => ({ term, weight: Math.round((sum / n) * 100) / 100 })).sort(order);
    return [...ranked.filter((t) => t.term.startsWith('@')).slice(0, slots), ...ranked.filter((t) => !t.term.startsWith('@')).slice(0, limit)].sort(order);
  };
  const term = fc.oneof(fc.string({ minLength: 1, maxLength: 3 }), fc.string({ maxLength: 3 }).map((t) => '@' + t));
  const list = fc.array(fc.record({ term, weight: fc.integer({ min: 0, max: 300 }).map((w) => w / 100) }), { maxLength: 30 });

  it('is the heads of the sorted means', () => {
    fc.assert(
      fc.property(fc.array(list, { maxLength: 6 }), fc.integer({ min: 0, max: 12 }), fc.integer({ min: 0, max: 5 }), (lists, limit, slots) => {
        expect(centroidOf(lists, limit, slots)).toEqual(reference(lists, limit, slots));
      }),
    );
  });
});
