import { describe, expect, it } from 'vitest';
import { computeCoverage } from '../../../lib/framing/coverage';
import { demoOutlets } from './demo-event';

const article = (id: string, outletId: string) => ({ id, outletId });

describe('computeCoverage', () => {
  const articles = [article('a1', 'ledger'), article('a2', 'ledger'), article('a3', 'gulf'), article('a4', 'wire')];

  it('groups the event\'s outlets along each axis with their share', () => {
    const coverage = computeCoverage(articles, demoOutlets, []);
    const country = coverage.axes.find((a) => a.axis === 'country');
    expect(coverage.outletCount).toBe(3);
    expect(country?.groups.map((g) => [g.value, g.share])).toEqual([['INT', 1 / 3], ['PK', 1 / 3], ['QA', 1 / 3]]);
    expect(country?.groups.find((g) => g.value === 'PK')?.articleIds).toEqual(['a1', 'a2']);
  });

  it('lists outlets with no value on an axis as unknown (no lean rating)', () => {
    const lean = computeCoverage(articles, demoOutlets, []).axes.find((a) => a.axis === 'lean');
    expect(lean?.unknownOutletIds).toEqual(['gulf']);
  });

  it('finds blindspots: a group among the reader\'s sources that did not cover the event', () => {
    const coverage = computeCoverage(articles, demoOutlets, ['ledger', 'dispatch', 'pass', 'gulf']);
    expect(coverage.blindspots).toContainEqual({ axis: 'country', value: 'AF', outletIds: ['dispatch', 'pass'] });
    expect(coverage.blindspots.some((b) => b.value === 'PK')).toBe(false);
  });

  it('names the axes the reader\'s sources do not span', () => {
    const coverage = computeCoverage(articles, demoOutlets, ['dispatch', 'pass']);
    const country = coverage.unspannedAxes.find((u) => u.axis === 'country');
    expect(country?.readerValues).toEqual(['AF']);
    expect(country?.missingValues).toContain('PK');
  });

  it('ignores enabled ids the registry does not know', () => {
    expect(computeCoverage(articles, demoOutlets, ['nope']).blindspots).toEqual([]);
  });
});
