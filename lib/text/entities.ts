// Named entities by light-weight heuristics (no model): runs of capitalised words, cleaned of
// sentence-initial function words and titles, then sorted into places (gazetteer), organisations
// (acronyms, institutional head words) and people (titles, speech verbs, multi-word names).
// Precision matters more than coverage: entities weigh heavily in matching.
import { clip, LIMITS } from '../limits';
import type { Entities } from '../types';
import { canonicalPlace } from './places';
import { isStopword } from './stopwords';

/** Lower-case words allowed inside a name ("Bank of England", "Osama bin Laden"). */
const CONNECTORS = new Set(['of', 'de', 'del', 'da', 'bin', 'al', 'el', 'van', 'von', 'der', 'la', 'du']);

/** Words before a name that say it is a person; stripped from the name. */
const PERSON_TITLES = new Set(
  `mr mrs ms dr president vice minister prime foreign defence defense interior senator sen rep gov
  governor general gen spokesman spokeswoman spokesperson king queen prince pope judge justice
  secretary chancellor ambassador envoy commander mayor chief lt col colonel sheikh imam mullah
  maulana ayatollah former leader director chairman ceo sir lord lady rev`.split(/\s+/),
);

/** Head words that make a span an organisation. */
const ORG_WORDS = new Set(
  `ministry party council court congress senate parliament assembly army forces force police agency
  bank university inc corp corporation company co ltd group association organization organisation
  committee commission department office union news times post reuters taliban movement front fund
  institute foundation board authority service league club network airlines airways federation
  administration government house cabinet fbi cia pentagon nato un eu who tehreek-e-taliban`.split(/\s+/),
);

/** Speech verbs after a single capitalised word: "Mujahid said" names a person. */
const SPEECH_VERBS = new Set(['said', 'says', 'told', 'added', 'stated', 'wrote', 'announced']);

/** Capitalised words that are never names: calendar words open many sentences and datelines. */
const NOT_NAMES = new Set(
  `january february march april may june july august september october november december jan feb
  mar apr jun jul aug sep sept oct nov dec monday tuesday wednesday thursday friday saturday sunday`.split(/\s+/),
);

const PLACE_PREPOSITIONS = new Set(['in', 'at', 'from', 'near', 'to']);

/** A headline counts as Title Case when this share of its longer words is capitalised. */
const TITLE_CASE_SHARE = 0.6;
/** Mentions in the headline count this many times (the headline names what matters). */
const TITLE_MENTION_WEIGHT = 3;

const WORD = /[\p{L}\p{M}\p{N}][\p{L}\p{M}\p{N}'’.&-]*/gu;

interface Token {
  raw: string;
  clean: string;
  /** Only white space (or nothing) between the previous token and this one. */
  spaced: boolean;
}

interface Mention {
  words: string[];
  prev: string;
  next: string;
}

function cleanWord(raw: string): string {
  let word = raw;
  const n = word.length;
  // As /['’]s$/ then /[.'’-]+$/ (unless an acronym like "U.S."), without a regex for the many
  // words that end in a letter.
  if (n > 2 && word.charCodeAt(n - 1) === 115 && (word[n - 2] === "'" || word[n - 2] === '’')) word = word.slice(0, n - 2);
  const last = word[word.length - 1];
  if (last !== '.' && last !== "'" && last !== '’' && last !== '-') return word;
  if (!/^(\p{Lu}\.)+$/u.test(word)) word = word.replace(/[.'’-]+$/u, '');
  return word;
}

function isCapitalised(word: string): boolean {
  const code = word.charCodeAt(0);
  // ASCII decides without a regex; everything else (and the empty word) as /^\p{Lu}/u.
  return code < 128 ? code >= 65 && code <= 90 : /^\p{Lu}/u.test(word);
}

function tokensOf(sentence: string): Token[] {
  const tokens: Token[] = [];
  let end = 0;
  WORD.lastIndex = 0;
  for (let match = WORD.exec(sentence); match; match = WORD.exec(sentence)) {
    const index = match.index;
    const raw = match[0];
    // The gap is almost always one space: no slice, no regex.
    const spaced = index === end || (index === end + 1 && sentence.charCodeAt(end) === 32) || !/\S/u.test(sentence.slice(end, index));
    tokens.push({ raw, clean: cleanWord(raw), spaced });
    end = index + raw.length;
  }
  return tokens;
}

/** Penn Treebank escapes of some archived texts ("-LRB-"), which would read as names. */
const PTB_ESCAPES = /-[LR][RSC]B-|``|''/g;

function splitSentences(text: string): string[] {
  return text
    .replace(PTB_ESCAPES, ' , ').split(/(?<=[.!?:;"“”])\s+|[\n\r]+|\s[—–-]\s/u).filter((s) => s.trim().length > 0);
}

/** Collects runs of capitalised words (with connectors inside) from one sentence. */
function mentionsOf(sentence: string): Mention[] {
  const tokens = tokensOf(sentence);
  const mentions: Mention[] = [];
  let i = 0;
  while (i < tokens.length) {
    if (!isCapitalised(tokens[i].clean)) {
      i += 1;
      continue;
    }
    let j = i + 1;
    while (j < tokens.length) {
      const word = tokens[j].clean;
      const bridges = CONNECTORS.has(word) && j + 1 < tokens.length && isCapitalised(tokens[j + 1].clean);
      if (!isCapitalised(word) && !bridges) break;
      // Punctuation or a possessive between two words ends the name ("Türkiye, Qatar's Ministry").
      if (!tokens[j].spaced || /['’]s$/u.test(tokens[j - 1].raw)) break;
      j += 1;
    }
    mentions.push(...trimMention(tokens, i, j));
    i = j;
  }
  return mentions;
}

/** Drops leading function words ("The", "In"); the word before the name stays as a cue. */
function trimMention(tokens: Token[], from: number, to: number): Mention[] {
  let start = from;
  let prev = from > 0 ? tokens[from - 1].clean.toLowerCase() : '';
  while (start < to && isStopword(tokens[start].clean.toLowerCase())) {
    prev = tokens[start].clean.toLowerCase();
    start += 1;
  }
  if (PERSON_TITLES.has(prev.replace(/\.$/, ''))) prev = 'title';
  const words = tokens.slice(start, to).map((t) => t.clean).filter((w) => w.length > 0 && !NOT_NAMES.has(w.toLowerCase().replace(/\.$/, '')));
  if (words.length === 0) return [];
  if (words.length === 1 && isStopword(words[0].toLowerCase())) return [];
  const next = to < tokens.length ? tokens[to].clean.toLowerCase() : '';
  return [{ words, prev, next }];
}

type Kind = 'people' | 'places' | 'organisations';

function isAcronym(word: string): boolean {
  return /^(\p{Lu}\.?){2,6}$/u.test(word) && !/^[IVX]+$/u.test(word);
}

/** Longest run of words a title may take before the name ("Information Minister …"). */
const MAX_TITLE_WORDS = 3;

/** Drops a leading title ("Defence Minister", "Information Minister", "Sen.") from a name. */
function stripTitles(words: string[]): string[] {
  let start = 0;
  for (let i = 0; i < Math.min(words.length - 1, MAX_TITLE_WORDS); i++) {
    if (PERSON_TITLES.has(words[i].toLowerCase().replace(/\.$/, ''))) start = i + 1;
  }
  return words.slice(start);
}

function classify(mention: Mention): { kind: Kind; name: string } | undefined {
  const name = mention.words.join(' ');
  const place = canonicalPlace(name);
  if (place) return { kind: 'places', name: place };
  const lowerWords = mention.words.map((w) => w.toLowerCase());
  if (lowerWords.some((w) => ORG_WORDS.has(w)) || mention.words.every(isAcronym)) {
    return { kind: 'organisations', name };
  }
  const person = stripTitles(mention.words);
  if (person.length < mention.words.length && person.length > 0) return { kind: 'people', name: person.join(' ') };
  if (mention.prev === 'title') return { kind: 'people', name };
  if (mention.words.length >= 2 && mention.words.length <= 4) return { kind: 'people', name };
  if (mention.words.length === 1) {
    if (SPEECH_VERBS.has(mention.next)) return { kind: 'people', name };
    if (PLACE_PREPOSITIONS.has(mention.prev)) return { kind: 'places', name };
    return { kind: 'organisations', name };
  }
  return undefined;
}

function isTitleCase(title: string): boolean {
  const words = [...title.matchAll(WORD)].map((m) => m[0]).filter((w) => w.length > 3);
  if (words.length < 3) return false;
  return words.filter(isCapitalised).length / words.length >= TITLE_CASE_SHARE;
}

interface Tally {
  kind: Kind;
  name: string;
  count: number;
  order: number;
}

function addMention(tallies: Map<string, Tally>, kind: Kind, name: string, weight: number): void {
  const key = name.toLowerCase();
  const found = tallies.get(key);
  if (found) found.count += weight;
  else tallies.set(key, { kind, name, count: weight, order: tallies.size });
}

/** A single word that is the last word of a person found elsewhere is that person. */
function mergeSurnames(tallies: Map<string, Tally>): void {
  // The first person (in order of first mention) by the last word of the name, lower case.
  const bySurname = new Map<string, Tally>();
  for (const t of tallies.values()) {
    if (t.kind !== 'people' || !t.name.includes(' ')) continue;
    const lower = t.name.toLowerCase();
    const surname = lower.slice(lower.lastIndexOf(' ') + 1);
    if (!bySurname.has(surname)) bySurname.set(surname, t);
  }
  for (const [key, tally] of tallies) {
    if (tally.name.includes(' ') || tally.kind === 'places') continue;
    const full = bySurname.get(key);
    if (!full) continue;
    full.count += tally.count;
    tallies.delete(key);
  }
}

function collect(title: string, paragraphs: string[]): Map<string, Tally> {
  const tallies = new Map<string, Tally>();
  const titleCase = isTitleCase(title);
  for (const sentence of splitSentences(title)) {
    for (const mention of mentionsOf(sentence)) {
      const found = classify(mention);
      // Title Case headlines capitalise every word: trust only gazetteer places and acronyms.
      if (!found || (titleCase && found.kind !== 'places' && !mention.words.every(isAcronym))) continue;
      addMention(tallies, found.kind, found.name, TITLE_MENTION_WEIGHT);
    }
  }
  for (const paragraph of paragraphs) {
    for (const sentence of splitSentences(paragraph)) {
      for (const mention of mentionsOf(sentence)) {
        const found = classify(mention);
        if (found) addMention(tallies, found.kind, found.name, 1);
      }
    }
  }
  mergeSurnames(tallies);
  return tallies;
}

/**
 * People, places and organisations named in an article, most mentioned first (headline
 * mentions count more). Places are canonical ("Afghan" → "Afghanistan").
 */
export function extractEntities(title: string, paragraphs: string[]): Entities {
  const entities: Entities = { people: [], places: [], organisations: [] };
  const sorted = [...collect(title, paragraphs).values()].sort((a, b) => b.count - a.count || a.order - b.order);
  for (const tally of sorted) {
    const list = entities[tally.kind];
    if (list.length < LIMITS.entities) list.push(clip(tally.name, LIMITS.entity));
  }
  return entities;
}
