// Attribution and hedging cues per outlet: how often it reports speech neutrally ("said") versus
// with a loaded verb ("claimed", "insisted"), how often it leans on unnamed sources, and how much it
// hedges. Counts only, each with the sentences behind it so the reader can judge.
import { splitSentences } from './sentences';
import { UNNAMED_SOURCE_PATTERNS } from './verbs';
import type { CueCount, OutletCues } from './types';

export interface CueArticle {
  outletId: string;
  dek: string;
  body: string;
}

/** Neutral reporting verbs (a narrower list than attribution uses: these carry no judgement). */
export const CUE_NEUTRAL = ['said', 'says', 'say', 'told', 'tells', 'added', 'adds', 'stated', 'noted', 'explained', 'wrote', 'asked', 'replied', 'responded'];
/** Verbs that judge what they report: doubt (claimed, alleged), stubbornness (insisted), guilt (admitted). */
export const CUE_LOADED = ['claimed', 'claims', 'claim', 'alleged', 'alleges', 'insisted', 'insists', 'admitted', 'admits', 'conceded', 'concedes', 'boasted', 'asserted', 'asserts', 'maintained', 'maintains', 'confessed', 'retorted'];
/** Hedges: the outlet distances itself from what it reports. */
export const HEDGE_PATTERNS = [
  /\b(?:reportedly|allegedly|apparently|purportedly|supposedly|unconfirmed|unverified|so-called)\b/iu,
  /\b(?:is|are|was|were) (?:believed|thought|said|understood) to\b/iu,
  /\b(?:appears?|appeared|seems?|seemed) to\b/iu,
  /\b(?:may|might|could) have\b/iu,
  /\bit (?:is|was|remains) (?:unclear|not clear)\b/iu,
];
/** Example sentences kept per cue. */
export const MAX_CUE_SENTENCES = 5;

function wordRe(words: string[]): RegExp {
  return new RegExp(`\\b(${words.join('|')})\\b`, 'giu');
}

const NEUTRAL_RE = wordRe(CUE_NEUTRAL);
const LOADED_RE = wordRe(CUE_LOADED);

function empty(): CueCount {
  return { count: 0, sentences: [] };
}

function note(cue: CueCount, n: number, sentence: string): void {
  if (n === 0) return;
  cue.count += n;
  if (cue.sentences.length < MAX_CUE_SENTENCES && !cue.sentences.includes(sentence)) cue.sentences.push(sentence);
}

/** Cue counts for each outlet of the event, in outlet-id order. */
export function countCues(articles: CueArticle[]): OutletCues[] {
  const byOutlet = new Map<string, OutletCues>();
  for (const a of articles) {
    let cues = byOutlet.get(a.outletId);
    if (!cues) {
      cues = { outletId: a.outletId, sentences: 0, neutral: empty(), loaded: { ...empty(), verbs: {} }, unnamedSources: empty(), hedges: empty() };
      byOutlet.set(a.outletId, cues);
    }
    const text = `${a.dek}\n${a.body}`;
    // Patterns absent from the whole text need not be tried on each sentence.
    const unnamed = UNNAMED_SOURCE_PATTERNS.filter((re) => re.test(text));
    const hedges = HEDGE_PATTERNS.filter((re) => re.test(text));
    for (const sentence of splitSentences(text)) {
      cues.sentences += 1;
      note(cues.neutral, (sentence.match(NEUTRAL_RE) ?? []).length, sentence);
      const loaded = sentence.match(LOADED_RE) ?? [];
      note(cues.loaded, loaded.length, sentence);
      for (const verb of loaded) cues.loaded.verbs[verb.toLowerCase()] = (cues.loaded.verbs[verb.toLowerCase()] ?? 0) + 1;
      note(cues.unnamedSources, unnamed.some((re) => re.test(sentence)) ? 1 : 0, sentence);
      note(cues.hedges, hedges.filter((re) => re.test(sentence)).length, sentence);
    }
  }
  return [...byOutlet.values()].sort((a, b) => a.outletId.localeCompare(b.outletId));
}
