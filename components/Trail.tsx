import type { JSX } from 'preact';
import { useState } from 'preact/hooks';
import type { Trail as TrailData, TrailDot } from '@/lib/views';
import { fullDate, isoDate, relativeTime, shortDate } from './format';
import { useI18n, type I18n } from './i18n';
import { OutletBadge } from './OutletBadge';

/** Trails longer than this are shown collapsed to their key dots. */
export const COLLAPSE_ABOVE = 6;
/** How many of the most important dots stay visible when collapsed (plus the current, new and newest). */
export const KEY_DOTS = 4;
const MAX_BADGES = 4;

function isKey(dot: TrailDot, index: number): boolean {
  return index === 0 || dot.isCurrent || dot.isNewSinceLastOpen || dot.importanceRank <= KEY_DOTS;
}

function dotName(dot: TrailDot, now: number, { t, tn, locale }: I18n): string {
  const parts = [`${shortDate(dot.date, locale)} (${relativeTime(dot.date, now, locale)})`, dot.label, tn('outletCount', dot.outlets.length)];
  if (dot.isCurrent) parts.push(t('dotCurrent'));
  if (dot.isNewSinceLastOpen) parts.push(t('dotNew'));
  parts.push(dot.read ? t('dotRead') : t('dotUnread'));
  return parts.join('. ');
}

function Dot({ dot, now }: { dot: TrailDot; now: number }) {
  const i18n = useI18n();
  const { t, tn, locale } = i18n;
  const classes = ['dot', dot.isCurrent && 'is-current', dot.isNewSinceLastOpen && 'is-new', dot.read && 'is-read'].filter(Boolean).join(' ');
  const shown = dot.outlets.slice(0, MAX_BADGES);
  return (
    <li class={classes} aria-label={dotName(dot, now, i18n)} aria-current={dot.isCurrent ? 'true' : undefined}>
      <span class="dot-marker" aria-hidden="true" />
      <div class="dot-body">
        <p class="dot-when">
          <time dateTime={isoDate(dot.date)} title={fullDate(dot.date, locale)}>{shortDate(dot.date, locale)}</time>
          <span>{relativeTime(dot.date, now, locale)}</span>
          {dot.isCurrent && <span class="pill pill-current">{t('dotCurrentShort')}</span>}
          {dot.isNewSinceLastOpen && <span class="pill pill-new">{t('dotNewShort')}</span>}
        </p>
        <p class="dot-label" dir="auto">{dot.label}</p>
        <p class="dot-meta">
          <span style={{ display: 'inline-flex', gap: '2px' }} title={dot.outlets.map((o) => o.name).join(', ')}>
            {shown.map((o) => <OutletBadge key={o.id} id={o.id} name={o.name} small />)}
          </span>
          <span>{tn('outletCount', dot.outlets.length)}</span>
          <span>{dot.read ? t('dotRead') : t('dotUnread')}</span>
        </p>
      </div>
    </li>
  );
}

export function Trail({ trail, now }: { trail: TrailData; now: number }) {
  const { t, tn, locale } = useI18n();
  const [expanded, setExpanded] = useState(false);
  const dots = trail.dots;
  const collapsible = dots.length > COLLAPSE_ABOVE;
  const visible = new Set(dots.filter((d, i) => !collapsible || expanded || isKey(d, i)).map((d) => d.eventId));
  const hiddenCount = dots.length - visible.size;
  const latest = dots[0];

  const rows: JSX.Element[] = [];
  let gap = 0;
  dots.forEach((dot, i) => {
    if (!visible.has(dot.eventId)) {
      gap++;
      if (i < dots.length - 1) return;
    }
    if (gap > 0) {
      rows.push(
        <li key={`gap-${i}`} class="dot-gap" aria-hidden="true">
          <span />
          <span>{tn('dotsHidden', gap)}</span>
        </li>,
      );
      gap = 0;
    }
    if (visible.has(dot.eventId)) rows.push(<Dot key={dot.eventId} dot={dot} now={now} />);
  });

  return (
    <section class="trail" aria-labelledby="trail-heading">
      <div class="section-head">
        <h2 id="trail-heading">{t('trailHeading')}</h2>
        {latest && <p class="summary" elementtiming="threadline:trail">{tn('trailSummary', dots.length, [relativeTime(latest.date, now, locale)])}</p>}
      </div>
      <ol class="dots" aria-label={t('trailListLabel', [trail.label])}>
        {rows}
      </ol>
      {collapsible && (
        <button type="button" class="quiet trail-toggle" aria-expanded={expanded} onClick={() => setExpanded(!expanded)}>
          {expanded ? t('trailShowKey') : tn('trailShowAll', dots.length)}
        </button>
      )}
      {collapsible && !expanded && hiddenCount > 0 && <p class="visually-hidden">{tn('dotsHidden', hiddenCount)}</p>}
    </section>
  );
}
