// Schemas of stored records, for imports: every line of an import file is checked against these
// before anything is written. Bounded like everything else that crosses a boundary.
import * as v from 'valibot';
import { LIMITS } from '../limits';

const text = (max: number) => v.pipe(v.string(), v.maxLength(max));
const list = <T extends v.GenericSchema>(item: T, max: number) => v.pipe(v.array(item), v.maxLength(max));
const id = v.pipe(v.string(), v.minLength(1), v.maxLength(300));
const time = v.pipe(v.number(), v.finite());
const httpUrl = v.pipe(v.string(), v.maxLength(LIMITS.url), v.regex(/^https?:\/\//i, 'must be an http(s) URL'));
const weighted = list(v.object({ term: text(200), weight: v.pipe(v.number(), v.finite()) }), 500);
const entities = v.object({
  people: list(text(LIMITS.entity), LIMITS.entities),
  places: list(text(LIMITS.entity), LIMITS.entities),
  organisations: list(text(LIMITS.entity), LIMITS.entities),
});
const quote = v.object({ text: text(LIMITS.quote), speaker: text(LIMITS.speaker), paragraph: v.number(), offset: v.number() });

export const outletRecord = v.object({
  id,
  name: text(200),
  domains: list(text(253), 50),
  country: text(8),
  language: text(LIMITS.language),
  ownership: v.picklist(['public-broadcaster', 'state-owned', 'private', 'nonprofit', 'cooperative', 'unknown']),
  stateAffiliated: v.boolean(),
  lean: v.optional(v.object({ value: text(40), source: text(200) })),
  feeds: list(httpUrl, 20),
});

export const articleRecord = v.looseObject({
  id,
  url: httpUrl,
  outletId: id,
  outletName: text(200),
  domain: text(253),
  title: text(LIMITS.title),
  dek: text(LIMITS.dek * 2),
  byline: text(LIMITS.byline * LIMITS.bylines),
  published: time,
  publishedKnown: v.boolean(),
  modified: v.optional(time),
  language: text(LIMITS.language),
  section: text(LIMITS.section),
  tags: list(text(LIMITS.tag), LIMITS.tags),
  terms: weighted,
  termKeys: list(text(200), 500),
  entities,
  quotes: list(quote, LIMITS.quotes),
  body: text(LIMITS.body),
  wordCount: v.number(),
  source: v.picklist(['visit', 'feed', 'import']),
  eventId: text(300),
  storyId: text(300),
  readAt: time,
  firstSeen: time,
  updatedAt: time,
});

export const eventRecord = v.looseObject({
  id,
  storyId: text(300),
  articleIds: list(id, 100_000),
  outletIds: list(id, 10_000),
  centroid: weighted,
  start: time,
  end: time,
  label: text(LIMITS.title),
  updatedAt: time,
});

export const storyRecord = v.looseObject({
  id,
  eventIds: list(id, 100_000),
  centroid: weighted,
  start: time,
  end: time,
  label: text(LIMITS.title),
  lastOpenedAt: time,
  updatedAt: time,
});

export const metaRecord = v.object({ key: text(3000), value: v.unknown() });

export const termRecord = v.object({ term: text(200), df: v.pipe(v.number(), v.integer(), v.minValue(0)) });

export const RECORD_SCHEMAS = {
  outlets: outletRecord,
  articles: articleRecord,
  events: eventRecord,
  stories: storyRecord,
  meta: metaRecord,
  terms: termRecord,
} as const;

export type ExportTable = keyof typeof RECORD_SCHEMAS;
export const EXPORT_TABLES = Object.keys(RECORD_SCHEMAS) as ExportTable[];
