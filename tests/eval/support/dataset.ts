// Locating a task's files inside a split folder and reading its JSON lines. The folder may be the
// dataset's split (`<dataset>/dev`) or a parent that holds `<dataset>/` (EVAL.md's table).
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** Returns the folder that holds `marker`: `folder` itself or `folder/<dataset>`. */
export function taskFolder(folder: string, dataset: string, marker: string): string {
  for (const candidate of [folder, join(folder, dataset), join(folder, dataset, 'dev')]) {
    if (existsSync(join(candidate, marker))) return candidate;
  }
  throw new Error(`${marker} not found in ${folder} (expected a ${dataset} split folder)`);
}

export function readJsonLines<T>(path: string): T[] {
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((line) => line.trim().length > 0)
    .map((line) => JSON.parse(line) as T);
}

export function median(values: number[]): number {
  return quantile(values, 0.5);
}

export function quantile(values: number[], q: number): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  const pos = (sorted.length - 1) * q;
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  return sorted[lo] + (sorted[hi] - sorted[lo]) * (pos - lo);
}
