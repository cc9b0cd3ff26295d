// Parsing the date strings pages carry (ISO 8601, RFC 2822, "August 6, 2019", "6. August 2019",
// "06.08.2019") into parts, without Date.parse, whose non-ISO behaviour differs across engines.
import { pad } from './url';

export interface DateParts {
  year: number;
  month: number;
  day: number;
  /** Minutes after midnight, when the string has a time. */
  minutes?: number;
  /** Offset from UTC in minutes, when the string states one (Z and GMT are 0). */
  offset?: number;
}

/** Month names of the languages of most news sites (en, de, fr, es, it, pt, nl), as prefixes. */
const MONTHS: Array<[RegExp, number]> = [
  [/^(jan|jän|janv|ene|gen)/, 1], [/^(feb|fév|fev|fevr|febr)/, 2], [/^(mar|mär|mrt)/, 3],
  [/^(apr|avr|abr)/, 4], [/^(may|mai|mag|mei|mayo)/, 5], [/^(jun|juin|giu)/, 6],
  [/^(jul|juil|lug)/, 7], [/^(aug|aoû|aou|ago)/, 8], [/^(sep|set)/, 9],
  [/^(oct|okt|out|ott)/, 10], [/^(nov)/, 11], [/^(dec|dez|déc|dic)/, 12],
];
// "mars" (fr) and "março" (pt) start like "mar"; "juin"/"juil" are told apart above by order.

export function monthNumber(word: string): number | undefined {
  const w = word.toLowerCase();
  if (w.startsWith('juil')) return 7;
  for (const [pattern, month] of MONTHS) if (pattern.test(w)) return month;
  return undefined;
}

const MONTH_WORD = '([A-Za-zÀ-ÿ]{3,10})\\.?';
const TIME = '(?:[T\\s,]+(?:at\\s+|um\\s+|à\\s+|-\\s*)?(\\d{1,2})[:.h](\\d{2})(?::(\\d{1,2}))?(?:\\.\\d+)?\\s*([ap]\\.?m\\.?)?\\s*(Z|[+-]\\d{2}:?\\d{2}|[+-]\\d{2}\\b|(?:UTC|GMT)(?:\\s*[+-]\\d{1,2}(?::?\\d{2})?)?|[ECMP][SD]T\\b|CES?T\\b|BST\\b)?)?';

const ISO = new RegExp(`((?:19|20)\\d{2})-(\\d{1,2})-(\\d{1,2})${TIME}`, 'i');
const COMPACT = /^((?:19|20)\d{2})(\d{2})(\d{2})(?:T?(\d{2})(\d{2})(\d{2})?)?$/;
const SLASH_YMD = new RegExp(`((?:19|20)\\d{2})([/.])(\\d{1,2})\\2(\\d{1,2})\\b\\.?${TIME}`, 'i');
const DMY_NUMERIC = new RegExp(`\\b(\\d{1,2})([./]) ?(\\d{1,2})\\2 ?((?:19|20)\\d{2})${TIME}`, 'i');
const MDY_WORD = new RegExp(`${MONTH_WORD}\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+((?:19|20)\\d{2})${TIME}`, 'i');
const DMY_WORD = new RegExp(`\\b(\\d{1,2})(?:st|nd|rd|th|er|º)?\\.?\\s*(?:de\\s+)?${MONTH_WORD}\\s*(?:de\\s+)?,?\\s*((?:19|20)\\d{2})${TIME}`, 'i');

/** US time zone abbreviations and the few European ones datelines use, in minutes. */
const ZONES: Record<string, number> = {
  EST: -300, EDT: -240, CST: -360, CDT: -300, MST: -420, MDT: -360, PST: -480, PDT: -420,
  CET: 60, CEST: 120, BST: 60,
};

/** Parses the first date in `text`; `dayFirst` resolves 03/04/2019 (true outside the US). */
export function parseDate(text: string, dayFirst = true): DateParts | undefined {
  const s = text.slice(0, 300);
  let m = ISO.exec(s);
  if (m) return build(+m[1], +m[2], +m[3], m.slice(4));
  m = SLASH_YMD.exec(s); // 2019/08/06, 2023.11.02. (East Asian and some European sites)
  if (m) return build(+m[1], +m[3], +m[4], m.slice(5));
  m = COMPACT.exec(s.trim());
  if (m) return build(+m[1], +m[2], +m[3], m[4] ? [m[4], m[5], m[6]] : []);
  const word = parseWordDate(s);
  if (word) return word;
  m = DMY_NUMERIC.exec(s);
  if (m) {
    const [a, b] = [+m[1], +m[3]];
    const dayIsFirst = a > 12 || (b <= 12 && (dayFirst || m[2] === '.'));
    return build(+m[4], dayIsFirst ? b : a, dayIsFirst ? a : b, m.slice(5));
  }
  return undefined;
}

/** Arabic month names (Egyptian/Gulf and Levantine forms), for Arabic-language outlets. */
const ARABIC_MONTHS = ['يناير|كانون الثاني', 'فبراير|شباط', 'مارس|آذار', 'أبريل|ابريل|نيسان', 'مايو|أيار', 'يونيو|يونيه|حزيران', 'يوليو|يوليه|تموز', 'أغسطس|اغسطس|آب', 'سبتمبر|أيلول', 'أكتوبر|اكتوبر|تشرين الأول', 'نوفمبر|تشرين الثاني', 'ديسمبر|كانون الأول'];
const ARABIC_DATE = new RegExp(`(\\d{1,2})\\s+(${ARABIC_MONTHS.join('|')})\\s*,?\\s*((?:19|20)\\d{2})`);

/** Russian and Ukrainian month names in the genitive ("15 августа 2016"), as prefixes. */
const CYRILLIC_MONTHS = ['янв|січ', 'фев|лют', 'мар|берез', 'апр|квіт', 'ма[яй]|трав', 'июн|черв', 'июл|лип', 'авг|серп', 'сент|верес', 'окт|жовт', 'нояб|листоп', 'дек|груд'];
const CYRILLIC_DATE = /(\d{1,2})\s+([а-яіїє]{3,10})\s*,?\s*((?:19|20)\d{2})/i;

function parseCyrillicDate(s: string): DateParts | undefined {
  const m = CYRILLIC_DATE.exec(s);
  if (!m) return undefined;
  const word = m[2].toLowerCase();
  const month = CYRILLIC_MONTHS.findIndex((prefixes) => new RegExp(`^(${prefixes})`).test(word)) + 1;
  return month > 0 ? build(+m[3], month, +m[1], []) : undefined;
}

function parseArabicDate(s: string): DateParts | undefined {
  const m = ARABIC_DATE.exec(s);
  if (!m) return undefined;
  const month = ARABIC_MONTHS.findIndex((names) => names.split('|').includes(m[2])) + 1;
  return month > 0 ? build(+m[3], month, +m[1], []) : undefined;
}

function parseWordDate(s: string): DateParts | undefined {
  if (/[\u0600-\u06ff]/.test(s)) return parseArabicDate(s);
  if (/[\u0400-\u04ff]/.test(s)) return parseCyrillicDate(s);
  const mdy = MDY_WORD.exec(s);
  const dmy = DMY_WORD.exec(s);
  const useMdy = mdy && monthNumber(mdy[1]) && (!dmy || !monthNumber(dmy[2]) || mdy.index <= dmy.index);
  if (useMdy && mdy) return build(+mdy[3], monthNumber(mdy[1])!, +mdy[2], mdy.slice(4));
  if (dmy && monthNumber(dmy[2])) return build(+dmy[3], monthNumber(dmy[2])!, +dmy[1], dmy.slice(4));
  return undefined;
}

function build(year: number, month: number, day: number, time: Array<string | undefined>): DateParts | undefined {
  if (!isValidDay(year, month, day)) return undefined;
  const parts: DateParts = { year, month, day };
  const [h, mi, , ampm, zone] = time;
  if (h !== undefined && mi !== undefined) {
    let hour = +h;
    if (ampm && /p/i.test(ampm) && hour < 12) hour += 12;
    if (ampm && /a/i.test(ampm) && hour === 12) hour = 0;
    if (hour < 24 && +mi < 60) {
      parts.minutes = hour * 60 + +mi;
      const offset = zone ? parseZone(zone) : undefined;
      if (offset !== undefined) parts.offset = offset;
    }
  }
  return parts;
}

function parseZone(zone: string): number | undefined {
  const z = zone.trim().toUpperCase();
  if (z === 'Z' || z === 'UTC' || z === 'GMT') return 0;
  if (z in ZONES) return ZONES[z];
  const m = /([+-])(\d{1,2}):?(\d{2})?$/.exec(z);
  if (!m) return undefined;
  const minutes = +m[2] * 60 + +(m[3] ?? 0);
  return minutes <= 14 * 60 ? (m[1] === '-' ? -minutes : minutes) : undefined;
}

export function isValidDay(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1 || day > 31) return false;
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** Epoch ms of the parts (UTC when no offset is stated). */
export function toEpoch(p: DateParts): number {
  return Date.UTC(p.year, p.month - 1, p.day) + ((p.minutes ?? 0) - (p.offset ?? 0)) * 60_000;
}

/** The same instant seen in another offset. */
export function shiftTo(p: DateParts, offset: number): DateParts {
  if (p.minutes === undefined || p.offset === undefined) return p;
  const local = new Date(toEpoch(p) + offset * 60_000);
  return {
    year: local.getUTCFullYear(), month: local.getUTCMonth() + 1, day: local.getUTCDate(),
    minutes: local.getUTCHours() * 60 + local.getUTCMinutes(), offset,
  };
}

/** ISO 8601: a date, a local date-time, or a date-time with its offset. */
export function formatIso(p: DateParts): string {
  const date = `${p.year}-${pad(p.month)}-${pad(p.day)}`;
  if (p.minutes === undefined) return date;
  const time = `${date}T${pad(Math.floor(p.minutes / 60))}:${pad(p.minutes % 60)}:00`;
  if (p.offset === undefined) return time;
  if (p.offset === 0) return `${time}Z`;
  const abs = Math.abs(p.offset);
  return `${time}${p.offset < 0 ? '-' : '+'}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}
