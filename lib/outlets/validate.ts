// Validation of an outlet the reader edited or imported (options page, OPML, JSON import).
// Everything is untrusted: fields are bounded, feeds must be http(s), a lean needs its source.
// Problems with optional parts (one bad feed URL, a lean without a source) drop that part and are
// reported; the outlet itself is rejected only when its identity (id, name, a domain) is unusable.
import type { Outlet, OutletLean, Ownership } from '../types';
import { clip, LIMITS, safeHttpUrl } from '../limits';
import { stripMirrorPrefix } from './domain';

export const OUTLET_LIMITS = {
  id: 100,
  name: LIMITS.siteName,
  /** A few domains per outlet (regional editions, old names); more is a data error. */
  domains: 20,
  /** DNS names are at most 253 characters. */
  domain: 253,
  /** Feeds per outlet: sections of one outlet, not a whole directory. */
  feeds: 30,
  leanValue: 40,
  leanSource: 200,
} as const;

export const OWNERSHIP_KINDS: readonly Ownership[] = ['public-broadcaster', 'state-owned', 'private', 'nonprofit', 'cooperative', 'unknown'];

export interface OutletValidation {
  /** The cleaned outlet, absent when its identity is unusable. */
  outlet?: Outlet;
  /** Human-readable problems, one per dropped or rejected part. */
  errors: string[];
}

const ID_PATTERN = /^[a-z0-9][a-z0-9:._-]*$/;
const DOMAIN_PATTERN = /^(?=.{1,253}$)(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z][a-z0-9-]{0,62}$/;
const COUNTRY_PATTERN = /^(?:[A-Z]{2}|INT)$/;
const LANGUAGE_PATTERN = /^[a-z]{2,3}(?:-[a-z0-9]{1,8})*$/i;

/** C0 controls and DEL: never meaningful in a name, and invalid in the XML of an OPML export. */
// eslint-disable-next-line no-control-regex
const CONTROL_CHARS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g;

function text(value: unknown, max: number): string {
  return typeof value === 'string' ? clip(value.replace(CONTROL_CHARS, '').replace(/\s+/g, ' ').trim(), max) : '';
}

function list(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

function cleanDomains(value: unknown, errors: string[]): string[] {
  const out = new Set<string>();
  for (const raw of list(value).slice(0, OUTLET_LIMITS.domains)) {
    const domain = typeof raw === 'string' ? stripMirrorPrefix(raw.trim().toLowerCase().replace(/\.$/, '')) : '';
    if (DOMAIN_PATTERN.test(domain)) out.add(domain);
    else errors.push(`domain dropped: ${clip(String(raw), 80)}`);
  }
  if (list(value).length > OUTLET_LIMITS.domains) errors.push(`only the first ${OUTLET_LIMITS.domains} domains kept`);
  return [...out];
}

function cleanFeeds(value: unknown, errors: string[]): string[] {
  const out = new Set<string>();
  for (const raw of list(value).slice(0, OUTLET_LIMITS.feeds)) {
    const url = safeHttpUrl(raw);
    if (url) out.add(url);
    else errors.push(`feed dropped (http(s) URLs only): ${clip(String(raw), 80)}`);
  }
  if (list(value).length > OUTLET_LIMITS.feeds) errors.push(`only the first ${OUTLET_LIMITS.feeds} feeds kept`);
  return [...out];
}

function cleanLean(value: unknown, errors: string[]): OutletLean | undefined {
  if (value === undefined || value === null) return undefined;
  const raw = value as Partial<OutletLean>;
  const lean = { value: text(raw.value, OUTLET_LIMITS.leanValue), source: text(raw.source, OUTLET_LIMITS.leanSource) };
  if (lean.value && lean.source) return lean;
  errors.push('lean dropped: a lean needs both a value and the public rating it comes from');
  return undefined;
}

function cleanOwnership(value: unknown, errors: string[]): Ownership {
  if (OWNERSHIP_KINDS.includes(value as Ownership)) return value as Ownership;
  if (value !== undefined) errors.push(`ownership "${clip(String(value), 40)}" unknown, set to "unknown"`);
  return 'unknown';
}

function cleanCountry(value: unknown, errors: string[]): string {
  const country = text(value, 3).toUpperCase();
  if (country === '' || COUNTRY_PATTERN.test(country)) return country;
  errors.push(`country "${country}" is not an ISO 3166 alpha-2 code, left empty`);
  return '';
}

function cleanLanguage(value: unknown, errors: string[]): string {
  const language = text(value, LIMITS.language);
  if (language === '' || LANGUAGE_PATTERN.test(language)) return language;
  errors.push(`language "${language}" is not a BCP 47 tag, left empty`);
  return '';
}

/** Checks and cleans one outlet from an untrusted source (see the file comment for the rules). */
export function validateOutlet(input: unknown): OutletValidation {
  const errors: string[] = [];
  if (typeof input !== 'object' || input === null) return { errors: ['not an object'] };
  const raw = input as Record<string, unknown>;
  const id = text(raw.id, OUTLET_LIMITS.id).toLowerCase();
  const name = text(raw.name, OUTLET_LIMITS.name);
  const domains = cleanDomains(raw.domains, errors);
  if (!ID_PATTERN.test(id)) errors.push('id missing or not made of a-z, 0-9, ":", ".", "_", "-"');
  if (!name) errors.push('name missing');
  if (domains.length === 0) errors.push('no valid domain');
  if (!ID_PATTERN.test(id) || !name || domains.length === 0) return { errors };
  const outlet: Outlet = {
    id,
    name,
    domains,
    country: cleanCountry(raw.country, errors),
    language: cleanLanguage(raw.language, errors),
    ownership: cleanOwnership(raw.ownership, errors),
    stateAffiliated: raw.stateAffiliated === true || raw.stateAffiliated === 'true',
    feeds: cleanFeeds(raw.feeds, errors),
  };
  const lean = cleanLean(raw.lean, errors);
  if (lean) outlet.lean = lean;
  return { outlet, errors };
}
