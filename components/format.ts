// Display formatting shared by the views. Pure: the time "now" and the locale are passed in.

const DAY = 86_400_000;
const UNITS: Array<[Intl.RelativeTimeFormatUnit, number]> = [
  ['year', 365 * DAY],
  ['month', 30 * DAY],
  ['week', 7 * DAY],
  ['day', DAY],
  ['hour', 3_600_000],
  ['minute', 60_000],
];

/**
 * One formatter per kind and locale: building an Intl formatter costs far more than using one,
 * and a view formats a few dozen dates on its first paint.
 */
const formatters = new Map<string, unknown>();
function memo<T>(kind: string, locale: string | undefined, make: () => T): T {
  const key = `${kind}\u0000${locale ?? ''}`;
  let found = formatters.get(key) as T | undefined;
  if (found === undefined) formatters.set(key, (found = make()));
  return found;
}

/** "7 months ago", "in 2 days", "just now" in the reader's language. */
export function relativeTime(epochMs: number, now: number, locale?: string): string {
  const diff = epochMs - now;
  const rtf = memo('relative', locale, () => new Intl.RelativeTimeFormat(locale, { numeric: 'auto' }));
  for (const [unit, size] of UNITS) {
    // Under a year and a half, months say more than "last year" ("13 months ago").
    if (unit === 'year' && Math.abs(diff) < 1.5 * size) continue;
    if (Math.abs(diff) >= size) return rtf.format(Math.round(diff / size), unit);
  }
  return rtf.format(0, 'minute');
}

/** "26 Oct 2025" in the reader's language. */
export function shortDate(epochMs: number, locale?: string): string {
  return memo('short', locale, () => new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'short', year: 'numeric' })).format(epochMs);
}

/** "26 Oct 2025, 14:05" in the reader's language: the precise time behind a relative one. */
export function fullDate(epochMs: number, locale?: string): string {
  return memo('full', locale, () => new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' })).format(epochMs);
}

export function isoDate(epochMs: number): string {
  return Number.isFinite(epochMs) ? new Date(epochMs).toISOString() : '';
}

/** Only http(s) links are rendered as links; anything else is shown as text. */
export function safeHref(url: string | undefined): string | undefined {
  if (typeof url !== 'string' || !/^https?:\/\//i.test(url)) return undefined;
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed.href : undefined;
  } catch {
    return undefined;
  }
}

/** The country's name in the reader's language ("PK" → "Pakistan"); the code when unknown. */
export function countryName(code: string, locale: string): string {
  if (!/^[A-Z]{2}$/.test(code)) return code;
  try {
    return memo('region', locale, () => new Intl.DisplayNames([locale], { type: 'region' })).of(code) ?? code;
  } catch {
    return code;
  }
}

/** Up to two initials of an outlet's name, skipping articles and connectives ("The Indus Ledger" → "IL"). */
export function initials(name: string): string {
  const skip = new Set(['the', 'a', 'an', 'of', 'and', 'news', 'al', 'el', 'la', 'le']);
  const words = name.split(/[\s\-–—_.:/]+/u).filter((w) => /\p{L}|\p{N}/u.test(w));
  const kept = words.filter((w) => !skip.has(w.toLowerCase()));
  const use = kept.length > 0 ? kept : words;
  const letters = use.slice(0, 2).map((w) => [...w.replace(/[^\p{L}\p{N}]/gu, '')][0] ?? '');
  return letters.join('').toLocaleUpperCase() || '?';
}

/** A stable hue per outlet id, so an outlet keeps its colour across views and sessions. */
export function hueOf(id: string): number {
  let h = 0;
  for (const ch of id) h = (h * 31 + (ch.codePointAt(0) ?? 0)) >>> 0;
  return h % 360;
}
