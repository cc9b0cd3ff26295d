// `npm run --silent bench -- match-profile [--from 20000] [--to 25000] [--out file.cpuprofile]`:
// the CPU profile of the extension's service worker while the match bench's synthetic stream is
// ingested from `--from` to `--to` stored articles (tests/bench/match-browser.ts in real
// Chromium, as `bench match --only chromium` runs it). Prints self time by function, heaviest
// first, and the store calls of the profiled range; the whole profile goes to `--out` (DevTools
// opens it).
import { writeFileSync } from 'node:fs';
import { LIMITS } from '../../lib/limits';
import { attachTarget } from '../harness/cdp';
import { launchExtension } from '../harness/extension';
import { bundle, extensionDir } from './match-chromium';

interface CallFrame {
  functionName: string;
  url: string;
  lineNumber: number;
}
interface ProfileNode {
  id: number;
  callFrame: CallFrame;
  hitCount?: number;
}
interface Profile {
  nodes: ProfileNode[];
  startTime: number;
  endTime: number;
  samples?: number[];
  timeDeltas?: number[];
}

/** Sampling period in µs: fine enough for functions of a few µs called thousands of times. */
const SAMPLING_US = 250;
/** Articles per `ingest` call (progress lines; the batches inside are the extension's). */
const STEP = 1_000;

/** Self ms per function (name and line in the bundle), heaviest first. */
export function selfTimes(profile: Profile): { name: string; ms: number }[] {
  const byNode = new Map(profile.nodes.map((n) => [n.id, n]));
  const ms = new Map<string, number>();
  const samples = profile.samples ?? [];
  const deltas = profile.timeDeltas ?? [];
  for (let i = 0; i < samples.length; i++) {
    const frame = byNode.get(samples[i])?.callFrame;
    if (!frame) continue;
    const key = `${frame.functionName || '(anonymous)'}:${frame.lineNumber + 1}`;
    // A sample's time is the gap to the next one.
    ms.set(key, (ms.get(key) ?? 0) + (deltas[i + 1] ?? 0) / 1000);
  }
  return [...ms].map(([name, t]) => ({ name, ms: t })).sort((a, b) => b.ms - a.ms);
}

export async function bench(args: string[]): Promise<Record<string, unknown>> {
  const flag = (name: string, fallback: string) => {
    const i = args.indexOf(name);
    return i >= 0 ? args[i + 1] : fallback;
  };
  const from = Number(flag('--from', '20000'));
  const to = Number(flag('--to', '25000'));
  const out = flag('--out', '/tmp/match-profile.cpuprofile');
  const code = await bundle();
  writeFileSync(out.replace(/\.cpuprofile$/, '') + '.bundle.js', code);
  const ext = await launchExtension({ extDir: extensionDir(args.includes('--build')) });
  const cdp = await ext.context.browser()!.newBrowserCDPSession();
  const { targetInfos } = await cdp.send('Target.getTargets');
  const target = targetInfos.find((t) => t.type === 'service_worker' && t.url.startsWith(`chrome-extension://${ext.extensionId}/`));
  if (!target) throw new Error('no service worker target');
  const session = await attachTarget(cdp, target.targetId);
  const call = <T>(method: string, ...a: unknown[]) =>
    ext.worker.evaluate(([m, x]) => (globalThis as unknown as { __threadlineMatchBench: Record<string, (...y: unknown[]) => Promise<unknown>> }).__threadlineMatchBench[m as string](...(x as unknown[])), [method, a] as const) as Promise<T>;
  try {
    await ext.worker.evaluate(code);
    await call('setup', to + 10, 1);
    let stored = 0;
    while (stored < from) stored = (await call<{ stored: number }>('ingest', Math.min(STEP, from - stored), LIMITS.ingestBatch)).stored;
    console.log(`profile: ${stored} stored, profiling to ${to}`);
    await call('calls');
    await session.send('Profiler.enable');
    await session.send('Profiler.setSamplingInterval', { interval: SAMPLING_US });
    await session.send('Profiler.start');
    let engineMs = 0;
    const t = performance.now();
    while (stored < to) {
      const step = await call<{ stored: number; engine_ms: number }>('ingest', Math.min(STEP, to - stored), LIMITS.ingestBatch);
      stored = step.stored;
      engineMs += step.engine_ms;
    }
    const wall = performance.now() - t;
    const { profile } = await session.send<{ profile: Profile }>('Profiler.stop');
    const storeCalls = await call<Record<string, { n: number; ms: number }>>('calls');
    writeFileSync(out, JSON.stringify(profile));
    const top = selfTimes(profile);
    const total = top.reduce((s, x) => s + x.ms, 0);
    for (const { name, ms } of top.slice(0, 40)) console.log(`${ms.toFixed(0).padStart(8)} ms ${((100 * ms) / total).toFixed(1).padStart(5)}%  ${name}`);
    const storeMs = Object.entries(storeCalls).filter(([k]) => !k.startsWith('batch:')).reduce((s, [, v]) => s + v.ms, 0);
    return { from, to, wall_ms: Math.round(wall), engine_ms: Math.round(engineMs), store_call_ms: storeMs, non_store_ms: Math.round(engineMs - storeMs), sampled_ms: Math.round(total), store_calls: storeCalls, top: top.slice(0, 40).map((x) => ({ ...x, ms: Math.round(x.ms) })) };
  } finally {
    await session.detach();
    await cdp.detach().catch(() => undefined);
    await ext.close();
  }
}
