// OPML import/export of the outlet list. Each feed is one `<outline type="rss">` that any feed
// reader understands; the outlet's axes ride along as extra attributes (OPML 2.0 allows arbitrary
// outline attributes), so a Threadline export re-imports losslessly and a plain feed-reader
// export still yields one provisional outlet per site. An outlet without feeds is exported as an
// outline without xmlUrl so that it survives the round trip.
//
// Parsing goes through feedsmith's OPML parser (fast-xml-parser underneath, no DOMParser, so it
// runs in the MV3 service worker): it never expands DTD entities (billion laughs and external
// entities stay inert text) and caps tag nesting. We also cap the input size and outline count.
import { generateOpml, parseOpml } from 'feedsmith';
import type { Outlet } from '../types';
import { safeHttpUrl } from '../limits';
import { outletFromUnknownSite } from './lookup';
import { validateOutlet } from './validate';

/** An OPML file of a few thousand feeds is ~1 MB; 5 MB leaves room without risking memory. */
export const OPML_MAX_CHARS = 5_000_000;
/** Outlines read from one file; more is not a subscription list but an attack or a mistake. */
export const OPML_MAX_OUTLINES = 10_000;
/** Category folders nest a level or two in practice. */
const MAX_DEPTH = 8;

const AXIS_ATTRIBUTES = ['outletId', 'outletName', 'domains', 'country', 'ownership', 'stateAffiliated', 'lean', 'leanSource'] as const;

type OutlineAttributes = { [K in (typeof AXIS_ATTRIBUTES)[number]]?: string };
interface Outline extends OutlineAttributes {
  text?: string;
  title?: string;
  type?: string;
  xmlUrl?: string;
  htmlUrl?: string;
  language?: string;
  outlines?: Outline[];
}

export interface OpmlImport {
  outlets: Outlet[];
  errors: string[];
}

function axesOf(outlet: Outlet): OutlineAttributes & { language?: string } {
  return {
    outletId: outlet.id,
    outletName: outlet.name,
    domains: outlet.domains.join(' '),
    country: outlet.country || undefined,
    language: outlet.language || undefined,
    ownership: outlet.ownership,
    stateAffiliated: String(outlet.stateAffiliated),
    lean: outlet.lean?.value,
    leanSource: outlet.lean?.source,
  };
}

/** The outlet list as an OPML 2.0 document, one outline per feed (or per feedless outlet). */
export function outletsToOpml(outlets: readonly Outlet[], title = 'Threadline sources'): string {
  const outlines: Outline[] = [];
  for (const outlet of outlets) {
    const htmlUrl = `https://${outlet.domains[0]}/`;
    if (outlet.feeds.length === 0) outlines.push({ text: outlet.name, htmlUrl, ...axesOf(outlet) });
    for (const feed of outlet.feeds) outlines.push({ text: outlet.name, type: 'rss', xmlUrl: feed, htmlUrl, ...axesOf(outlet) });
  }
  return generateOpml({ head: { title }, body: { outlines: outlines.map(withoutUndefined) } }, { extraOutlineAttributes: AXIS_ATTRIBUTES });
}

function withoutUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}

/** Flattens category folders into leaf outlines, depth- and count-bounded. */
function leaves(outlines: Outline[] | undefined, depth: number, out: Outline[]): void {
  for (const outline of outlines ?? []) {
    if (out.length >= OPML_MAX_OUTLINES) return;
    const children = depth < MAX_DEPTH ? outline.outlines : undefined;
    if (outline.xmlUrl || outline.outletId || !children?.length) out.push(outline);
    if (children?.length) leaves(children, depth + 1, out);
  }
}

function keyOf(outline: Outline): string | undefined {
  if (outline.outletId) return outline.outletId.toLowerCase();
  const site = safeHttpUrl(outline.htmlUrl) ?? safeHttpUrl(outline.xmlUrl);
  return site ? outletFromUnknownSite(site)?.id : undefined;
}

/** The raw outlet record an outline describes, before validation. */
function draftOf(outline: Outline, key: string): Record<string, unknown> {
  const name = outline.outletName ?? outline.text ?? outline.title;
  const site = safeHttpUrl(outline.htmlUrl) ?? safeHttpUrl(outline.xmlUrl) ?? '';
  const provisional = outletFromUnknownSite(site, name);
  return {
    id: key,
    name: name ?? provisional?.name,
    domains: outline.domains ? outline.domains.split(/\s+/) : provisional?.domains ?? [],
    country: outline.country,
    language: outline.language,
    ownership: outline.ownership ?? 'unknown',
    stateAffiliated: outline.stateAffiliated === 'true',
    lean: outline.lean || outline.leanSource ? { value: outline.lean, source: outline.leanSource } : undefined,
    feeds: [] as unknown[],
  };
}

/** Reads an OPML document into validated outlets; never throws, problems go to `errors`. */
export function outletsFromOpml(xml: string): OpmlImport {
  if (xml.length > OPML_MAX_CHARS) return { outlets: [], errors: [`OPML file larger than ${OPML_MAX_CHARS} characters`] };
  let outlines: Outline[];
  try {
    const doc = parseOpml(xml, { extraOutlineAttributes: AXIS_ATTRIBUTES }) as { body?: { outlines?: Outline[] } };
    outlines = [];
    leaves(doc.body?.outlines, 0, outlines);
  } catch (error) {
    return { outlets: [], errors: [`not a readable OPML file: ${error instanceof Error ? error.message : String(error)}`] };
  }
  const drafts = new Map<string, Record<string, unknown>>();
  const errors: string[] = [];
  for (const outline of outlines) {
    const key = keyOf(outline);
    if (!key) {
      errors.push(`outline without a usable URL skipped: ${(outline.text ?? '').slice(0, 80)}`);
      continue;
    }
    const draft = drafts.get(key) ?? draftOf(outline, key);
    drafts.set(key, draft);
    if (outline.xmlUrl) (draft.feeds as unknown[]).push(outline.xmlUrl);
  }
  const outlets: Outlet[] = [];
  for (const draft of drafts.values()) {
    const { outlet, errors: problems } = validateOutlet(draft);
    errors.push(...problems.map((problem) => `${String(draft.id)}: ${problem}`));
    if (outlet) outlets.push(outlet);
  }
  return { outlets, errors };
}
