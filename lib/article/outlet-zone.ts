// The outlet's time zone, guessed from its country-code domain, so that a UTC timestamp of an
// evening story gets the day the outlet printed. Used only when the page itself states no offset.
// Generic domains (.com) get no guess: measured on dev, assuming US Eastern for English .com pages
// moved more right days off than wrong ones on.

/** Country-code top-level domains and their most populous zone. */
const ZONE_BY_TLD: Record<string, string> = {
  de: 'Europe/Berlin', at: 'Europe/Vienna', ch: 'Europe/Zurich', fr: 'Europe/Paris', it: 'Europe/Rome',
  es: 'Europe/Madrid', nl: 'Europe/Amsterdam', be: 'Europe/Brussels', pl: 'Europe/Warsaw', cz: 'Europe/Prague',
  se: 'Europe/Stockholm', no: 'Europe/Oslo', dk: 'Europe/Copenhagen', fi: 'Europe/Helsinki', pt: 'Europe/Lisbon',
  uk: 'Europe/London', ie: 'Europe/Dublin', gr: 'Europe/Athens', tr: 'Europe/Istanbul', ru: 'Europe/Moscow',
  ua: 'Europe/Kyiv', ro: 'Europe/Bucharest', hu: 'Europe/Budapest', ba: 'Europe/Sarajevo', rs: 'Europe/Belgrade',
  hr: 'Europe/Zagreb', in: 'Asia/Kolkata', pk: 'Asia/Karachi', af: 'Asia/Kabul', qa: 'Asia/Qatar',
  ae: 'Asia/Dubai', il: 'Asia/Jerusalem', ir: 'Asia/Tehran', eg: 'Africa/Cairo', za: 'Africa/Johannesburg',
  ng: 'Africa/Lagos', ke: 'Africa/Nairobi', jp: 'Asia/Tokyo', kr: 'Asia/Seoul', cn: 'Asia/Shanghai',
  tw: 'Asia/Taipei', hk: 'Asia/Hong_Kong', sg: 'Asia/Singapore', au: 'Australia/Sydney', nz: 'Pacific/Auckland',
  br: 'America/Sao_Paulo', ar: 'America/Argentina/Buenos_Aires', mx: 'America/Mexico_City', ca: 'America/Toronto',
  cl: 'America/Santiago', co: 'America/Bogota', pe: 'America/Lima', az: 'Asia/Baku',
};

export function guessZone(url: string): string | undefined {
  let host: string;
  try {
    host = new URL(url).hostname.toLowerCase();
  } catch {
    return undefined;
  }
  const tld = host.slice(host.lastIndexOf('.') + 1);
  return ZONE_BY_TLD[tld];
}

/** The zone's offset from UTC in minutes at the instant, or undefined where Intl lacks the zone. */
export function zoneOffset(zone: string, epochMs: number): number | undefined {
  try {
    const parts = new Intl.DateTimeFormat('en-US', {
      timeZone: zone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric',
    }).formatToParts(new Date(epochMs));
    const get = (type: string) => Number(parts.find((p) => p.type === type)?.value);
    const local = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'));
    const offset = Math.round((local - Math.floor(epochMs / 60_000) * 60_000) / 60_000);
    return Number.isFinite(offset) ? offset : undefined;
  } catch {
    return undefined;
  }
}
