// Attribution and hedging cues per outlet: how often it reports speech neutrally ("said") versus
// with a loaded verb ("claimed", "insisted"), how often it leans on unnamed sources, and how much it
// hedges. Counts only, each with the sentences behind it so the reader can judge.
import { bodySentences } from './sentences';
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
/**
 * Hedges: the outlet distances itself from what it reports. Word edges in these patterns are
 * written `(?<!\w)` and `(?!\w)` rather than `\b`: the same matches (`\b` beside a letter means
 * exactly that, with the same `\w` under the u and i flags), but V8 can then scan for the first
 * letter instead of testing a boundary at every position (3 to 15 times faster here).
 */
export const HEDGE_PATTERNS = [
  /(?<!\w)(?:reportedly|allegedly|apparently|purportedly|supposedly|unconfirmed|unverified|so-called)(?!\w)/iu,
  /(?<!\w)(?:is|are|was|were) (?:believed|thought|said|understood) to(?!\w)/iu,
  /(?<!\w)(?:appears?|appeared|seems?|seemed) to(?!\w)/iu,
  /(?<!\w)(?:may|might|could) have(?!\w)/iu,
  /(?<!\w)it (?:is|was|remains) (?:unclear|not clear)(?!\w)/iu,
];
/** Example sentences kept per cue. */
export const MAX_CUE_SENTENCES = 5;

/**
 * A neutral (group 1) or loaded (group 2) verb as a whole word (word edges as in HEDGE_PATTERNS).
 * One scan finds both kinds: each match is a whole word and the lists share none, so the matches
 * are those of each list scanned alone.
 */
const VERB_RE = new RegExp(`(?<!\\w)(?:(${CUE_NEUTRAL.join('|')})|(${CUE_LOADED.join('|')}))(?!\\w)`, 'giu');

function empty(): CueCount {
  return { count: 0, sentences: [] };
}

function note(cue: CueCount, n: number, sentence: string): void {
  if (n === 0) return;
  cue.count += n;
  if (cue.sentences.length < MAX_CUE_SENTENCES && !cue.sentences.includes(sentence)) cue.sentences.push(sentence);
}

/**
 * Cue counts for each outlet of the event, in outlet-id order. `split`: each article's
 * bodySentences, when the caller has them already.
 */
export function countCues(articles: CueArticle[], split?: string[][]): OutletCues[] {
  const byOutlet = new Map<string, OutletCues>();
  for (const [i, a] of articles.entries()) {
    let cues = byOutlet.get(a.outletId);
    if (!cues) {
      cues = { outletId: a.outletId, sentences: 0, neutral: empty(), loaded: { ...empty(), verbs: {} }, unnamedSources: empty(), hedges: empty() };
      byOutlet.set(a.outletId, cues);
    }
    const text = `${a.dek}\n${a.body}`;
    // Patterns absent from the whole text need not be tried on each sentence.
    const unnamed = UNNAMED_SOURCE_PATTERNS.filter((re) => re.test(text));
    const hedges = HEDGE_PATTERNS.filter((re) => re.test(text));
    for (const sentence of split?.[i] ?? bodySentences(a)) {
      cues.sentences += 1;
      let neutral = 0;
      const loaded: string[] = [];
      // exec on the one global regex: matchAll would copy the regex for every sentence.
      VERB_RE.lastIndex = 0;
      for (let m = VERB_RE.exec(sentence); m !== null; m = VERB_RE.exec(sentence)) {
        if (m[1] !== undefined) neutral += 1;
        else loaded.push(m[2]);
      }
      note(cues.neutral, neutral, sentence);
      note(cues.loaded, loaded.length, sentence);
      for (const verb of loaded) cues.loaded.verbs[verb.toLowerCase()] = (cues.loaded.verbs[verb.toLowerCase()] ?? 0) + 1;
      note(cues.unnamedSources, unnamed.some((re) => re.test(sentence)) ? 1 : 0, sentence);
      note(cues.hedges, hedges.filter((re) => re.test(sentence)).length, sentence);
    }
  }
  return [...byOutlet.values()].sort((a, b) => a.outletId.localeCompare(b.outletId));
}
