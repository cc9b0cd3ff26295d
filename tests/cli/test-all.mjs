// `npm test`: typecheck, lint, unit + integration tests, both builds, addons-linter on the
// Firefox build, then the end-to-end suites in real browsers. Each step's output is shown only
// when it fails; the last line is the plain "N passed, N failed" count over all test runners.
import { spawn } from 'node:child_process';

const STEPS = [
  { name: 'typecheck', cmd: 'npx', args: ['tsc', '--noEmit'] },
  { name: 'lint', cmd: 'npx', args: ['eslint', '.', '--max-warnings=0'] },
  { name: 'unit + integration tests', cmd: 'npx', args: ['vitest', 'run'], counts: 'vitest' },
  { name: 'build and zip chrome-mv3', cmd: 'npx', args: ['wxt', 'zip'] },
  { name: 'build and zip firefox-mv3', cmd: 'npx', args: ['wxt', 'zip', '-b', 'firefox', '--mv3'] },
  { name: 'build chrome-mv3-demo (end-to-end)', cmd: 'npx', args: ['wxt', 'build', '--mode', 'demo'] },
  { name: 'addons-linter (firefox-mv3)', cmd: 'node', args: ['tests/cli/lint-firefox.mjs'] },
  { name: 'end-to-end (Firefox ESR)', cmd: 'node', args: ['--import', 'tsx', '--test', '--test-concurrency=1', 'tests/e2e/firefox.test.ts'], counts: 'node' },
  { name: 'manifests and end-to-end (Chromium)', cmd: 'node', args: ['--import', 'tsx', '--test', '--test-concurrency=1', 'tests/e2e/manifest.test.ts', 'tests/e2e/chromium.test.ts', 'tests/e2e/ui.test.ts', 'tests/e2e/durability.test.ts', 'tests/e2e/feeds.test.ts', 'tests/e2e/full-text.test.ts'], counts: 'node' },
];

function run(step) {
  return new Promise((resolve) => {
    const started = Date.now();
    const child = spawn(step.cmd, step.args, { env: { ...process.env, FORCE_COLOR: '0', NO_COLOR: '1' } });
    let output = '';
    child.stdout.on('data', (d) => (output += d));
    child.stderr.on('data', (d) => (output += d));
    child.on('close', (code) => resolve({ code: code ?? 1, output, seconds: (Date.now() - started) / 1000 }));
  });
}

function countTests(kind, output) {
  if (kind === 'vitest') {
    const line = output.split('\n').find((l) => /^\s*Tests\s+/.test(l)) ?? '';
    const num = (label) => Number(line.match(new RegExp(`(\\d+) ${label}`))?.[1] ?? 0);
    return { passed: num('passed'), failed: num('failed'), skipped: num('skipped') };
  }
  const num = (label) => Number(output.match(new RegExp(`^# ${label} (\\d+)`, 'm'))?.[1] ?? 0);
  return { passed: num('pass'), failed: num('fail'), skipped: num('skipped') + num('todo') };
}

const only = process.argv.slice(2);
const totals = { passed: 0, failed: 0, skipped: 0 };
let failedStep = null;
for (const step of STEPS) {
  if (only.length > 0 && !only.some((o) => step.name.includes(o))) continue;
  const result = await run(step);
  if (step.counts) {
    const c = countTests(step.counts, result.output);
    totals.passed += c.passed;
    totals.failed += c.failed;
    totals.skipped += c.skipped;
  }
  const ok = result.code === 0;
  console.log(`${ok ? 'ok  ' : 'FAIL'} ${step.name} (${result.seconds.toFixed(1)} s)`);
  if (!ok) {
    console.log(result.output.trimEnd());
    failedStep = step.name;
    break;
  }
}
if (failedStep) console.log(`\nnpm test failed at: ${failedStep}`);
console.log(`${totals.passed} passed, ${totals.failed} failed${totals.skipped ? `, ${totals.skipped} skipped` : ''}`);
process.exitCode = failedStep ? 1 : 0;
