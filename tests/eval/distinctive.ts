// `npm run --silent eval -- distinctive <allsides-neus split>`: per AllSides roundup story, the
// distinctive words of the left vs the right article (title + body excerpt), through frameEvent.
// Reports how often the top 5 hold a stopword, a bare number or the outlet's own name (target:
// never) and how many sides get any term at all; prints five stories. Baseline: the five most
// frequent words of one side that the other side lacks, with no prior and no filters.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { frameEvent } from '../../lib/framing';
import { countTerms, type TermCounts } from '../../lib/framing/distinctive';
import { isStopword } from '../../lib/text/stopwords';
import type { Outlet } from '../../lib/types';
import type { EvalResult } from '../cli/eval';

interface Row {
  article_id: string;
  story_id: string;
  slot: string;
  outlet: string;
  title: string;
  body_excerpt: string[];
}

const TOP = 5;
const SHOWN_STORIES = 5;

function readRows(folder: string): Row[] {
  const file = join(folder, 'headline_roundups_2021', 'articles.jsonl');
  if (!existsSync(file)) throw new Error(`missing ${file}`);
  return readFileSync(file, 'utf8').split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l) as Row);
}

function textOf(row: Row): string {
  return [row.title, ...(row.body_excerpt ?? [])].join('\n');
}

/** The outlet's name as a reader sees it: AllSides' "(Online News)" type label removed. */
function outletWords(outlet: string): Set<string> {
  const name = outlet.replace(/\(.*?\)/gu, ' ');
  return new Set((name.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []).filter((w) => !isStopword(w)));
}

interface Flags {
  stopword: boolean;
  number: boolean;
  outlet: boolean;
}

function check(terms: string[], outlet: string): Flags {
  const name = outletWords(outlet);
  const words = terms.map((t) => t.toLowerCase().match(/[\p{L}\p{N}'’-]+/gu) ?? []);
  return {
    stopword: words.some((ws) => ws.some((w) => isStopword(w.replace(/['’]s$/u, '')))),
    number: words.some((ws) => ws.length === 1 && /^[\d.,]+$/u.test(ws[0])),
    outlet: words.some((ws) => ws.some((w) => name.has(w.replace(/['’]s$/u, '')))),
  };
}

function baselineTop(side: string, other: string): string[] {
  const words = (t: string) => t.toLowerCase().match(/[\p{L}\p{N}'’]+/gu) ?? [];
  const otherSet = new Set(words(other));
  const counts = new Map<string, number>();
  for (const w of words(side)) if (!otherSet.has(w)) counts.set(w, (counts.get(w) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).slice(0, TOP).map(([w]) => w);
}

function backgroundOf(rows: Row[]): Record<string, number> {
  const all: TermCounts = countTerms(rows.map(textOf)).counts;
  return Object.fromEntries(all);
}

function outletFor(row: Row): Outlet {
  return { id: row.article_id, name: row.outlet, domains: [], country: 'US', language: 'en', ownership: 'unknown', stateAffiliated: false, lean: { value: row.slot, source: 'AllSides' }, feeds: [] };
}

interface Tally {
  sides: number;
  withTerms: number;
  terms: number;
  stopword: number;
  number: number;
  outlet: number;
}

function tallyOf(t: Tally, terms: string[], outlet: string): void {
  const f = check(terms, outlet);
  t.sides += 1;
  t.withTerms += terms.length > 0 ? 1 : 0;
  t.terms += terms.length;
  t.stopword += f.stopword ? 1 : 0;
  t.number += f.number ? 1 : 0;
  t.outlet += f.outlet ? 1 : 0;
}

function metricsOf(t: Tally): Record<string, number> {
  const r = (x: number) => Math.round(x * 1000) / 1000;
  return {
    sides: t.sides,
    sides_with_terms: r(t.withTerms / Math.max(1, t.sides)),
    mean_terms: r(t.terms / Math.max(1, t.sides)),
    top5_with_stopword: t.stopword,
    top5_with_number: t.number,
    top5_with_outlet_name: t.outlet,
  };
}

export async function evaluate(folder: string): Promise<EvalResult> {
  const rows = readRows(folder);
  const background = backgroundOf(rows);
  const stories = new Map<string, Row[]>();
  for (const r of rows) stories.set(r.story_id, [...(stories.get(r.story_id) ?? []), r]);
  const ours: Tally = { sides: 0, withTerms: 0, terms: 0, stopword: 0, number: 0, outlet: 0 };
  const base: Tally = { ...ours };
  const shown: string[] = [];
  let n = 0;
  for (const [storyId, members] of [...stories].sort((a, b) => a[0].localeCompare(b[0]))) {
    const left = members.find((m) => m.slot === 'left');
    const right = members.find((m) => m.slot === 'right');
    if (!left || !right) continue;
    n += 1;
    const pair = [left, right];
    const articles = pair.map((r) => ({ id: r.article_id, title: r.title, dek: '', body: (r.body_excerpt ?? []).join('\n'), quotes: [], outletId: r.article_id, outletName: r.outlet }));
    const framing = frameEvent(articles, pair.map(outletFor), { enabledOutlets: [], background });
    const lines: string[] = [];
    pair.forEach((r, i) => {
      const set = framing.distinctive.find((d) => d.scope === 'outlet' && d.id === r.article_id);
      const top = (set?.terms ?? []).slice(0, TOP);
      tallyOf(ours, top.map((t) => t.term), r.outlet);
      tallyOf(base, baselineTop(textOf(r), textOf(pair[1 - i])), r.outlet);
      lines.push(`    ${r.slot} (${r.outlet}, ${set?.tokens ?? 0} tokens): ${top.map((t) => `${t.term} ${t.count}:${t.otherCount} z=${t.z}${t.strong ? '' : ' (weak)'}`).join('; ') || '(not enough evidence)'}`);
    });
    if (shown.length < SHOWN_STORIES * 3 && lines.every((l) => !l.endsWith('(not enough evidence)'))) shown.push(`  story ${storyId}: ${left.title}`, ...lines);
  }
  const m = metricsOf(ours);
  const b = metricsOf(base);
  return {
    summary: [
      `distinctive: ${n} stories with a left and a right article (${m.sides} sides)`,
      `  log-odds (informative prior): sides with terms ${m.sides_with_terms}, mean terms ${m.mean_terms}; top ${TOP} with a stopword ${m.top5_with_stopword}, a bare number ${m.top5_with_number}, the outlet's name ${m.top5_with_outlet_name}`,
      `  baseline (most frequent words the other side lacks): stopword ${b.top5_with_stopword}, bare number ${b.top5_with_number}, outlet name ${b.top5_with_outlet_name}`,
      'five stories:',
      ...shown,
    ],
    json: { task: 'distinctive', n, ...m, baseline: b },
  };
}
