// `npm run eval -- detect <split>`: is this page a news article? (news-article-detection).
import { join } from 'node:path';
import { detectArticle } from '../../lib/article/detect';
import type { EvalResult } from '../cli/eval';
import { readJsonLines, taskFolder } from './support/dataset';
import { parsePage, readPage } from './support/page';
import { readerable } from './support/readability-baseline';
import { round } from './support/text-f1';

interface Label {
  id: string;
  file: string;
  label: 'article' | 'not_article';
  url: string;
  site_folder: string;
}

interface Counts {
  tp: number;
  fp: number;
  fn: number;
  tn: number;
}

export async function evaluate(folder: string): Promise<EvalResult> {
  const root = taskFolder(folder, 'news-article-detection', 'labels.jsonl');
  const labels = readJsonLines<Label>(join(root, 'labels.jsonl'));
  const ours: Counts = { tp: 0, fp: 0, fn: 0, tn: 0 };
  const base: Counts = { tp: 0, fp: 0, fn: 0, tn: 0 };
  const errors: string[] = [];
  for (const item of labels) {
    const { doc } = parsePage(readPage(join(root, item.file)), item.url);
    const gold = item.label === 'article';
    const result = detectArticle(doc, item.url);
    tally(ours, result.isArticle, gold);
    tally(base, readerable(doc), gold);
    if (result.isArticle !== gold) errors.push(`  ${gold ? 'FN' : 'FP'} ${item.id} ${item.url} [${result.reasons.join(', ')}]`);
  }
  const m = metrics(ours);
  const b = metrics(base);
  const summary = [
    `detect: ${labels.length} pages`,
    `  ours      precision ${m.precision} recall ${m.recall} f1 ${m.f1}  (tp ${ours.tp} fp ${ours.fp} fn ${ours.fn} tn ${ours.tn})`,
    `  baseline  isProbablyReaderable precision ${b.precision} recall ${b.recall} f1 ${b.f1}`,
    ...(process.env.EVAL_VERBOSE ? errors : []),
  ];
  return { summary, json: { task: 'detect', n: labels.length, ...m, baseline: { method: 'isProbablyReaderable', ...b } } };
}

function tally(counts: Counts, predicted: boolean, gold: boolean): void {
  if (predicted && gold) counts.tp++;
  else if (predicted) counts.fp++;
  else if (gold) counts.fn++;
  else counts.tn++;
}

function metrics(c: Counts): { precision: number; recall: number; f1: number } {
  const precision = c.tp + c.fp ? c.tp / (c.tp + c.fp) : 0;
  const recall = c.tp + c.fn ? c.tp / (c.tp + c.fn) : 0;
  const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
  return { precision: round(precision), recall: round(recall), f1: round(f1) };
}
