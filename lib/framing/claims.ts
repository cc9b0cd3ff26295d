// Shared and unique claims: sentences whose content most outlets report versus sentences only one
// outlet reports. Two sentences state the same content when their content words overlap enough
// (weighted so rare words count more: "verifiable" says more than "talks") and their numbers do
// not disagree ("two soldiers" ≠ "five soldiers"); wording may differ. Output is verbatim.
import { PreparedText } from './article-text';
import type { Token } from './tokens';
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

/** Whether a word starts with an upper-case letter (as /^\p{Lu}/u), without a regex for ASCII. */
function capitalised(word: string): boolean {
  const c = word.charCodeAt(0);
  return c < 128 ? c >= 65 && c <= 90 : /^\p{Lu}/u.test(word);
}

/** Content words, names and numbers of a claim's tokens (tokenizeWords of it, dateline removed). */
function features(words: Token[]): Pick<Sentence, 'keys' | 'names' | 'numbers'> {
  const keys = new Set<string>();
  const names = new Set<string>();
  const numbers = new Set<string>();
  for (let i = 0; i < words.length; i += 1) {
    const w = words[i];
    if (w.number) numbers.add(w.key.replace(/[,.]/gu, ''));
    else if (!w.stop) {
      keys.add(w.key);
      if (i > 0 && capitalised(w.surface)) names.add(w.key);
    }
  }
  return { keys, names, numbers };
}

function sentencesOf(articles: ClaimArticle[], prepared: PreparedText[] | undefined): Sentence[] {
  const out: Sentence[] = [];
  for (const [i, a] of articles.entries()) {
    const text = prepared?.[i] ?? new PreparedText(a);
    // The title first, then the sentences, each with its tokens (read only if needed).
    const claims: [string, () => Token[]][] = [[a.title, () => text.titleTokens()], ...text.sentences.map((s, j): [string, () => Token[]] => [s, () => text.sentenceTokens(j)])];
    const seen = new Set<string>();
    for (const [sentence, tokens] of claims.filter(([s]) => Boolean(s)).slice(0, MAX_SENTENCES_PER_ARTICLE)) {
      if (seen.has(sentence)) continue;
      seen.add(sentence);
      const f = features(tokens());
      if (f.keys.size >= MIN_CLAIM_WORDS) out.push({ index: out.length, outletId: a.outletId, articleId: a.id, text: sentence, keys: f.keys, names: f.names, numbers: f.numbers });
    }
  }
  return out;
}

function numbersAgree(a: Sentence, b: Sentence): boolean {
  if (a.numbers.size === 0 || b.numbers.size === 0) return true;
  for (const n of a.numbers) if (b.numbers.has(n)) return true;
  return false;
}

/**
 * For each sentence, the best-matching sentence of every other outlet. Words are numbered once and
 * the sentences' words, weights and the inverted index kept in flat typed arrays (offsets per
 * sentence or word), so the candidate search through the index of rare words touches no maps and
 * allocates nothing per pair. Weights are summed in the order of each sentence's words, so the
 * scores are the same to the last bit as summing over its key set.
 */
function matchAcrossOutlets(sentences: Sentence[]): Map<number, Map<string, Sentence>> {
  const n = sentences.length;
  const ids = new Map<string, number>();
  const outletIds = new Map<string, number>();
  const outlet = new Int32Array(n);
  // The words of sentence s are word[start[s]] .. word[start[s + 1] - 1], in the order of its key set.
  const start = new Int32Array(n + 1);
  for (let s = 0; s < n; s += 1) start[s + 1] = start[s] + sentences[s].keys.size;
  const word = new Int32Array(start[n]);
  const df: number[] = [];
  for (const s of sentences) {
    let j = start[s.index];
    for (const k of s.keys) {
      let id = ids.get(k);
      if (id === undefined) {
        ids.set(k, (id = df.length));
        df.push(0);
      }
      df[id] += 1;
      word[j++] = id;
    }
    let o = outletIds.get(s.outletId);
    if (o === undefined) outletIds.set(s.outletId, (o = outletIds.size));
    outlet[s.index] = o;
  }
  const words = df.length;
  // Common words still count toward a pair's overlap, but do not propose candidate pairs.
  const commonLimit = Math.max(2, n * MAX_KEY_SHARE);
  const commonSlot = new Int32Array(words).fill(-1);
  let commonCount = 0;
  for (let id = 0; id < words; id += 1) if (df[id] > commonLimit) commonSlot[id] = commonCount++;
  // hasCommon[slot * n + s]: sentence s has the common word in `slot`.
  const hasCommon = new Uint8Array(commonCount * n);
  // The inverted index of the other words: sentences of word w are posting[postStart[w]] .. in order.
  const postStart = new Int32Array(words + 1);
  for (let id = 0; id < words; id += 1) postStart[id + 1] = postStart[id] + (commonSlot[id] >= 0 ? 0 : df[id]);
  const posting = new Int32Array(postStart[words]);
  const fill = postStart.slice(0, words);
  for (let s = 0; s < n; s += 1) {
    for (let j = start[s]; j < start[s + 1]; j += 1) {
      const id = word[j];
      if (commonSlot[id] >= 0) hasCommon[commonSlot[id] * n + s] = 1;
      else posting[fill[id]++] = s;
    }
  }
  // weight(s, k): rarer words weigh more, names more again; mass: the sentence's total weight.
  const idf = df.map((d) => Math.log(1 + n / d));
  const weight = new Float64Array(start[n]);
  const mass = new Float64Array(n);
  for (const s of sentences) {
    let j = start[s.index];
    let total = 0;
    for (const k of s.keys) {
      weight[j] = idf[word[j]] * (s.names.has(k) ? NAME_WEIGHT : 1);
      total += weight[j];
      j += 1;
    }
    mass[s.index] = total;
  }
  const matches = new Map<number, Map<string, Sentence>>();
  // Accumulators indexed by sentence, reset through `touched`: no Map per sentence.
  const sharedWeight = new Float64Array(n);
  const sharedCount = new Int32Array(n);
  const touched = new Int32Array(n);
  const common: number[] = [];
  for (let s = 0; s < n; s += 1) {
    const own = outlet[s];
    let touchedCount = 0;
    common.length = 0;
    for (let j = start[s]; j < start[s + 1]; j += 1) {
      const id = word[j];
      // The sentence's common words, in its word order: checked against each candidate below.
      if (commonSlot[id] >= 0) {
        common.push(j);
        continue;
      }
      const w = weight[j];
      for (let p = postStart[id]; p < postStart[id + 1]; p += 1) {
        const t = posting[p];
        if (outlet[t] === own) continue;
        if (sharedCount[t] === 0) touched[touchedCount++] = t;
        sharedWeight[t] += w;
        sharedCount[t] += 1;
      }
    }
    const best = new Map<number, { t: Sentence; score: number }>();
    // A pair needs MIN_SHARED_WORDS shared words, at most common.length of them common ones.
    const need = MIN_SHARED_WORDS - common.length;
    for (let x = 0; x < touchedCount; x += 1) {
      const i = touched[x];
      if (sharedCount[i] < need) {
        sharedWeight[i] = 0;
        sharedCount[i] = 0;
        continue;
      }
      for (const j of common) {
        if (hasCommon[commonSlot[word[j]] * n + i] === 1) {
          sharedWeight[i] += weight[j];
          sharedCount[i] += 1;
        }
      }
      const score = sharedWeight[i] / Math.min(mass[s], mass[i]);
      const shared = sharedCount[i];
      sharedWeight[i] = 0;
      sharedCount[i] = 0;
      if (shared < MIN_SHARED_WORDS || score < SAME_CLAIM_OVERLAP || !numbersAgree(sentences[s], sentences[i])) continue;
      const current = best.get(outlet[i]);
      if (!current || score > current.score) best.set(outlet[i], { t: sentences[i], score });
    }
    const others = new Map<string, Sentence>();
    for (const { t } of best.values()) others.set(t.outletId, t);
    matches.set(s, others);
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

/**
 * Claims most outlets share and claims only one outlet makes. `prepared`: each article's text as
 * the caller read it already (frameEvent reads it once for claims, cues and distinctive wording).
 */
export function findClaims(articles: ClaimArticle[], prepared?: PreparedText[]): Claims {
  const outletCount = new Set(articles.map((a) => a.outletId)).size;
  if (outletCount < 2) return { shared: [], corroborated: [], unique: [] };
  const sentences = sentencesOf(articles, prepared);
  const matches = matchAcrossOutlets(sentences);
  const supportOf = sentences.map((s) => 1 + (matches.get(s.index)?.size ?? 0));
  const support = (s: Sentence) => supportOf[s.index];
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
