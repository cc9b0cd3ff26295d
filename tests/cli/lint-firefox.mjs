// Mozilla's addons-linter on the Firefox build: fails on any error, prints the findings.
import { spawnSync } from 'node:child_process';

const dir = process.argv[2] ?? '.output/firefox-mv3';
const result = spawnSync('npx', ['addons-linter', '--self-hosted', '--output', 'json', dir], { encoding: 'utf8' });
let report;
try {
  report = JSON.parse(result.stdout);
} catch {
  console.error(result.stdout, result.stderr);
  process.exit(1);
}
const { errors = [], warnings = [] } = report;
for (const e of errors) console.log(`error   ${e.code}: ${e.message} (${e.file ?? ''})`);
for (const w of warnings) console.log(`warning ${w.code}: ${w.message} (${w.file ?? ''})`);
console.log(`addons-linter: ${errors.length} errors, ${warnings.length} warnings`);
process.exit(errors.length === 0 ? 0 : 1);
