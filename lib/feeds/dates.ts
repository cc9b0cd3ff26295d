// Feed dates to ISO 8601, strictly. Feeds use RFC 822 (RSS) and RFC 3339 / W3C-DTF (Atom, RDF's
// dc:date, JSON Feed); anything else, or a calendar-impossible value (31 February, hour 25), is
// undefined rather than a guess: `Date.parse` accepts and silently rolls over such inputs, and
// its non-ISO parsing differs between engines. The writer's UTC offset is kept, because the
// publication day is the day in the outlet's offset (see ../shared/EVAL.md, dates).

const MONTHS: Readonly<Record<string, number>> = {
  jan: 1, feb: 2, mar: 3, apr: 4, may: 5, jun: 6, jul: 7, aug: 8, sep: 9, oct: 10, nov: 11, dec: 12,
};

/** RFC 822 zone names, in minutes east of UTC; military single letters other than Z are ambiguous. */
const ZONES: Readonly<Record<string, number>> = {
  ut: 0, utc: 0, gmt: 0, z: 0, est: -300, edt: -240, cst: -360, cdt: -300, mst: -420, mdt: -360, pst: -480, pdt: -420,
};

/** Years outside this window are typos or placeholders ("0001-01-01", "9999-12-31"), not news. */
const MIN_YEAR = 1990;
const MAX_YEAR = 2200;

interface Parts {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  offsetMinutes: number;
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function isValid(p: Parts): boolean {
  return (
    p.year >= MIN_YEAR && p.year <= MAX_YEAR && p.month >= 1 && p.month <= 12 && p.day >= 1 &&
    p.day <= daysInMonth(p.year, p.month) && p.hour <= 23 && p.minute <= 59 && p.second <= 59 &&
    Math.abs(p.offsetMinutes) <= 14 * 60
  );
}

function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0');
}

function format(p: Parts): string {
  const sign = p.offsetMinutes < 0 ? '-' : '+';
  const abs = Math.abs(p.offsetMinutes);
  const offset = p.offsetMinutes === 0 ? 'Z' : `${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
  return `${pad(p.year, 4)}-${pad(p.month)}-${pad(p.day)}T${pad(p.hour)}:${pad(p.minute)}:${pad(p.second)}${offset}`;
}

function offsetFrom(zone: string | undefined): number | undefined {
  if (!zone) return 0; // no zone: RFC 3339 requires one; W3C-DTF date-only means UTC.
  const numeric = /^([+-])(\d{2}):?(\d{2})$/.exec(zone);
  if (numeric) return (numeric[1] === '-' ? -1 : 1) * (Number(numeric[2]) * 60 + Number(numeric[3]));
  return ZONES[zone.toLowerCase()];
}

const ISO = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,]\d{1,9})?)?)?\s*(Z|[+-]\d{2}:?\d{2})?$/i;
const RFC822 = /^(?:[a-z]{3,9},?\s+)?(\d{1,2})\s+([a-z]{3})[a-z]*\.?\s+(\d{2}|\d{4})\s+(\d{1,2}):(\d{2})(?::(\d{2}))?\s*([+-]\d{4}|[a-z]{1,4})?$/i;

function fromIso(text: string): Parts | undefined {
  const m = ISO.exec(text);
  if (!m) return undefined;
  const offsetMinutes = offsetFrom(m[7]);
  if (offsetMinutes === undefined) return undefined;
  return { year: +m[1], month: +m[2], day: +m[3], hour: +(m[4] ?? 0), minute: +(m[5] ?? 0), second: +(m[6] ?? 0), offsetMinutes };
}

function fromRfc822(text: string): Parts | undefined {
  const m = RFC822.exec(text);
  if (!m) return undefined;
  const month = MONTHS[m[2].toLowerCase()];
  const offsetMinutes = offsetFrom(m[7]);
  if (!month || offsetMinutes === undefined) return undefined;
  // RFC 822 two-digit years: RFC 2822 §4.3 reads 00–49 as 20xx and 50–99 as 19xx.
  const year = m[3].length === 2 ? (Number(m[3]) < 50 ? 2000 : 1900) + Number(m[3]) : Number(m[3]);
  return { year, month, day: +m[1], hour: +m[4], minute: +m[5], second: +(m[6] ?? 0), offsetMinutes };
}

/** Epoch milliseconds of validated parts. */
function epochOf(p: Parts): number {
  return Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second) - p.offsetMinutes * 60_000;
}

/**
 * A feed date as ISO 8601 with its original offset, or undefined when it is missing, not in a
 * feed date format, impossible, or (given `notAfter`, epoch ms) later than that instant.
 */
export function parseFeedDate(raw: unknown, notAfter?: number): string | undefined {
  if (typeof raw !== 'string' || raw.length > 100) return undefined;
  const text = raw.trim().replace(/\s+/g, ' ');
  const parts = fromIso(text) ?? fromRfc822(text);
  if (!parts || !isValid(parts)) return undefined;
  if (notAfter !== undefined && epochOf(parts) > notAfter) return undefined;
  return format(parts);
}
