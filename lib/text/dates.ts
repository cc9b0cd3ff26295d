// Days an article refers to ("on January 25", "last Tuesday"), as UTC day numbers. Later
// articles that keep returning to a date mark it as a key moment of the story: the trail ranks
// its dots with these references (the signal date-selection methods for timelines rely on).

const DAY_MS = 86_400_000;
const HALF_YEAR_MS = 183 * DAY_MS;
const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const WEEKDAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];
/** A reference to a date further back than this is history, not the story's recent past. */
const MAX_LOOKBACK_DAYS = 400;
/** References per article: a chronology box would otherwise vote for every date it lists. */
const MAX_REFERENCES = 12;

const MONTH = '(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\\.?';
const MONTH_DAY = new RegExp(`\\b${MONTH}\\s+(\\d{1,2})(?:st|nd|rd|th)?\\b(?:,?\\s+(\\d{4}))?`, 'giu');
const DAY_MONTH = new RegExp(`\\b(\\d{1,2})(?:st|nd|rd|th)?\\s+(?:of\\s+)?${MONTH}\\b(?:,?\\s+(\\d{4}))?`, 'giu');
/**
 * A weekday on its own ("Gadhafi said Tuesday", "Tuesday's vote") is the latest such day: news
 * style names the past days of the week without "on". A weekday after "next", "this", "coming",
 * "until", "by" or "before" is still ahead and is skipped.
 */
const WEEKDAY = /(\b(?:next|this|coming|until|by|before)\s+)?\b(sunday|monday|tuesday|wednesday|thursday|friday|saturday)\b/giu;

/** "Yesterday" is the day before publication, the commonest way a report recalls its event. */
const YESTERDAY = /\byesterday\b/iu;

/** The UTC day number of an epoch-ms time. */
export function dayOf(epochMs: number): number {
  return Math.floor(epochMs / DAY_MS);
}

function resolve(month: number, day: number, year: number | undefined, published: number): number | undefined {
  if (day < 1 || day > 31) return undefined;
  const pubDate = new Date(published);
  const guessYear = year ?? pubDate.getUTCFullYear();
  let when = Date.UTC(guessYear, month, day);
  // Without a year, a date well after publication is last year's ("December 28", read in
  // January); one shortly after is an announcement ("talks resume November 6"), not the past.
  if (year === undefined && when > published + DAY_MS) {
    if (when - published < HALF_YEAR_MS) return undefined;
    when = Date.UTC(guessYear - 1, month, day);
  }
  const days = dayOf(when);
  const pubDay = dayOf(published);
  if (days > pubDay || pubDay - days > MAX_LOOKBACK_DAYS) return undefined;
  return days;
}

function weekdayBefore(name: string, published: number): number {
  const pubDay = dayOf(published);
  const target = WEEKDAYS.indexOf(name.toLowerCase());
  const today = new Date(published).getUTCDay();
  const back = (today - target + 7) % 7;
  return pubDay - back;
}

/** Day numbers the text refers to, in order of appearance, without repeats. */
export function extractDateReferences(text: string, published: number): number[] {
  const found: number[] = [];
  const push = (day: number | undefined) => {
    if (day !== undefined && !found.includes(day) && found.length < MAX_REFERENCES) found.push(day);
  };
  for (const m of text.matchAll(MONTH_DAY)) push(resolve(MONTHS.indexOf(m[1].slice(0, 3).toLowerCase()), Number(m[2]), m[3] ? Number(m[3]) : undefined, published));
  for (const m of text.matchAll(DAY_MONTH)) push(resolve(MONTHS.indexOf(m[2].slice(0, 3).toLowerCase()), Number(m[1]), m[3] ? Number(m[3]) : undefined, published));
  for (const m of text.matchAll(WEEKDAY)) if (!m[1]) push(weekdayBefore(m[2], published));
  if (YESTERDAY.test(text)) push(dayOf(published) - 1);
  return found;
}
