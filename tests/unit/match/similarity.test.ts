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
