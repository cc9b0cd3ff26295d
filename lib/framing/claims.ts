// Shared and unique claims: sentences whose content most outlets report versus sentences only one
// outlet reports. Two sentences state the same content when their content words overlap enough
// (weighted so rare words count more: "verifiable" says more than "talks") and their numbers do
// not disagree ("two soldiers" ≠ "five soldiers"); wording may differ. Output is verbatim.
import { DATELINE, splitSentences } from './sentences';
import { tokenizeWords } from './tokens';
import type { Claim, ClaimInstance, Claims } from './types';

export interface ClaimArticle {
  id: string;
  outletId: string;
  title: string;
  dek: string;
  body: string;
}

/**
 * Weighted overlap (share of the shorter sentence's weight) above which two sentences carry the
 * same content. On the demo event, rewordings of one lead sat at 0.38–0.42 and different facts
 * about the same people at ≤ 0.39: 0.4 prefers missing a rewording to pairing different facts.
 */
export const SAME_CLAIM_OVERLAP = 0.4;
/** Fewer shared content words than this is coincidence ("Pakistan's delegation blamed Kabul."). */
export const MIN_SHARED_WORDS = 4;
/** "Most outlets": at least this share of the event's outlets (and at least two). */
export const SHARED_MIN_SHARE = 0.5;
/** Sentences with fewer content words are too thin to be a claim ("He declined to comment."). */
export const MIN_CLAIM_WORDS = 4;
/** Claims listed per kind: the panel shows evidence, not the whole text. */
export const MAX_CLAIMS = 12;
/** Sentences read per article: bounds the work on very long bodies. */
export const MAX_SENTENCES_PER_ARTICLE = 80;
/** A word in more than this share of the event's sentences ("talks", "Pakistan") proposes no pair. */
const MAX_KEY_SHARE = 0.2;
/** Names (capitalised words) weigh more: "Asif" aligns two sentences more than "said". */
const NAME_WEIGHT = 1.5;

interface Sentence {
  index: number;
  outletId: string;
  articleId: string;
  text: string;
  keys: Set<string>;
  names: Set<string>;
  numbers: Set<string>;
}

function features(text: string): Pick<Sentence, 'keys' | 'names' | 'numbers'> {
  const words = tokenizeWords(text.replace(DATELINE, ''));
  const keys = new Set<string>();
  const names = new Set<string>();
  const numbers = new Set<string>();
  words.forEach((w, i) => {
    if (w.number) numbers.add(w.key.replace(/[,.]/gu, ''));
    else if (!w.stop) {
      keys.add(w.key);
      if (i > 0 && /^\p{Lu}/u.test(w.surface)) names.add(w.key);
    }
  });
  return { keys, names, numbers };
}

function sentencesOf(articles: ClaimArticle[]): Sentence[] {
  const out: Sentence[] = [];
  for (const a of articles) {
    const texts = [a.title, ...splitSentences(`${a.dek}\n${a.body}`)].filter(Boolean).slice(0, MAX_SENTENCES_PER_ARTICLE);
    const seen = new Set<string>();
    for (const text of texts) {
      if (seen.has(text)) continue;
      seen.add(text);
      const f = features(text);
      if (f.keys.size >= MIN_CLAIM_WORDS) out.push({ index: out.length, outletId: a.outletId, articleId: a.id, text, ...f });
    }
  }
  return out;
}

function numbersAgree(a: Sentence, b: Sentence): boolean {
  if (a.numbers.size === 0 || b.numbers.size === 0) return true;
  for (const n of a.numbers) if (b.numbers.has(n)) return true;
  return false;
}

/** For each sentence, the best-matching sentence of every other outlet. */
function matchAcrossOutlets(sentences: Sentence[]): Map<number, Map<string, Sentence>> {
  const df = new Map<string, number>();
  const postings = new Map<string, Sentence[]>();
  for (const s of sentences) for (const k of s.keys) {
    df.set(k, (df.get(k) ?? 0) + 1);
    const list = postings.get(k);
    if (list) list.push(s);
    else postings.set(k, [s]);
  }
  // Common words still count toward a pair's overlap, but do not propose candidate pairs.
  const commonLimit = Math.max(2, sentences.length * MAX_KEY_SHARE);
  const common = new Set<string>();
  for (const [k, n] of df) if (n > commonLimit) {
    common.add(k);
    postings.delete(k);
  }
  const weight = (s: Sentence, k: string) => Math.log(1 + sentences.length / (df.get(k) ?? 1)) * (s.names.has(k) ? NAME_WEIGHT : 1);
  const mass = sentences.map((s) => [...s.keys].reduce((acc, k) => acc + weight(s, k), 0));
  const matches = new Map<number, Map<string, Sentence>>();
  // Accumulators indexed by sentence, reset through `touched`: no Map per sentence.
  const sharedWeight = new Float64Array(sentences.length);
  const sharedCount = new Int32Array(sentences.length);
  for (const s of sentences) {
    const touched: number[] = [];
    for (const k of s.keys) {
      const list = postings.get(k);
      if (!list) continue;
      const w = weight(s, k);
      for (const t of list) {
        if (t.outletId === s.outletId) continue;
        if (sharedCount[t.index] === 0) touched.push(t.index);
        sharedWeight[t.index] += w;
        sharedCount[t.index] += 1;
      }
    }
    const best = new Map<string, { t: Sentence; score: number }>();
    const sCommon = [...s.keys].filter((k) => common.has(k));
    for (const i of touched) {
      const t = sentences[i];
      for (const k of sCommon) if (t.keys.has(k)) {
        sharedWeight[i] += weight(s, k);
        sharedCount[i] += 1;
      }
      const score = sharedWeight[i] / Math.min(mass[s.index], mass[i]);
      const n = sharedCount[i];
      sharedWeight[i] = 0;
      sharedCount[i] = 0;
      if (n < MIN_SHARED_WORDS || score < SAME_CLAIM_OVERLAP || !numbersAgree(s, t)) continue;
      const current = best.get(t.outletId);
      if (!current || score > current.score) best.set(t.outletId, { t, score });
    }
    matches.set(s.index, new Map([...best].map(([o, { t }]) => [o, t])));
  }
  return matches;
}

function toClaim(s: Sentence, others: Map<string, Sentence>): Claim {
  const instances: ClaimInstance[] = [...others.values()]
    .sort((a, b) => a.outletId.localeCompare(b.outletId))
    .map((t) => ({ outletId: t.outletId, articleId: t.articleId, text: t.text }));
  return { text: s.text, outletId: s.outletId, articleId: s.articleId, outletIds: [s.outletId, ...instances.map((i) => i.outletId)], instances };
}

/** Takes claims round-robin across outlets so one long article cannot fill the list. */
function balanced(claims: Claim[], limit: number): Claim[] {
  const queues = new Map<string, Claim[]>();
  for (const c of claims) queues.set(c.outletId, [...(queues.get(c.outletId) ?? []), c]);
  const out: Claim[] = [];
  const order = [...queues.keys()].sort();
  while (out.length < limit && order.some((o) => (queues.get(o) ?? []).length > 0)) {
    for (const o of order) {
      const next = queues.get(o)?.shift();
      if (next && out.length < limit) out.push(next);
    }
  }
  return out;
}

/** Claims most outlets share and claims only one outlet makes. */
export function findClaims(articles: ClaimArticle[]): Claims {
  const outletCount = new Set(articles.map((a) => a.outletId)).size;
  if (outletCount < 2) return { shared: [], corroborated: [], unique: [] };
  const sentences = sentencesOf(articles);
  const matches = matchAcrossOutlets(sentences);
  const support = (s: Sentence) => 1 + (matches.get(s.index)?.size ?? 0);
  const majority = Math.max(2, Math.ceil(outletCount * SHARED_MIN_SHARE));
  const used = new Set<number>();
  const shared: Claim[] = [];
  const corroborated: Claim[] = [];
  const bySupport = [...sentences].sort((a, b) => support(b) - support(a) || a.index - b.index);
  for (const s of bySupport) {
    if (support(s) < 2) break;
    const others = matches.get(s.index) ?? new Map<string, Sentence>();
    // Listed already, or every sentence it matches is: the same content would show twice.
    if (used.has(s.index) || [...others.values()].every((t) => used.has(t.index))) continue;
    used.add(s.index);
    for (const t of others.values()) used.add(t.index);
    const list = support(s) >= majority ? shared : corroborated;
    if (list.length < MAX_CLAIMS) list.push(toClaim(s, others));
  }
  const uniqueAll = sentences
    .filter((s) => support(s) === 1)
    .sort((a, b) => b.names.size + b.numbers.size - (a.names.size + a.numbers.size) || a.index - b.index)
    .map((s) => toClaim(s, new Map()));
  return { shared, corroborated, unique: balanced(uniqueAll, MAX_CLAIMS) };
}
