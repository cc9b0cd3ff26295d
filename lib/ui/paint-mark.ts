// The views' "painted with data" marks, read by the benchmark (tests/bench/ui.ts). Element Timing
// reports when the browser actually presented an element (the frame's paint, not the commit of
// the DOM), so the mark is timed on the later of the given elements' first paints. Where Element
// Timing is missing, the mark falls back to the end of the frame after the commit.

/** An Element Timing entry (not in TypeScript's DOM library yet). */
interface ElementTiming extends PerformanceEntry {
  identifier: string;
  renderTime: number;
}

function elementTimingSupported(): boolean {
  return typeof PerformanceObserver !== 'undefined' && (PerformanceObserver.supportedEntryTypes ?? []).includes('element');
}

/**
 * Marks `name` (a performance mark) at the first paint that showed every element carrying one of
 * `identifiers` in its `elementtiming` attribute. Call once the elements are committed.
 */
export function markWhenPainted(name: string, identifiers: readonly string[]): void {
  if (!elementTimingSupported()) {
    requestAnimationFrame(() => setTimeout(() => performance.mark(name), 0));
    return;
  }
  const painted = new Map<string, number>();
  const observer = new PerformanceObserver((list) => {
    for (const entry of list.getEntries() as ElementTiming[]) {
      if (identifiers.includes(entry.identifier) && !painted.has(entry.identifier)) painted.set(entry.identifier, entry.renderTime || entry.startTime);
    }
    if (identifiers.every((id) => painted.has(id))) {
      observer.disconnect();
      performance.mark(name, { startTime: Math.max(...painted.values()) });
    }
  });
  observer.observe({ type: 'element', buffered: true });
}
