// `npm run --silent eval -- quotes <folder>`: quote spans and speakers against a hand-made set
// (../shared/EVAL.md, task `quotes`). The baseline reads only the `"…," X said` pattern.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { extractQuotes } from '../../lib/article/quotes';
import { mergeSpeakers } from '../../lib/framing/speakers';
import type { EvalResult } from '../cli/eval';

interface GoldArticle {
  id: string;
  outlet: string;
  title: string;
  text: string;
  quotes: { quote: string; speaker: string }[];
}

interface Predicted {
  text: string;
  speaker: string;
}

/** EVAL.md: a predicted quote matches a gold quote when their texts overlap by ≥ 90% of tokens. */
const MIN_TOKEN_OVERLAP = 0.9;

function tokens(text: string): string[] {
  return text.toLowerCase().match(/[\p{L}\p{N}_]+/gu) ?? [];
}

function overlap(a: string, b: string): number {
  const ta = tokens(a);
  const tb = tokens(b);
  if (ta.length === 0 || tb.length === 0) return 0;
  const counts = new Map<string, number>();
  for (const t of ta) counts.set(t, (counts.get(t) ?? 0) + 1);
  let shared = 0;
  for (const t of tb) {
    const c = counts.get(t) ?? 0;
    if (c > 0) {
      shared += 1;
      counts.set(t, c - 1);
    }
  }
  return shared / Math.max(ta.length, tb.length);
}

/** Same speaker: equal after case folding, or merged into one group by the engine's rules. */
export function sameSpeaker(gold: string, predicted: string): boolean {
  const g = gold.trim().toLowerCase();
  const p = predicted.trim().toLowerCase();
  if (g === p) return true;
  if (!g || !p) return false;
  const groups = mergeSpeakers([gold, predicted]);
  return groups.length === 1 && groups[0].aliases.length === 2;
}

/** The baseline: `"…," X said` / `"…," he said` only, X a run of capitalised words. */
export function baselineQuotes(paragraphs: string[]): Predicted[] {
  const re = /[“"]([^”"]+)[”"]\s*,?\s*((?:\p{Lu}[\p{L}'’.-]*\s+){0,4}\p{Lu}[\p{L}'’.-]*|he|she|they)\s+said\b/gu;
  return paragraphs.flatMap((p) => [...p.matchAll(re)].map((m) => ({ text: m[1].trim(), speaker: m[2] })));
}

interface Score {
  gold: number;
  predicted: number;
  matched: number;
  speakerRight: number;
  misses: string[];
}

function score(article: GoldArticle, predicted: Predicted[], log: boolean): Score {
  const used = new Set<number>();
  const result: Score = { gold: article.quotes.length, predicted: predicted.length, matched: 0, speakerRight: 0, misses: [] };
  for (const gold of article.quotes) {
    const i = predicted.findIndex((p, j) => !used.has(j) && overlap(gold.quote, p.text) >= MIN_TOKEN_OVERLAP);
    if (i < 0) {
      if (log) result.misses.push(`  ${article.id}: span missed: "${gold.quote.slice(0, 60)}"`);
      continue;
    }
    used.add(i);
    result.matched += 1;
    if (sameSpeaker(gold.speaker, predicted[i].speaker)) result.speakerRight += 1;
    else if (log) result.misses.push(`  ${article.id}: speaker "${predicted[i].speaker}" ≠ "${gold.speaker}" for "${gold.quote.slice(0, 40)}"`);
  }
  if (log) predicted.forEach((p, j) => used.has(j) || result.misses.push(`  ${article.id}: extra span "${p.text.slice(0, 60)}"`));
  return result;
}

function metrics(scores: Score[]): { span_f1: number; span_precision: number; span_recall: number; speaker_accuracy: number } {
  const sum = (f: (s: Score) => number) => scores.reduce((acc, s) => acc + f(s), 0);
  const matched = sum((s) => s.matched);
  const precision = matched / Math.max(1, sum((s) => s.predicted));
  const recall = matched / Math.max(1, sum((s) => s.gold));
  const f1 = precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : 0;
  const round = (x: number) => Math.round(x * 1000) / 1000;
  return {
    span_f1: round(f1),
    span_precision: round(precision),
    span_recall: round(recall),
    speaker_accuracy: round(sum((s) => s.speakerRight) / Math.max(1, matched)),
  };
}

function readArticles(folder: string): GoldArticle[] {
  const file = join(folder, 'articles.jsonl');
  if (!existsSync(file)) throw new Error(`missing ${file}`);
  return readFileSync(file, 'utf8').split('\n').filter((l) => l.trim()).map((line, i) => {
    const a = JSON.parse(line) as GoldArticle;
    if (typeof a.text !== 'string' || !Array.isArray(a.quotes)) throw new Error(`line ${i + 1}: needs text and quotes`);
    return a;
  });
}

export async function evaluate(folder: string): Promise<EvalResult> {
  const articles = readArticles(folder);
  const ours: Score[] = [];
  const base: Score[] = [];
  for (const article of articles) {
    const paragraphs = article.text.split(/\n\s*\n/u);
    ours.push(score(article, extractQuotes(paragraphs), true));
    base.push(score(article, baselineQuotes(paragraphs), false));
  }
  const m = metrics(ours);
  const b = metrics(base);
  const n = ours.reduce((acc, s) => acc + s.gold, 0);
  const summary = [
    `quotes: ${articles.length} articles, ${n} gold quotes`,
    `  extractQuotes: span F1 ${m.span_f1} (P ${m.span_precision}, R ${m.span_recall}), speaker accuracy ${m.speaker_accuracy}`,
    `  baseline "…," X said: span F1 ${b.span_f1} (P ${b.span_precision}, R ${b.span_recall}), speaker accuracy ${b.speaker_accuracy}`,
    'errors:',
    ...ours.flatMap((s) => s.misses),
  ];
  return { summary, json: { task: 'quotes', n, ...m, baseline: b } };
}
