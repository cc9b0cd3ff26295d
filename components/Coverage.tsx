import type { Axis, AxisCoverage, Blindspot, Coverage as CoverageData, UnspannedAxis } from '@/lib/framing/types';
import type { OutletView } from '@/lib/views';
import { useI18n, type I18n } from './i18n';
import { axisLabel, axisValueLabel } from './labels';

/** The order axes are shown in: where an outlet is from first, then who owns it, then lean. */
const AXIS_ORDER: Axis[] = ['country', 'ownership', 'stateAffiliated', 'lean'];
const COLOURS = ['var(--c1)', 'var(--c2)', 'var(--c3)', 'var(--c4)', 'var(--c5)', 'var(--c6)', 'var(--c7)', 'var(--c8)'];

function names(ids: string[], outlets: Record<string, OutletView>): string {
  return ids.map((id) => outlets[id]?.name ?? id).join(', ');
}

function WarnIcon() {
  return (
    <svg width="12" height="12" viewBox="0 0 12 12" aria-hidden="true" focusable="false">
      <path d="M6 1 L11.5 11 H0.5 Z" fill="none" stroke="currentColor" stroke-width="1.3" stroke-linejoin="round" />
      <path d="M6 4.5 V7.5 M6 9 V9.4" stroke="currentColor" stroke-width="1.3" stroke-linecap="round" />
    </svg>
  );
}

function BlindspotLine({ spot, outlets }: { spot: Blindspot; outlets: Record<string, OutletView> }) {
  const i18n = useI18n();
  return (
    <p class="blindspot">
      <WarnIcon />
      <span>{i18n.t('blindspot', [axisValueLabel(spot.axis, spot.value, i18n), names(spot.outletIds, outlets)])}</span>
    </p>
  );
}

function unspannedText(u: UnspannedAxis, i18n: I18n): string {
  const axis = axisLabel(u.axis, i18n).toLocaleLowerCase(i18n.locale);
  const missing = u.missingValues.slice(0, 3).map((v) => axisValueLabel(u.axis, v, i18n)).join(', ');
  if (u.readerValues.length === 0) return i18n.t('unspannedNone', [axis]);
  const have = u.readerValues.map((v) => axisValueLabel(u.axis, v, i18n)).join(', ');
  return missing ? i18n.t('unspannedOne', [axis, have, missing]) : i18n.t('unspannedOneNoHint', [axis, have]);
}

function AxisBar({ axis, outletCount, blindspots, outlets }: { axis: AxisCoverage; outletCount: number; blindspots: Blindspot[]; outlets: Record<string, OutletView> }) {
  const i18n = useI18n();
  const { t, tn } = i18n;
  const groups = [...axis.groups].sort((a, b) => b.outletIds.length - a.outletIds.length || a.value.localeCompare(b.value));
  const label = axisLabel(axis.axis, i18n);
  const described = groups.map((g) => t('coverageGroupLabel', [axisValueLabel(axis.axis, g.value, i18n), g.outletIds.length, outletCount]));
  if (axis.unknownOutletIds.length > 0) described.push(t('coverageUnknownLabel', [axis.unknownOutletIds.length]));
  return (
    <div class="coverage-axis">
      <div class="axis-head">
        <span class="axis-name">{label}</span>
        <span class="axis-count">{tn('groupCount', groups.length)}</span>
      </div>
      <div class="bar" role="img" aria-label={`${label}: ${described.join('; ')}`}>
        {groups.map((g, i) => (
          <span key={g.value} class="seg" style={{ flexGrow: g.outletIds.length, background: COLOURS[i % COLOURS.length] }} />
        ))}
        {axis.unknownOutletIds.length > 0 && <span class="seg" style={{ flexGrow: axis.unknownOutletIds.length, background: 'var(--line-strong)' }} />}
      </div>
      <ul class="legend" aria-hidden="true">
        {groups.map((g, i) => (
          <li key={g.value} title={names(g.outletIds, outlets)}>
            <span class="swatch" style={{ background: COLOURS[i % COLOURS.length] }} />
            {axisValueLabel(axis.axis, g.value, i18n)} <b>{g.outletIds.length}</b>
          </li>
        ))}
        {axis.unknownOutletIds.length > 0 && (
          <li>
            <span class="swatch" style={{ background: 'var(--line-strong)' }} />
            {t('coverageUnknown')} <b>{axis.unknownOutletIds.length}</b>
          </li>
        )}
      </ul>
      {blindspots.map((b) => <BlindspotLine key={`${b.axis}:${b.value}`} spot={b} outlets={outlets} />)}
    </div>
  );
}

/** One bar per axis (who covered the event, by country, ownership, …) with its blindspots. */
export function Coverage({ coverage, outlets, axes = AXIS_ORDER }: { coverage: CoverageData; outlets: Record<string, OutletView>; axes?: Axis[] }) {
  const i18n = useI18n();
  const shown = axes.map((a) => coverage.axes.find((x) => x.axis === a)).filter((a): a is AxisCoverage => !!a && a.groups.length > 0);
  const unspanned = coverage.unspannedAxes.filter((u) => axes.includes(u.axis));
  const orphanSpots = coverage.blindspots.filter((b) => axes.includes(b.axis) && !shown.some((s) => s.axis === b.axis));
  return (
    <div class="coverage">
      {shown.map((axis) => (
        <AxisBar key={axis.axis} axis={axis} outletCount={coverage.outletCount} blindspots={coverage.blindspots.filter((b) => b.axis === axis.axis)} outlets={outlets} />
      ))}
      {orphanSpots.map((b) => <BlindspotLine key={`${b.axis}:${b.value}`} spot={b} outlets={outlets} />)}
      {unspanned.map((u) => (
        <p key={u.axis} class="blindspot">
          <WarnIcon />
          <span>{unspannedText(u, i18n)}</span>
        </p>
      ))}
    </div>
  );
}
