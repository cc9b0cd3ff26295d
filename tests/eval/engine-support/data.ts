// Reading the evaluation splits (JSON lines, optionally gzipped). Nothing here knows any
// particular item: the engine sees only what an outlet would publish.
import { existsSync, readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';

export function readJsonl<T>(path: string): T[] {
  if (!existsSync(path)) throw new Error(`missing file: ${path}`);
  const raw = readFileSync(path);
  const text = path.endsWith('.gz') ? gunzipSync(raw).toString('utf8') : raw.toString('utf8');
  return text
    .split('\n')
    .filter((line) => line.trim().length > 0)
    .map((line, i) => {
      try {
        return JSON.parse(line) as T;
      } catch {
        throw new Error(`${path}: line ${i + 1} is not JSON`);
      }
    });
}

/** A stable outlet id from a display name ("Fox News (Online News)" → "fox-news-online-news"). */
export function outletIdOf(name: string): string {
  return name.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '-').replace(/^-|-$/g, '') || 'unknown';
}

export function round(value: number, digits = 3): number {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}
