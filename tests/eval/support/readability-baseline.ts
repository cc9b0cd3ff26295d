// The reference methods of EVAL.md, run in the same process on the same parsed pages.
import { isProbablyReaderable, Readability } from '@mozilla/readability';

export interface ReadabilityOutput {
  title: string;
  text: string;
}

/** Readability's parse alone, on a clone, as the baseline and the benchmark's yardstick. */
export function readabilityParse(doc: Document): ReadabilityOutput {
  try {
    const clone = doc.cloneNode(true) as Document;
    const parsed = new Readability(clone).parse();
    return { title: parsed?.title ?? '', text: parsed?.textContent ?? '' };
  } catch {
    return { title: '', text: '' };
  }
}

export function readerable(doc: Document): boolean {
  try {
    return isProbablyReaderable(doc);
  } catch {
    return false;
  }
}
