// `npm run eval -- extract <split>`: body text of article pages (zyte-article-extraction-benchmark).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { extractArticle } from '../../lib/article/extract';
import type { EvalResult } from '../cli/eval';
import { taskFolder } from './support/dataset';
import { parsePage, readPage } from './support/page';
import { readabilityParse } from './support/readability-baseline';
import { aggregate, round, scorePage, type PageScore } from './support/text-f1';

interface Truth {
  articleBody: string;
  url: string;
}

export async function evaluate(folder: string): Promise<EvalResult> {
  const root = taskFolder(folder, 'zyte-article-extraction-benchmark', 'ground-truth.json');
  const truth = JSON.parse(readFileSync(join(root, 'ground-truth.json'), 'utf8')) as Record<string, Truth>;
  const ours: PageScore[] = [];
  const base: PageScore[] = [];
  const worst: Array<[number, string]> = [];
  for (const [id, gold] of Object.entries(truth).sort(([a], [b]) => a.localeCompare(b))) {
    const { doc } = parsePage(readPage(join(root, 'html', `${id}.html.gz`)), gold.url);
    const article = extractArticle(doc, gold.url);
    const score = scorePage(article?.paragraphs.join('\n\n') ?? '', gold.articleBody);
    ours.push(score);
    base.push(scorePage(readabilityParse(doc).text, gold.articleBody));
    worst.push([score.tp, `  ${id.slice(0, 12)} tp ${round(score.tp)} fp ${round(score.fp)} fn ${round(score.fn)} ${gold.url}`]);
  }
  const m = aggregate(ours);
  const b = aggregate(base);
  const summary = [
    `extract: ${ours.length} pages`,
    `  ours      f1 ${round(m.f1)} precision ${round(m.precision)} recall ${round(m.recall)}`,
    `  baseline  Readability textContent f1 ${round(b.f1)} precision ${round(b.precision)} recall ${round(b.recall)}`,
    ...(process.env.EVAL_VERBOSE ? worst.sort((x, y) => x[0] - y[0]).slice(0, 25).map(([, line]) => line) : []),
  ];
  return {
    summary,
    json: {
      task: 'extract',
      n: ours.length,
      f1: round(m.f1),
      precision: round(m.precision),
      recall: round(m.recall),
      baseline: { method: 'Readability textContent', f1: round(b.f1), precision: round(b.precision), recall: round(b.recall) },
    },
  };
}
