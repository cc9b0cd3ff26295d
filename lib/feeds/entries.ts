// feedsmith returns each format in its own shape (RSS items, Atom entries, RDF items, JSON Feed
// items). These adapters reduce them to one flat, still-untrusted record; parse.ts cleans and
// bounds it. Values are read defensively: feedsmith types describe well-formed feeds, and the
// feeds we fetch are not.

export type FeedFormat = 'rss' | 'atom' | 'rdf' | 'json';

export interface RawEntry {
  guid?: string;
  title?: string;
  link?: string;
  /** Short HTML or text summary. */
  summary?: string;
  /** Full HTML or text content when the feed carries it. */
  content?: string;
  published?: string;
  modified?: string;
  authors: string[];
  categories: string[];
  language?: string;
}

export interface RawFeed {
  title?: string;
  link?: string;
  language?: string;
  entries: RawEntry[];
}

type Loose = Record<string, unknown>;

function obj(value: unknown): Loose {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Loose) : {};
}

function arr(value: unknown): unknown[] {
  return Array.isArray(value) ? value : value === undefined || value === null ? [] : [value];
}

/** A string from a string, a number, or an Atom text construct `{ value }`. */
function str(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return String(value);
  if (typeof value === 'object' && value !== null && 'value' in value) return str((value as Loose).value);
  return undefined;
}

function strings(values: unknown[], pick: (value: unknown) => unknown = (value) => value): string[] {
  return values.map((value) => str(pick(value))).filter((value): value is string => Boolean(value && value.trim()));
}

/** RSS authors may be "email (Name)" (feedsmith splits it) or bare names. */
function personName(value: unknown): unknown {
  if (typeof value === 'string') return value;
  const person = obj(value);
  return person.name ?? person.email;
}

function dublinCore(item: Loose): { creators: string[]; dates: string[]; subjects: string[] } {
  const dc = obj(item.dc);
  return { creators: strings(arr(dc.creators ?? dc.creator)), dates: strings(arr(dc.dates ?? dc.date)), subjects: strings(arr(dc.subjects ?? dc.subject)) };
}

function fromRssItem(raw: unknown): RawEntry {
  const item = obj(raw);
  const dc = dublinCore(item);
  const guid = obj(item.guid);
  const guidValue = str(guid.value) ?? str(item.guid);
  // A permalink guid is the article's URL when <link> is missing (RSS 2.0 spec, <guid>).
  const guidIsLink = guid.isPermaLink !== false && /^https?:/i.test(guidValue ?? '');
  return {
    guid: guidValue,
    title: str(item.title),
    link: str(item.link) ?? (guidIsLink ? guidValue : undefined),
    summary: str(item.description),
    content: str(obj(item.content).encoded),
    published: str(item.pubDate) ?? dc.dates[0],
    modified: str(obj(item.atom).updated),
    authors: [...strings(arr(item.authors), personName), ...dc.creators],
    categories: [...strings(arr(item.categories), (c) => obj(c).name ?? c), ...dc.subjects],
  };
}

function atomLink(links: unknown[]): string | undefined {
  const all = links.map(obj);
  const alternate = all.find((link) => !link.rel || link.rel === 'alternate');
  return str((alternate ?? all[0])?.href);
}

function fromAtomEntry(raw: unknown): RawEntry {
  const entry = obj(raw);
  return {
    guid: str(entry.id),
    title: str(entry.title),
    link: atomLink(arr(entry.links)),
    summary: str(entry.summary),
    content: str(entry.content),
    published: str(entry.published) ?? dublinCore(entry).dates[0] ?? str(entry.updated),
    modified: str(entry.updated),
    authors: strings(arr(entry.authors), personName),
    categories: strings(arr(entry.categories), (c) => obj(c).label ?? obj(c).term),
  };
}

function fromRdfItem(raw: unknown): RawEntry {
  const item = obj(raw);
  const dc = dublinCore(item);
  return {
    guid: str(obj(item.rdf).about) ?? str(item.link),
    title: str(item.title),
    link: str(item.link),
    summary: str(item.description),
    content: str(obj(item.content).encoded),
    published: dc.dates[0],
    authors: dc.creators,
    categories: dc.subjects,
  };
}

function fromJsonItem(raw: unknown): RawEntry {
  const item = obj(raw);
  return {
    guid: str(item.id),
    title: str(item.title),
    link: str(item.url) ?? str(item.external_url),
    summary: str(item.summary),
    content: str(item.content_html) ?? str(item.content_text),
    published: str(item.date_published),
    modified: str(item.date_modified),
    authors: strings(arr(item.authors), personName),
    categories: strings(arr(item.tags)),
    language: str(item.language),
  };
}

/** The flat view of a feedsmith result. */
export function toRawFeed(format: FeedFormat, parsed: unknown): RawFeed {
  const feed = obj(parsed);
  if (format === 'atom') {
    return { title: str(feed.title), link: atomLink(arr(feed.links)), language: str(obj(feed.xml).lang), entries: arr(feed.entries).map(fromAtomEntry) };
  }
  if (format === 'json') {
    return { title: str(feed.title), link: str(feed.home_page_url), language: str(feed.language), entries: arr(feed.items).map(fromJsonItem) };
  }
  const entries = arr(feed.items).map(format === 'rdf' ? fromRdfItem : fromRssItem);
  return { title: str(feed.title), link: str(feed.link), language: str(feed.language) ?? str(arr(obj(feed.dc).languages)[0]) ?? str(obj(feed.dc).language), entries };
}
