import { describe, expect, it } from 'vitest';
import { hubAdjusted, poolDensities } from '../../../lib/match/hubness';
import { rankWithHubness } from '../../../lib/match/related';
import type { TermVector } from '../../../lib/match/similarity';

function vec(entries: Record<string, number>): TermVector {
  const weights = new Map(Object.entries(entries));
  return { weights, norm: Math.sqrt([...weights.values()].reduce((s, w) => s + w * w, 0)) };
}

// A generic ceasefire piece shares words with every report; the Doha report only with the query.
const generic = vec({ ceasefire: 1, talks: 1, border: 1 });
const doha = vec({ doha: 2, ceasefire: 1 });
const others = [vec({ ceasefire: 1, talks: 1 }), vec({ border: 1, talks: 1 }), vec({ ceasefire: 1, border: 1 }), vec({ talks: 1, border: 1, kabul: 1 })];

describe('poolDensities', () => {
  it('is the mean of the k highest cosines to the other vectors, missing neighbours counting 0', () => {
    const pool = [vec({ a: 1 }), vec({ a: 1 }), vec({ b: 1 })];
    expect(poolDensities(pool, [0], 1)).toEqual([1]);
    expect(poolDensities(pool, [0], 2)).toEqual([0.5]);
    expect(poolDensities(pool, [2], 2)).toEqual([0]);
    expect(poolDensities(pool, [0, 2], 0)).toEqual([0, 0]);
  });

  it('gives a hub a higher density than a particular article', () => {
    const [g, d] = poolDensities([generic, doha, ...others], [0, 1], 3);
    expect(g).toBeGreaterThan(d);
  });

  it('skips empty vectors without dividing by zero', () => {
    expect(poolDensities([vec({}), vec({ a: 1 })], [0, 1], 2)).toEqual([0, 0]);
  });
});

describe('hubAdjusted and rankWithHubness', () => {
  it('subtracts the penalty share of the density', () => {
    expect(hubAdjusted(0.5, 0.25, 0.4)).toBeCloseTo(0.4);
  });

  it('lets the particular candidate outrank a slightly closer hub', () => {
    const items = [
      { article: { id: 'hub' }, score: 0.42, vector: generic },
      { article: { id: 'doha' }, score: 0.4, vector: doha },
    ];
    const ranked = rankWithHubness(items, [generic, doha, ...others]);
    expect(ranked.map((r) => r.article.id)).toEqual(['doha', 'hub']);
  });

  it('keeps cosine order when nothing is a hub, ids breaking ties', () => {
    const a = vec({ x: 1 });
    const b = vec({ y: 1 });
    const items = [
      { article: { id: 'b' }, score: 0.3, vector: b },
      { article: { id: 'a' }, score: 0.3, vector: a },
    ];
    expect(rankWithHubness(items, [a, b]).map((r) => r.article.id)).toEqual(['a', 'b']);
  });
});
