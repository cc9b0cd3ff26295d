// `npm run --silent bench -- extract [--reps N] [--data <folder>]`: per page, the time of the cheap
// check, of detection and of extraction, beside Readability's parse alone (EVAL.md), over the real
// pages of ../shared/data. Each page is timed `reps` times and its median kept; medians and p95s
// are over pages. Parsing is not timed: the content script gets its document from the browser.
// Nor is its aftermath: a page parsed here lives on the JS heap (a browser's DOM does not), and the
// first calls after the parse pay for collecting it, so every timed function runs once untimed on
// each page first, and the extraction variants and Readability take turns in a rotating order,
// so that none of them always runs first.
import { cpus } from 'node:os';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import { detectArticle, isLikelyArticle } from '../../lib/article/detect';
import { extractArticle } from '../../lib/article/extract';
import { median, quantile, readJsonLines } from '../eval/support/dataset';
import { parsePage, readPage } from '../eval/support/page';
import { readabilityParse } from '../eval/support/readability-baseline';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const DEFAULT_REPS = 3;

interface Page {
  path: string;
  url: string;
  article: boolean;
}

export async function bench(args: string[]): Promise<Record<string, unknown>> {
  const reps = Number(option(args, '--reps') ?? DEFAULT_REPS);
  const data = option(args, '--data') ?? resolve(repoRoot, '..', 'shared', 'data');
  const pages = listPages(data);
  if (pages.length === 0) throw new Error(`no pages under ${data}`);
  const cheap: number[] = [];
  const detect: number[] = [];
  const extract: number[] = [];
  const extractCore: number[] = [];
  const readability: number[] = [];
  for (const page of pages) {
    const { doc } = parsePage(readPage(page.path), page.url);
    if (!page.article) cheap.push(timeIt(reps, () => isLikelyArticle(doc, page.url)));
    detect.push(timeIt(reps, () => detectArticle(doc, page.url)));
    if (page.article) {
      const [full, core, base] = timeInTurns(reps, [
        () => extractArticle(doc, page.url),
        () => extractArticle(doc, page.url, { enrich: false }),
        () => readabilityParse(doc),
      ]);
      extract.push(full);
      extractCore.push(core);
      readability.push(base);
    }
  }
  const result = {
    bench: 'extract',
    pages: pages.length,
    cheap_check_nonarticle_median_ms: round(median(cheap)),
    cheap_check_nonarticle_p95_ms: round(quantile(cheap, 0.95)),
    detect_median_ms: round(median(detect)),
    detect_p95_ms: round(quantile(detect, 0.95)),
    extract_median_ms: round(median(extract)),
    extract_p95_ms: round(quantile(extract, 0.95)),
    extract_without_quotes_entities_median_ms: round(median(extractCore)),
    readability_median_ms: round(median(readability)),
    readability_p95_ms: round(quantile(readability, 0.95)),
    extract_to_readability_ratio: round(median(extract) / median(readability)),
    extract_without_quotes_entities_to_readability_ratio: round(median(extractCore) / median(readability)),
    reps,
    timing: 'one untimed call per function and page, then rounds in rotating order',
    machine: `${cpus()[0]?.model ?? 'unknown'} ×${cpus().length}, Node ${process.version}, linkedom (jsdom fallback)`,
  };
  console.log(`bench extract: ${pages.length} pages (${extract.length} articles, ${cheap.length} non-articles), ${reps} runs each, ${result.machine}`);
  console.log(`  cheap check on non-articles  median ${result.cheap_check_nonarticle_median_ms} ms  p95 ${result.cheap_check_nonarticle_p95_ms} ms`);
  console.log(`  detectArticle                median ${result.detect_median_ms} ms  p95 ${result.detect_p95_ms} ms`);
  console.log(`  extractArticle               median ${result.extract_median_ms} ms  p95 ${result.extract_p95_ms} ms`);
  console.log(`  … without quotes, entities   median ${result.extract_without_quotes_entities_median_ms} ms (${result.extract_without_quotes_entities_to_readability_ratio}×)`);
  console.log(`  Readability parse alone      median ${result.readability_median_ms} ms  p95 ${result.readability_p95_ms} ms`);
  console.log(`  extract / Readability        ${result.extract_to_readability_ratio}× (target ≤ 1.5×)`);
  return result;
}

/** Article pages of the extraction set and both classes of the detection set. */
function listPages(data: string): Page[] {
  const pages: Page[] = [];
  const zyte = join(data, 'zyte-article-extraction-benchmark', 'dev');
  if (existsSync(join(zyte, 'ground-truth.json'))) {
    const truth = JSON.parse(readFileSync(join(zyte, 'ground-truth.json'), 'utf8')) as Record<string, { url: string }>;
    for (const [id, item] of Object.entries(truth)) pages.push({ path: join(zyte, 'html', `${id}.html.gz`), url: item.url, article: true });
  }
  const detection = join(data, 'news-article-detection', 'dev');
  if (existsSync(join(detection, 'labels.jsonl'))) {
    for (const item of readJsonLines<{ file: string; url: string; label: string }>(join(detection, 'labels.jsonl'))) {
      pages.push({ path: join(detection, item.file), url: item.url, article: item.label === 'article' });
    }
  }
  return pages;
}

/** Median of `reps` timings of `fn`, in milliseconds, after one untimed call. */
function timeIt(reps: number, fn: () => unknown): number {
  return timeInTurns(reps, [fn])[0];
}

/** For each function, the median of `reps` timings in milliseconds, after one untimed call of
 * each; round r starts with function r (mod n), so each runs first equally often. */
function timeInTurns(reps: number, fns: Array<() => unknown>): number[] {
  for (const fn of fns) fn();
  const times: number[][] = fns.map(() => []);
  for (let round = 0; round < reps; round++) {
    for (let k = 0; k < fns.length; k++) {
      const i = (round + k) % fns.length;
      const start = performance.now();
      fns[i]();
      times[i].push(performance.now() - start);
    }
  }
  return times.map(median);
}

function option(args: string[], name: string): string | undefined {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
}

function round(value: number): number {
  return Math.round(value * 100) / 100;
}
