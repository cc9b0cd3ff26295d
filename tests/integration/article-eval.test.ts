// The four article evaluations of ../shared/EVAL.md over ../shared/data/*/dev, failing below the
// targets of issue 3. Skips, saying why, where the shared data is absent (a fresh clone).
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { EvalResult } from '../cli/eval';
import { evaluate as evaluateDates } from '../eval/dates';
import { evaluate as evaluateDetect } from '../eval/detect';
import { evaluate as evaluateExtract } from '../eval/extract';
import { evaluate as evaluateMetadata } from '../eval/metadata';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const dataRoot = resolve(repoRoot, '..', 'shared', 'data');
/** Each evaluation reads a few hundred real pages; the slowest takes about a minute on 2 cores. */
const EVAL_TIMEOUT_MS = 240_000;

interface Task {
  name: string;
  dataset: string;
  evaluate: (folder: string) => Promise<EvalResult>;
  targets: Record<string, number>;
}

const TASKS: Task[] = [
  { name: 'detect', dataset: 'news-article-detection', evaluate: evaluateDetect, targets: { f1: 0.95, precision: 0.97 } },
  { name: 'extract', dataset: 'zyte-article-extraction-benchmark', evaluate: evaluateExtract, targets: { f1: 0.96 } },
  { name: 'metadata', dataset: 'msvcode-web-extraction', evaluate: evaluateMetadata, targets: { title_accuracy: 0.9, body_f1: 0.94 } },
  { name: 'dates', dataset: 'htmldate-publication-dates', evaluate: evaluateDates, targets: { accuracy: 0.9 } },
];

for (const task of TASKS) {
  const folder = join(dataRoot, task.dataset, 'dev');
  const present = existsSync(folder);
  describe.skipIf(!present)(`eval ${task.name} on ${task.dataset}/dev`, () => {
    it(`meets ${Object.entries(task.targets).map(([k, v]) => `${k} ≥ ${v}`).join(', ')}`, async () => {
      const { json } = await task.evaluate(folder);
      for (const [metric, target] of Object.entries(task.targets)) {
        expect(json[metric], `${task.name} ${metric} (baseline ${JSON.stringify(json.baseline)})`).toBeGreaterThanOrEqual(target);
      }
    }, EVAL_TIMEOUT_MS);
  });
  if (!present) {
    describe(`eval ${task.name}`, () => {
      it.skip(`skipped: ${folder} not found (the shared evaluation data lives beside the checkout in this workplace only)`, () => {});
    });
  }
}
