// `npm run --silent bench -- <name> [args]` (../shared/EVAL.md). Each benchmark lives in
// tests/bench/<name>.ts and exports `bench(args)`; it prints its readable summary as it goes and
// returns the JSON object that this file prints as the last line of stdout.
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));

async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || !/^[a-z][a-z0-9-]*$/.test(name)) {
    process.stderr.write('usage: npm run --silent bench -- <name>\n');
    return 2;
  }
  const modulePath = join(here, '..', 'bench', `${name}.ts`);
  if (!existsSync(modulePath)) {
    process.stderr.write(`bench: unknown benchmark "${name}"\n`);
    return 2;
  }
  const mod = (await import(pathToFileURL(modulePath).href)) as { bench(args: string[]): Promise<Record<string, unknown>> };
  try {
    const json = await mod.bench(rest);
    process.stdout.write(JSON.stringify(json) + '\n');
    return 0;
  } catch (error) {
    process.stderr.write(`bench ${name}: could not run: ${error instanceof Error ? error.stack ?? error.message : String(error)}\n`);
    return 1;
  }
}

process.exitCode = await main(process.argv.slice(2));
