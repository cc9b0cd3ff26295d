// Coverage of one event along each outlet axis, and the blindspots: groups the reader follows that
// did not cover it ("no AF outlet among your sources covered this"), and axes the reader's sources
// do not span at all (every source from one country).
import type { Article, Outlet } from '../types';
import type { Axis, AxisCoverage, Blindspot, Coverage, CoverageGroup, UnspannedAxis } from './types';

export const AXES: Axis[] = ['country', 'lean', 'ownership', 'stateAffiliated'];

type FramingArticle = Pick<Article, 'id' | 'outletId'>;

/** The outlet's value on an axis, or undefined when unknown (no lean rating, ownership "unknown"). */
export function axisValue(outlet: Outlet, axis: Axis): string | undefined {
  switch (axis) {
    case 'country':
      return outlet.country || undefined;
    case 'lean':
      return outlet.lean?.value || undefined;
    case 'ownership':
      return outlet.ownership && outlet.ownership !== 'unknown' ? outlet.ownership : undefined;
    case 'stateAffiliated':
      return String(outlet.stateAffiliated === true);
  }
}

function byValue(outletIds: string[], outlets: Map<string, Outlet>, axis: Axis): Map<string, string[]> {
  const groups = new Map<string, string[]>();
  for (const id of outletIds) {
    const outlet = outlets.get(id);
    const value = outlet ? axisValue(outlet, axis) : undefined;
    if (value === undefined) continue;
    groups.set(value, [...(groups.get(value) ?? []), id]);
  }
  return groups;
}

function axisCoverage(axis: Axis, articles: FramingArticle[], eventOutlets: string[], outlets: Map<string, Outlet>): AxisCoverage {
  const groups: CoverageGroup[] = [...byValue(eventOutlets, outlets, axis)].map(([value, ids]) => ({
    value,
    outletIds: ids,
    articleIds: articles.filter((a) => ids.includes(a.outletId)).map((a) => a.id),
    share: ids.length / Math.max(1, eventOutlets.length),
  }));
  groups.sort((a, b) => b.outletIds.length - a.outletIds.length || a.value.localeCompare(b.value));
  const known = new Set(groups.flatMap((g) => g.outletIds));
  return { axis, groups, unknownOutletIds: eventOutlets.filter((id) => !known.has(id)) };
}

function blindspots(axis: Axis, eventOutlets: string[], enabled: string[], outlets: Map<string, Outlet>): Blindspot[] {
  const covered = new Set(byValue(eventOutlets, outlets, axis).keys());
  return [...byValue(enabled, outlets, axis)]
    .filter(([value]) => !covered.has(value))
    .map(([value, ids]) => ({ axis, value, outletIds: [...ids].sort() }))
    .sort((a, b) => a.value.localeCompare(b.value));
}

function unspanned(axis: Axis, enabled: string[], outlets: Map<string, Outlet>): UnspannedAxis | undefined {
  const readerValues = [...byValue(enabled, outlets, axis).keys()].sort();
  if (readerValues.length > 1) return undefined;
  const all = [...byValue([...outlets.keys()], outlets, axis).keys()].sort();
  return { axis, readerValues, missingValues: all.filter((v) => !readerValues.includes(v)) };
}

/** Coverage of the event's articles along every axis, with the reader's blindspots. */
export function computeCoverage(articles: FramingArticle[], outletList: Outlet[], enabledOutlets: string[]): Coverage {
  const outlets = new Map(outletList.map((o) => [o.id, o]));
  const eventOutlets = [...new Set(articles.map((a) => a.outletId))].sort();
  const enabled = [...new Set(enabledOutlets)].filter((id) => outlets.has(id)).sort();
  return {
    outletCount: eventOutlets.length,
    articleCount: articles.length,
    axes: AXES.map((axis) => axisCoverage(axis, articles, eventOutlets, outlets)),
    blindspots: AXES.flatMap((axis) => blindspots(axis, eventOutlets, enabled, outlets)),
    unspannedAxes: AXES.map((axis) => unspanned(axis, enabled, outlets)).filter((u): u is UnspannedAxis => u !== undefined),
  };
}
