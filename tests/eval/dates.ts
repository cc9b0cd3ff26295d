// `npm run eval -- dates <split>`: publication day (htmldate-publication-dates), scored as htmldate
// scores it: a returned day must equal the gold day; returning nothing is right only when gold is null.
// extractDates is the date step of extractArticle (same function, same inputs) without the body.
import { join } from 'node:path';
import { extractDates } from '../../lib/article/extract';
import type { EvalResult } from '../cli/eval';
import { readJsonLines, taskFolder } from './support/dataset';
import { parsePage, readPage } from './support/page';
import { round } from './support/text-f1';

interface Gold {
  id: string;
  subset: string;
  url: string;
  gold_date: string | null;
  html_file: string;
}

interface Counts {
  tp: number;
  fp: number;
  fn: number;
  tn: number;
}

export async function evaluate(folder: string): Promise<EvalResult> {
  const root = taskFolder(folder, 'htmldate-publication-dates', 'gold.jsonl');
  const items = readJsonLines<Gold>(join(root, 'gold.jsonl'));
  const ours: Counts = { tp: 0, fp: 0, fn: 0, tn: 0 };
  const base: Counts = { tp: 0, fp: 0, fn: 0, tn: 0 };
  const misses: string[] = [];
  for (const item of items) {
    const { doc } = parsePage(readPage(join(root, item.html_file)), item.url);
    const day = extractDates(doc, item.url).published?.slice(0, 10);
    tally(ours, day, item.gold_date);
    tally(base, metaRuleDay(doc), item.gold_date);
    if (day !== (item.gold_date ?? undefined)) misses.push(`  ${item.id} gold ${item.gold_date} got ${day} ${item.url}`);
  }
  const m = metrics(ours, items.length);
  const b = metrics(base, items.length);
  const summary = [
    `dates: ${items.length} pages`,
    `  ours      accuracy ${m.accuracy} precision ${m.precision} recall ${m.recall} f1 ${m.f1}`,
    `  baseline  JSON-LD/meta published date: accuracy ${b.accuracy} precision ${b.precision} recall ${b.recall} f1 ${b.f1}`,
    ...(process.env.EVAL_VERBOSE ? misses : []),
  ];
  return { summary, json: { task: 'dates', n: items.length, ...m, baseline: { method: 'JSON-LD/meta published date', ...b } } };
}

/** Meta tags the reference rule reads: the common published-time names of OpenGraph, Dublin
 * Core, schema.org microdata and the big CMSs. */
const REFERENCE_META = ['article:published_time', 'og:published_time', 'datepublished', 'pubdate', 'publishdate', 'dc.date', 'dc.date.issued', 'dcterms.created', 'date', 'sailthru.date', 'parsely-pub-date'];

/** The reference rule: JSON-LD datePublished, else a published-time meta tag, its first ten
 * characters (the UTC day as written, no offset handling, no page text). */
function metaRuleDay(doc: Document): string | undefined {
  for (const script of Array.from(doc.querySelectorAll('script[type="application/ld+json" i]'))) {
    const match = /"datePublished"\s*:\s*"(\d{4}-\d{2}-\d{2})/.exec(script.textContent ?? '');
    if (match) return match[1];
  }
  const metas = Array.from(doc.querySelectorAll('meta'));
  for (const name of REFERENCE_META) {
    const el = metas.find((m) => (m.getAttribute('property') ?? m.getAttribute('name') ?? m.getAttribute('itemprop') ?? '').toLowerCase() === name);
    const day = /^\d{4}-\d{2}-\d{2}/.exec((el?.getAttribute('content') ?? '').trim())?.[0];
    if (day) return day;
  }
  return undefined;
}

function tally(counts: Counts, day: string | undefined, gold: string | null): void {
  if (day === undefined) {
    if (gold === null) counts.tn++;
    else counts.fn++;
  } else if (day === gold) counts.tp++;
  else counts.fp++;
}

function metrics(c: Counts, n: number): { accuracy: number; precision: number; recall: number; f1: number } {
  const precision = c.tp + c.fp ? c.tp / (c.tp + c.fp) : 0;
  const recall = c.tp + c.fn ? c.tp / (c.tp + c.fn) : 0;
  const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
  return { accuracy: round((c.tp + c.tn) / n), precision: round(precision), recall: round(recall), f1: round(f1) };
}
