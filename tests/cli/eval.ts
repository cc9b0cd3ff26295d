// `npm run --silent eval -- <task> <split-folder> [--limit=N] [--engine-only]` (../shared/EVAL.md).
// Each task lives in tests/eval/<task>.ts and exports `evaluate(folder, options)`; this file only
// dispatches and prints. `--limit=N` is a quick pass for tasks that honour it (triplets: the
// file's first N triplets); without it every item is scored. `--engine-only` skips the reference
// rankers for tasks that honour it (triplets: TF-IDF and BM25 over all snippets are most of its
// 35 minutes; the engine alone takes about 7): the JSON's `baseline` is then `{ "skipped": true }`.
// Contract: a readable summary, then one JSON object as the last line of stdout; exit 0 when the
// evaluation ran (whatever the score), non-zero with the reason when it could not.
import { existsSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export interface EvalResult {
  /** Lines printed before the JSON line. */
  summary: string[];
  /** The JSON object printed last: task, n, metrics, baseline. */
  json: { task: string; n: number; baseline: Record<string, unknown>; [metric: string]: unknown };
}

const here = dirname(fileURLToPath(import.meta.url));

async function main(argv: string[]): Promise<number> {
  const limitArg = argv.find((a) => a.startsWith('--limit='));
  const [task, folder] = argv.filter((a) => !a.startsWith('--'));
  const engineOnly = argv.includes('--engine-only');
  const limit = limitArg ? Number(limitArg.slice('--limit='.length)) : undefined;
  if (limit !== undefined && !(Number.isInteger(limit) && limit > 0)) {
    process.stderr.write(`eval: --limit must be a positive integer: ${limitArg}\n`);
    return 2;
  }
  if (!task || !/^[a-z][a-z0-9-]*$/.test(task) || !folder) {
    process.stderr.write('usage: npm run --silent eval -- <task> <split-folder> [--limit=N] [--engine-only]\n');
    return 2;
  }
  const modulePath = join(here, '..', 'eval', `${task}.ts`);
  if (!existsSync(modulePath)) {
    process.stderr.write(`eval: unknown task "${task}"\n`);
    return 2;
  }
  if (!existsSync(folder) || !statSync(folder).isDirectory()) {
    process.stderr.write(`eval: folder not found: ${folder}\n`);
    return 2;
  }
  const mod = (await import(pathToFileURL(modulePath).href)) as { evaluate(folder: string, options?: { limit?: number; engineOnly?: boolean }): Promise<EvalResult> };
  let result: EvalResult;
  try {
    result = await mod.evaluate(folder, { ...(limit === undefined ? {} : { limit }), ...(engineOnly ? { engineOnly } : {}) });
  } catch (error) {
    process.stderr.write(`eval ${task}: could not run: ${error instanceof Error ? error.message : String(error)}\n`);
    return 1;
  }
  process.stdout.write(result.summary.join('\n') + '\n');
  process.stdout.write(JSON.stringify(result.json) + '\n');
  return 0;
}

process.exitCode = await main(process.argv.slice(2));
