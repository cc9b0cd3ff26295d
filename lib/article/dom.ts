// Small DOM helpers that stand in for selector queries in the hot paths. A browser runs selectors
// natively, but DOM libraries without a native engine (the evaluation's, and jsdom's) compile every
// selector on every call; these loops cost the same in both.

/** Calls `visit` on `root` and every element under it in document order, with its depth below
 * `root` (0 for `root`), until it returns true. Walks by firstElementChild / nextElementSibling /
 * parentElement: no allocation, no selector, no recursion. */
export function eachElement(root: Element, visit: (el: Element, depth: number) => boolean | void): void {
  let el: Element | null = root;
  let depth = 0;
  while (el) {
    if (visit(el, depth)) return;
    let next: Element | null = el.firstElementChild;
    if (next) depth++;
    else {
      // Up to the nearest ancestor (below root) that has a next sibling.
      let up: Element | null = el;
      while (up && up !== root && !(next = up.nextElementSibling)) {
        up = up.parentElement;
        depth--;
      }
      if (!up || up === root) next = null;
    }
    el = next;
  }
}

/** The element or its nearest ancestor that passes `test`, as Element.closest with a selector. */
export function closestWhere(el: Element, test: (el: Element) => boolean): Element | null {
  for (let node: Element | null = el; node; node = node.parentElement) if (test(node)) return node;
  return null;
}

/** Whether the element's class attribute matches `pattern` (a case-insensitive word list, as
 * `[class*="part" i]` selects for each word). */
export function classMatches(el: Element, pattern: RegExp): boolean {
  const value = el.getAttribute('class');
  return value !== null && pattern.test(value);
}

/** Whether a whitespace-separated attribute value holds `token` (lower case) in any case, as
 * `[attr~="token" i]` selects. */
export function hasToken(value: string | null, token: string): boolean {
  if (value === null || value.length < token.length) return false;
  const lower = value.toLowerCase();
  if (!lower.includes(token)) return false;
  return lower.split(/[ \t\n\f\r]+/).includes(token);
}
