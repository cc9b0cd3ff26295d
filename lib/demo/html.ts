// Escaping and date helpers shared by the demo renderers. Text is always text: every string that
// reaches HTML, XML or an inline script goes through one of these.

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Escapes text for HTML or XML element content and quoted attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c]);
}

/**
 * JSON for an inline <script> (JSON-LD or data): `<`, `>`, `&` and the JS line separators are
 * written as \u escapes, so no string can close the script element.
 */
export function jsonForScript(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

export interface LocalParts {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
}

/** The wall-clock parts an ISO 8601 string states, in its own offset (no time zone maths). */
export function localParts(iso: string): LocalParts {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})/.exec(iso);
  if (!m) throw new Error(`Not an ISO 8601 date-time: ${iso}`);
  return { year: +m[1], month: +m[2], day: +m[3], hour: +m[4], minute: +m[5] };
}

const pad = (n: number): string => String(n).padStart(2, '0');

/** "30 October 2025, 21:40" */
export function formatDayMonth(iso: string): string {
  const p = localParts(iso);
  return `${p.day} ${MONTHS[p.month - 1]} ${p.year}, ${pad(p.hour)}:${pad(p.minute)}`;
}

/** "Oct 30, 2025 9:40 PM" */
export function formatMonthDay(iso: string): string {
  const p = localParts(iso);
  const h12 = p.hour % 12 === 0 ? 12 : p.hour % 12;
  return `${MONTHS[p.month - 1].slice(0, 3)} ${p.day}, ${p.year} ${h12}:${pad(p.minute)} ${p.hour < 12 ? 'AM' : 'PM'}`;
}

/** "30.10.2025 21:40" */
export function formatNumeric(iso: string): string {
  const p = localParts(iso);
  return `${pad(p.day)}.${pad(p.month)}.${p.year} ${pad(p.hour)}:${pad(p.minute)}`;
}

/** RFC 822 date for RSS pubDate, in GMT: "Thu, 30 Oct 2025 16:40:00 GMT". */
export function rfc822(iso: string): string {
  return new Date(iso).toUTCString();
}

/** "2025/10/30" from the article's own local date. */
export function datePath(iso: string, separator = '/'): string {
  const p = localParts(iso);
  return [p.year, pad(p.month), pad(p.day)].join(separator);
}
