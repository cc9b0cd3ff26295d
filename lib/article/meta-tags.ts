// The page's <meta> tags read once into a map: key (property, name or itemprop, lower case) →
// contents in document order. One pass keeps detection cheap.

/** Meta tags read per page: real heads carry a few hundred at most. */
export const MAX_META = 1500;

export type MetaMap = Map<string, string[]>;

export function readMeta(doc: Document): MetaMap {
  return metaMap(doc.getElementsByTagName('meta'));
}

/** The map of the given meta elements (the first MAX_META of them). */
export function metaMap(metas: ArrayLike<Element>): MetaMap {
  const map: MetaMap = new Map();
  const count = Math.min(metas.length, MAX_META);
  for (let i = 0; i < count; i++) {
    const el = metas[i];
    const key = (el.getAttribute('property') ?? el.getAttribute('name') ?? el.getAttribute('itemprop') ?? '').trim().toLowerCase();
    const content = el.getAttribute('content');
    if (!key || content === null || content.trim() === '') continue;
    const list = map.get(key);
    if (list) list.push(content.trim());
    else map.set(key, [content.trim()]);
  }
  return map;
}

/** The first content among the keys, in the order given (callers list the most trusted first). */
export function metaValue(meta: MetaMap, keys: readonly string[]): string | undefined {
  for (const key of keys) {
    const value = meta.get(key)?.[0];
    if (value) return value;
  }
  return undefined;
}

export function metaValues(meta: MetaMap, keys: readonly string[]): string[] {
  return keys.flatMap((key) => meta.get(key) ?? []);
}
