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
  targets: Record<string, number>;
}

const CASES: Case[] = [
  { task: 'perspectives', folder: 'allsides-neus/dev', targets: { precision: 0.92, recall: 0.85, mrr: 0.95 } },
  { task: 'triplets', folder: 'allsides-neus/dev', targets: { mrr: 0.85 } },
  { task: 'trail', folder: 'timeline17/dev', targets: { trail_precision: 0.95, date_f1: 0.45 } },
  { task: 'cluster', folder: 'msvcode-news-search-clustering/dev', targets: { bcubed_f1: 0.62 } },
];

describe('story engine on the shared evaluation data (dev splits)', () => {
  for (const c of CASES) {
    const folder = resolve(data, c.folder);
    const present = existsSync(folder);
    if (!present) console.warn(`engine-eval: skipping ${c.task}: ${folder} is absent (a clone outside this workplace)`);
    it.skipIf(!present)(
      `${c.task} meets its targets`,
      async () => {
        const mod = (await import(`../eval/${c.task}.ts`)) as { evaluate(folder: string): Promise<EvalResult> };
        const result = await mod.evaluate(folder);
        console.log(result.summary.join('\n'));
        for (const [metric, target] of Object.entries(c.targets)) {
          expect(result.json[metric] as number, `${c.task} ${metric} (baseline ${JSON.stringify(result.json.baseline)})`).toBeGreaterThanOrEqual(target);
        }
      },
      TIMEOUT_MS,
    );
  }
});
