// Distinctive wording: the words and two-word phrases one side uses more than the others, by the
// weighted log-odds ratio with an informative Dirichlet prior (Monroe, Colaresi & Quinn 2008,
// "Fightin' Words", §3.5.1), ranked by z-score. The prior comes from the reader's local corpus plus
// the event itself, so a word common everywhere needs much evidence to stand out, and a rare
// word said once is not enough: short texts (feed summaries) yield few terms, never noise.
import { stripDatelines } from './sentences';
import { tokenizeWords, type Token } from './tokens';
import type { BackgroundCounts, DistinctiveTerm } from './types';

/**
 * Total pseudo-count of the prior: the background's word rates count as much as this many tokens
 * of evidence (about two full articles). Calibrated on AllSides roundup excerpts (~100 tokens a
 * side): 1000 and 3000 kept the most terms at a fixed z; 10,000 and more swamped every excerpt.
 */
export const PRIOR_MASS = 1000;
/** A term must occur this often on its side: one mention is an accident of wording, not framing. */
export const MIN_COUNT = 2;
/** One-sided 95% (the question is "uses more than the others"): the term is marked strong. */
export const MIN_Z = 1.645;
/**
 * One-sided 90%: the weakest evidence shown, marked as such. Two ~100-word excerpts almost never
 * reach 95% for any word (1% of AllSides sides did), so short texts would show nothing at all;
 * the UI shows the z and counts beside each term and can grey out the weak ones.
 */
export const MIN_Z_SHOWN = 1.28;
/** Terms kept per side. */
export const MAX_TERMS = 10;
/** Prior floor for a term the background never saw, as a share of one count. */
const UNSEEN_PRIOR = 0.5;

export type TermCounts = Map<string, number>;

export interface SideText {
  /** Term counts with the surface form seen most often per key. */
  counts: TermCounts;
  surfaces: Map<string, Map<string, number>>;
  tokens: number;
}

function bump<K>(map: Map<K, number>, key: K, by = 1): void {
  map.set(key, (map.get(key) ?? 0) + by);
}

/**
 * Calls `add` for each term of a tokenized text, in order: a content word (not a bare number), and
 * a phrase of two adjacent content words where a number is kept only beside a word ("19
 * soldiers"). Returns the number of content tokens. `excluded` keys (the outlet's own name) are
 * skipped.
 */
function scanTerms(words: Token[], excluded: ReadonlySet<string>, add: (w: Token, next?: Token) => void): number {
  let tokens = 0;
  for (let i = 0; i < words.length; i += 1) {
    const w = words[i];
    if (w.stop || excluded.has(w.key)) continue;
    tokens += 1;
    if (!w.number) add(w);
    const next = words[i + 1];
    if (next && !next.stop && !excluded.has(next.key) && !(w.number && next.number)) add(w, next);
  }
  return tokens;
}

const NONE: ReadonlySet<string> = new Set();

/** Unigram and bigram counts of texts; `excluded` keys (the outlet's own name) are skipped. */
export function countTerms(texts: string[], excluded: ReadonlySet<string> = NONE): SideText {
  const side: SideText = { counts: new Map(), surfaces: new Map(), tokens: 0 };
  const add = (w: Token, next?: Token) => {
    const key = next ? `${w.key} ${next.key}` : w.key;
    bump(side.counts, key);
    let forms = side.surfaces.get(key);
    if (!forms) side.surfaces.set(key, (forms = new Map()));
    bump(forms, next ? `${w.surface} ${next.surface}` : w.surface);
  };
  for (const text of texts) side.tokens += scanTerms(tokenizeWords(stripDatelines(text)), excluded, add);
  return side;
}

function bestSurface(forms: Map<string, number> | undefined, key: string): string {
  if (!forms) return key;
  return [...forms].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0][0];
}

function total(counts: TermCounts): number {
  let n = 0;
  for (const v of counts.values()) n += v;
  return n;
}

export interface Prior {
  alpha: (key: string) => number;
  mass: number;
}

/** The background's count of `key` when it adds to the prior (an own, enumerable, positive count). */
function backgroundCount(background: BackgroundCounts | undefined, key: string): number | undefined {
  if (!background || !Object.prototype.propertyIsEnumerable.call(background, key)) return undefined;
  const n = background[key];
  return n > 0 ? n : undefined;
}

/** A term's pooled count: its count in the event plus the background's. */
function pooledCount(background: BackgroundCounts | undefined, key: string, eventCount: number | undefined): number | undefined {
  const n = backgroundCount(background, key);
  if (eventCount === undefined) return n;
  return n === undefined ? eventCount : eventCount + n;
}

/**
 * The total of the event's counts (key and count, in the event's order) pooled with the
 * background's, without copying either: summed in the order a pooled map would hold the terms
 * (the event's first, then the background's others), so it does not depend on how it is computed.
 */
function pooledTotal(eventEntries: Iterable<[string, number]>, inEvent: (key: string) => boolean, background: BackgroundCounts | undefined): number {
  let sum = 0;
  for (const [key, n] of eventEntries) sum += pooledCount(background, key, n) as number;
  if (background) {
    for (const key of Object.keys(background)) {
      const n = background[key];
      if (n > 0 && !inEvent(key)) sum += n;
    }
  }
  return Math.max(1, sum);
}

/** The prior's pseudo-count for a term of pooled count `pooled`, out of `sum`, scaled to `mass`. */
function alphaOf(pooled: number | undefined, sum: number, mass: number): number {
  return (mass * Math.max(pooled ?? 0, UNSEEN_PRIOR)) / sum;
}

/** The informative prior: background counts plus the event's own, scaled to PRIOR_MASS. */
export function buildPrior(eventCounts: TermCounts, background: BackgroundCounts | undefined, mass = PRIOR_MASS): Prior {
  const sum = pooledTotal(eventCounts, (key) => eventCounts.has(key), background);
  // A prior cannot be worth more evidence than the text it was counted from.
  const m = Math.min(mass, sum);
  return { alpha: (key) => alphaOf(pooledCount(background, key, eventCounts.get(key)), sum, m), mass: m };
}

export interface Evidence {
  minCount: number;
  minZ: number;
  limit: number;
}

export const DEFAULT_EVIDENCE: Evidence = { minCount: MIN_COUNT, minZ: MIN_Z_SHOWN, limit: MAX_TERMS };

/** z-score of the weighted log-odds ratio of a term counted y1 times in n1 tokens vs y2 in n2, prior a. */
function zScore(y1: number, n1: number, y2: number, n2: number, a: number, priorMass: number): number {
  const l1 = Math.log((y1 + a) / Math.max(1e-9, n1 + priorMass - y1 - a));
  const l2 = Math.log((y2 + a) / Math.max(1e-9, n2 + priorMass - y2 - a));
  return (l1 - l2) / Math.sqrt(1 / (y1 + a) + 1 / (y2 + a));
}

function term(key: string, z: number, count: number, otherCount: number): DistinctiveTerm {
  return { term: '', key, z: Math.round(z * 100) / 100, strong: z >= MIN_Z, count, otherCount };
}

/**
 * Ranks the terms that passed, strongest first, drops unigrams nested in kept phrases, cuts, and
 * only then gives the kept terms their surface form (`surface` of a key).
 */
function ranked(out: DistinctiveTerm[], limit: number, surface: (key: string) => string): DistinctiveTerm[] {
  out.sort((x, y) => y.z - x.z || (x.key < y.key ? -1 : 1));
  const kept = dropNestedUnigrams(out).slice(0, limit);
  for (const t of kept) t.term = surface(t.key);
  return kept;
}

/**
 * Terms of `side` over-represented relative to the others. `others` is either the others' counts
 * or, with `othersIncludeSide`, the event's total counts from which the side's are subtracted
 * (saves building one map per outlet).
 */
export function distinctiveTerms(side: SideText, others: TermCounts, prior: Prior, evidence: Evidence = DEFAULT_EVIDENCE, othersIncludeSide = false): DistinctiveTerm[] {
  const n1 = total(side.counts);
  const n2 = total(others) - (othersIncludeSide ? n1 : 0);
  const out: DistinctiveTerm[] = [];
  for (const [key, y1] of side.counts) {
    if (y1 < evidence.minCount) continue;
    const y2 = Math.max(0, (others.get(key) ?? 0) - (othersIncludeSide ? y1 : 0));
    const z = zScore(y1, n1, y2, n2, prior.alpha(key), prior.mass);
    if (z >= evidence.minZ) out.push(term(key, z, y1, y2));
  }
  return ranked(out, evidence.limit, (key) => bestSurface(side.surfaces.get(key), key));
}

/** A map from pairs of non-negative integers to integers, by open addressing in typed arrays. */
class PairMap {
  private first: Int32Array;
  private second: Int32Array;
  private value: Int32Array;
  private size = 0;

  constructor(capacity = 4096) {
    this.first = new Int32Array(capacity).fill(-1);
    this.second = new Int32Array(capacity);
    this.value = new Int32Array(capacity);
  }

  private slot(a: number, b: number): number {
    const mask = this.first.length - 1;
    let i = (Math.imul(a, 0x9e3779b1) ^ Math.imul(b, 0x85ebca6b)) & mask;
    while (this.first[i] !== -1 && (this.first[i] !== a || this.second[i] !== b)) i = (i + 1) & mask;
    return i;
  }

  /** The value of (a, b), or -1. */
  get(a: number, b: number): number {
    const i = this.slot(a, b);
    return this.first[i] === -1 ? -1 : this.value[i];
  }

  /** Sets (a, b), which must not be present yet. */
  add(a: number, b: number, value: number): void {
    if ((this.size + 1) * 2 > this.first.length) this.grow();
    const i = this.slot(a, b);
    this.first[i] = a;
    this.second[i] = b;
    this.value[i] = value;
    this.size += 1;
  }

  private grow(): void {
    const { first, second, value } = this;
    this.first = new Int32Array(first.length * 2).fill(-1);
    this.second = new Int32Array(first.length * 2);
    this.value = new Int32Array(first.length * 2);
    this.size = 0;
    for (let i = 0; i < first.length; i += 1) if (first[i] !== -1) this.add(first[i], second[i], value[i]);
  }
}

/**
 * The terms of one event's sides (outlets), counted once into one vocabulary: each distinct word,
 * term and surface form gets an integer id, each side a list of its term ids and counts. An
 * outlet's or a group's distinctive terms then need no merged or filtered copies of the counts,
 * and the strings of two-word terms are only built for the terms that are ranked: the same
 * numbers as countTerms, a merge of sides and a filter of name keys would give, at a fraction of
 * the allocation.
 */
export class EventTerms {
  /** Surface forms as written (one word), their ids, and the word (key) each writes. */
  private readonly surfaceIds = new Map<string, number>();
  private readonly surfaceText: string[] = [];
  private readonly surfaceWord: number[] = [];
  /** Word keys (a token's key: "talk", "19"), their ids. */
  private readonly wordIds = new Map<string, number>();
  private readonly wordKey: string[] = [];
  /** Terms: one word (second -1) or two; ids in order of first occurrence over the sides. */
  private readonly termFirst: number[] = [];
  private readonly termSecond: number[] = [];
  private readonly termKeys: (string | undefined)[] = [];
  /** The term's first surface form, and how many it has. */
  private readonly termForm: number[] = [];
  private readonly termFormCount: number[] = [];
  /** Every form of the terms written more than one way. */
  private readonly termForms = new Map<number, number[]>();
  private readonly wordTerm: number[] = [];
  private readonly pairTerm = new PairMap();
  /** Surface forms of terms: one surface (second -1) or two. */
  private readonly formFirst: number[] = [];
  private readonly formSecond: number[] = [];
  private readonly formTerm: number[] = [];
  private readonly surfaceForm: number[] = [];
  private readonly pairForm = new PairMap();
  /** Per side: its terms and their counts (parallel), and the counts of forms of terms written several ways. */
  private readonly sideTerms: Int32Array[] = [];
  private readonly sideCounts: Int32Array[] = [];
  private readonly sideFormCounts: Map<number, number>[] = [];
  /** Content tokens per side. */
  readonly tokens: number[] = [];
  private readonly event: Int32Array;
  private readonly eventTotal: number;
  private readonly scratch: Int32Array;
  /** The prior: pooled total, scaled mass, and each term's pseudo-count once computed (NaN before). */
  private readonly priorSum: number;
  private readonly priorMass: number;
  private readonly alpha: Float64Array;
  private readonly background: BackgroundCounts | undefined;
  /** The last token given an id, and the id: a token is met as a phrase's second word, then as a word. */
  private lastToken: Token | undefined;
  private lastSurface = -1;

  /** The event of `sides`, the texts of each side (an outlet's titles, deks and bodies). */
  static ofTexts(sides: string[][], background?: BackgroundCounts, mass = PRIOR_MASS): EventTerms {
    return new EventTerms(sides.map((texts) => texts.map((text) => tokenizeWords(stripDatelines(text)))), background, mass);
  }

  /**
   * `sides`: each side's texts as countTerms reads them (tokenizeWords of the text without its
   * datelines); `background`: term counts of the reader's corpus for the prior (see buildPrior).
   */
  constructor(sides: Token[][][], background?: BackgroundCounts, mass = PRIOR_MASS) {
    const occurrences = sides.map((texts, s) => {
      const forms: number[] = [];
      const add = (w: Token, next?: Token) => forms.push(next ? this.pairFormOf(w, next) : this.wordFormOf(w));
      this.tokens[s] = 0;
      for (const words of texts) this.tokens[s] += scanTerms(words, NONE, add);
      return forms;
    });
    const terms = this.termFirst.length;
    this.event = new Int32Array(terms);
    this.scratch = new Int32Array(terms);
    let eventTotal = 0;
    for (const forms of occurrences) {
      const list: number[] = [];
      const multi = new Map<number, number>();
      for (const f of forms) {
        const t = this.formTerm[f];
        if (this.scratch[t]++ === 0) list.push(t);
        if (this.termFormCount[t] > 1) multi.set(f, (multi.get(f) ?? 0) + 1);
      }
      const counts = new Int32Array(list.length);
      list.forEach((t, j) => {
        counts[j] = this.scratch[t];
        this.event[t] += this.scratch[t];
        eventTotal += this.scratch[t];
        this.scratch[t] = 0;
      });
      this.sideTerms.push(Int32Array.from(list));
      this.sideCounts.push(counts);
      this.sideFormCounts.push(multi);
    }
    this.eventTotal = eventTotal;
    this.background = background;
    if (background) {
      const { event } = this;
      const entries = function* (self: EventTerms): Generator<[string, number]> {
        for (let t = 0; t < terms; t += 1) yield [self.key(t), event[t]];
      };
      const keys = new Set(Array.from({ length: terms }, (_, t) => this.key(t)));
      this.priorSum = pooledTotal(entries(this), (key) => keys.has(key), background);
    } else {
      // Without a background the pooled total is the event's own (integers: exact in any order).
      this.priorSum = Math.max(1, eventTotal);
    }
    // A prior cannot be worth more evidence than the text it was counted from.
    this.priorMass = Math.min(mass, this.priorSum);
    this.alpha = new Float64Array(terms).fill(NaN);
  }

  private surfaceOf(w: Token): number {
    if (w === this.lastToken) return this.lastSurface;
    let id = this.surfaceIds.get(w.surface);
    if (id === undefined) {
      id = this.surfaceText.length;
      this.surfaceIds.set(w.surface, id);
      this.surfaceText.push(w.surface);
      let word = this.wordIds.get(w.key);
      if (word === undefined) {
        word = this.wordKey.length;
        this.wordIds.set(w.key, word);
        this.wordKey.push(w.key);
      }
      this.surfaceWord.push(word);
    }
    this.lastToken = w;
    this.lastSurface = id;
    return id;
  }

  private wordFormOf(w: Token): number {
    const s = this.surfaceOf(w);
    let form = this.surfaceForm[s];
    if (form === undefined) {
      const word = this.surfaceWord[s];
      let t = this.wordTerm[word];
      if (t === undefined) this.wordTerm[word] = t = this.newTerm(word, -1);
      this.surfaceForm[s] = form = this.newForm(t, s, -1);
    }
    return form;
  }

  private pairFormOf(w: Token, next: Token): number {
    const a = this.surfaceOf(w);
    const b = this.surfaceOf(next);
    let form = this.pairForm.get(a, b);
    if (form === -1) {
      const first = this.surfaceWord[a];
      const second = this.surfaceWord[b];
      let t = this.pairTerm.get(first, second);
      if (t === -1) {
        t = this.newTerm(first, second);
        this.pairTerm.add(first, second, t);
      }
      form = this.newForm(t, a, b);
      this.pairForm.add(a, b, form);
    }
    return form;
  }

  private newTerm(first: number, second: number): number {
    this.termFirst.push(first);
    this.termSecond.push(second);
    this.termKeys.push(undefined);
    this.termForm.push(-1);
    this.termFormCount.push(0);
    return this.termFirst.length - 1;
  }

  private newForm(t: number, first: number, second: number): number {
    const form = this.formTerm.length;
    this.formTerm.push(t);
    this.formFirst.push(first);
    this.formSecond.push(second);
    const count = ++this.termFormCount[t];
    if (count === 1) this.termForm[t] = form;
    else if (count === 2) this.termForms.set(t, [this.termForm[t], form]);
    else this.termForms.get(t)?.push(form);
    return form;
  }

  /** The term's key as countTerms writes it: "talk", or "verifiable action". */
  private key(t: number): string {
    let key = this.termKeys[t];
    if (key === undefined) {
      const second = this.termSecond[t];
      key = second < 0 ? this.wordKey[this.termFirst[t]] : `${this.wordKey[this.termFirst[t]]} ${this.wordKey[second]}`;
      this.termKeys[t] = key;
    }
    return key;
  }

  private formText(f: number): string {
    const second = this.formSecond[f];
    return second < 0 ? this.surfaceText[this.formFirst[f]] : `${this.surfaceText[this.formFirst[f]]} ${this.surfaceText[second]}`;
  }

  private alphaOf(t: number): number {
    let a = this.alpha[t];
    if (Number.isNaN(a)) {
      const pooled = this.background ? pooledCount(this.background, this.key(t), this.event[t]) : this.event[t];
      this.alpha[t] = a = alphaOf(pooled, this.priorSum, this.priorMass);
    }
    return a;
  }

  /**
   * Terms the sides `members` (one outlet, or a group's outlets) use more than the event's other
   * sides, leaving out terms that contain an `excluded` key (the outlets' own names).
   */
  distinctive(members: number[], excluded: ReadonlySet<string>, evidence: Evidence = DEFAULT_EVIDENCE): DistinctiveTerm[] {
    let ids = this.sideTerms[members[0]];
    let counts = this.sideCounts[members[0]];
    if (members.length > 1) {
      // The group's counts: summed in the scratch array, listed in order of first sight.
      const list: number[] = [];
      for (const m of members) {
        const mIds = this.sideTerms[m];
        const mCounts = this.sideCounts[m];
        for (let j = 0; j < mIds.length; j += 1) {
          if (this.scratch[mIds[j]] === 0) list.push(mIds[j]);
          this.scratch[mIds[j]] += mCounts[j];
        }
      }
      ids = Int32Array.from(list);
      counts = new Int32Array(list.length);
      list.forEach((t, j) => {
        counts[j] = this.scratch[t];
        this.scratch[t] = 0;
      });
    }
    const excludedWords = new Uint8Array(this.wordKey.length);
    for (const key of excluded) {
      const word = this.wordIds.get(key);
      if (word !== undefined) excludedWords[word] = 1;
    }
    const isExcluded = (t: number) => excludedWords[this.termFirst[t]] === 1 || (this.termSecond[t] >= 0 && excludedWords[this.termSecond[t]] === 1);
    let n1 = 0;
    for (let j = 0; j < ids.length; j += 1) if (!isExcluded(ids[j])) n1 += counts[j];
    const n2 = this.eventTotal - n1;
    const out: DistinctiveTerm[] = [];
    const termOf = new Map<string, number>();
    for (let j = 0; j < ids.length; j += 1) {
      const y1 = counts[j];
      const t = ids[j];
      if (y1 < evidence.minCount || isExcluded(t)) continue;
      const y2 = Math.max(0, this.event[t] - y1);
      const z = zScore(y1, n1, y2, n2, this.alphaOf(t), this.priorMass);
      if (z >= evidence.minZ) {
        out.push(term(this.key(t), z, y1, y2));
        termOf.set(this.key(t), t);
      }
    }
    return ranked(out, evidence.limit, (key) => this.surface(termOf.get(key) as number, members));
  }

  /** The form of term `t` the members wrote most often (ties: the first in code-unit order). */
  private surface(t: number, members: number[]): string {
    if (this.termFormCount[t] === 1) return this.formText(this.termForm[t]);
    let best = '';
    let bestCount = 0;
    for (const f of this.termForms.get(t) ?? []) {
      let n = 0;
      for (const m of members) n += this.sideFormCounts[m].get(f) ?? 0;
      const text = this.formText(f);
      if (n > bestCount || (n === bestCount && n > 0 && text < best)) {
        best = text;
        bestCount = n;
      }
    }
    return best;
  }
}

/** A word whose every use is inside a kept phrase adds nothing: keep "verifiable action" alone. */
function dropNestedUnigrams(terms: DistinctiveTerm[]): DistinctiveTerm[] {
  // For each word, the highest count of a kept phrase containing it.
  const inPhrases = new Map<string, number>();
  for (const t of terms) {
    if (!t.key.includes(' ')) continue;
    for (const word of t.key.split(' ')) inPhrases.set(word, Math.max(inPhrases.get(word) ?? 0, t.count));
  }
  return terms.filter((t) => t.key.includes(' ') || (inPhrases.get(t.key) ?? 0) < t.count);
}

/**
 * Token keys of an outlet's names ("Kabul Dispatch" → kabul, dispatch) and their initials
 * ("Global Wire Service" → gws, as wires credit themselves), excluded from its terms.
 */
export function nameKeys(names: string[]): Set<string> {
  const keys = new Set<string>();
  for (const name of names) {
    const words = tokenizeWords(name.replace(/\(.*?\)/gu, ' ').replace(/\.(com|org|net|co\.uk|example)\b/gu, ''));
    for (const w of words) if (!w.stop) keys.add(w.key);
    const initials = words.filter((w) => /^\p{Lu}/u.test(w.surface)).map((w) => w.key[0]).join('');
    if (initials.length >= 2) keys.add(initials);
  }
  return keys;
}
