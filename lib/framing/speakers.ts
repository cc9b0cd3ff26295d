// Speaker names: what kind of speaker a phrase names (a person, an organisation, a description)
// and which phrases name the same speaker across outlets ("Khawaja Asif" = "Khawaja Muhammad
// Asif" = "Defence Minister Asif" = "Asif"). Deterministic and pure: no lookup tables of people.

/** Words that precede a person's name as a title or office; dropped to find the name itself. */
const TITLE_WORDS = new Set([
  'minister', 'ministers', 'defence', 'defense', 'foreign', 'interior', 'information', 'prime', 'president',
  'vice', 'spokesman', 'spokeswoman', 'spokesperson', 'chief', 'deputy', 'acting', 'general', 'gen', 'lt',
  'col', 'maj', 'brig', 'secretary', 'ambassador', 'envoy', 'special', 'representative', 'mr', 'mrs', 'ms',
  'dr', 'sen', 'senator', 'rep', 'gov', 'governor', 'mullah', 'maulvi', 'mawlawi', 'maulana', 'sheikh',
  'emir', 'king', 'prince', 'commander', 'director', 'head', 'leader', 'adviser', 'advisor', 'state',
  'senior', 'official', 'negotiator', 'mediator', 'analyst', 'professor', 'prof', 'judge', 'justice',
  'mayor', 'chairman', 'chairwoman', 'chair', 'ceo', 'officer', 'lawmaker', 'mp', 'army', 'military',
]);

/** Words that make a capitalised phrase an organisation rather than a person. */
const ORG_WORDS = new Set([
  'office', 'ministry', 'department', 'government', 'delegation', 'council', 'committee', 'police',
  'agency', 'army', 'forces', 'administration', 'embassy', 'taliban', 'ttp', 'ispr', 'parliament',
  'assembly', 'court', 'party', 'union', 'nations', 'commission', 'bureau', 'service', 'news', 'press',
  'times', 'post', 'reuters', 'group', 'team', 'spokesmen', 'house', 'white', 'university', 'college', 'school',
  'theatre', 'theater', 'hospital', 'institute', 'center', 'centre', 'foundation', 'company', 'inc', 'corp',
  'bank', 'fund', 'club', 'church', 'base', 'airport', 'station', 'county', 'city', 'board', 'network', 'channel',
]);

const DETERMINERS = new Set(['a', 'an', 'the', 'one', 'another', 'some', 'several', 'two', 'three', 'many', 'his', 'her', 'their']);
/** Lower-case name particles that belong inside a name ("Mohammed bin Abdulrahman"). */
const NAME_PARTICLES = new Set(['bin', 'bint', 'ibn', 'al', 'el', 'ul', 'ud', 'de', 'da', 'van', 'von', 'der', 'la']);
const PRONOUNS = new Set(['he', 'she', 'they', 'it', 'we', 'i']);

export type SpeakerKind = 'person' | 'organisation' | 'description' | 'pronoun' | 'none';

export interface ParsedSpeaker {
  kind: SpeakerKind;
  /** For a person: the name without titles, e.g. "Khawaja Asif". Otherwise the phrase, trimmed. */
  name: string;
  /** For a person: the name tokens before the surname, lower-case, diacritics folded. */
  given: string[];
  /** The merge key: a person's surname, or the normalised phrase for anything else. */
  key: string;
}

export interface SpeakerGroup {
  /** Stable key of the merged speaker. */
  key: string;
  /** The fullest form among the aliases: the one shown to the reader. */
  name: string;
  /** Every distinct input spelling in this group, sorted. */
  aliases: string[];
}

function fold(word: string): string {
  return word.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();
}

function bareWord(word: string): string {
  return fold(word.replace(/['’]s$/u, '').replace(/[^\p{L}\p{N}-]/gu, ''));
}

function isCapitalised(word: string): boolean {
  return /^(?:(?:al|el)-)?\p{Lu}/u.test(word);
}

/** A surname key without a leading "al-"/"el-" so "Al-Thani" = "Al Thani" = "Thani". */
function surnameKey(word: string): string {
  return bareWord(word).replace(/^(al|el)-/u, '');
}

/** Splits a phrase into words, dropping the possessive qualifier before a title ("Pakistan's"). */
function words(phrase: string): string[] {
  return phrase.normalize('NFKC').replace(/[,;:.!?()"“”]+$/u, '').split(/\s+/u).filter(Boolean);
}

/** Parsed phrases: the same few speakers are parsed again and again while a text is read. */
const cache = new Map<string, ParsedSpeaker>();
/** Bound on the cache so a long session cannot grow it without limit. */
const MAX_CACHED = 5000;

/** Parses a speaker phrase into its kind, name and merge key. */
export function parseSpeaker(phrase: string): ParsedSpeaker {
  const hit = cache.get(phrase);
  if (hit) return hit;
  const parsed = parseUncached(phrase);
  if (cache.size >= MAX_CACHED) cache.clear();
  cache.set(phrase, parsed);
  return parsed;
}

function parseUncached(phrase: string): ParsedSpeaker {
  // "Senator Sherry Nawaz of the ruling coalition": the name is what comes before "of".
  const of = /^(.*?\p{Lu}[\p{L}'’-]*)\s+of\s+/u.exec(phrase);
  if (of && /^\p{Lu}/u.test(phrase)) {
    const head = parseSpeaker(of[1]);
    if (head.kind === 'person') return head;
  }
  const all = words(phrase);
  if (all.length === 0) return { kind: 'none', name: '', given: [], key: '' };
  const bare = all.map(bareWord);
  if (all.length === 1 && PRONOUNS.has(bare[0])) return { kind: 'pronoun', name: bare[0], given: [], key: '' };
  const phraseKey = bare.filter((w, i) => !(i === 0 && DETERMINERS.has(w))).join(' ');
  const startsLower = !isCapitalised(all[0]) || DETERMINERS.has(bare[0]);
  let lastTitle = -1;
  bare.forEach((w, i) => {
    if (TITLE_WORDS.has(w.replace(/\.$/u, ''))) lastTitle = i;
  });
  const nameWords = all.slice(lastTitle + 1);
  const isName = nameWords.length > 0 && !nameWords.some((w) => ORG_WORDS.has(bareWord(w))) && nameWords.every((w) => isCapitalised(w) || NAME_PARTICLES.has(fold(w)) || /^(al|el)-/iu.test(w));
  const lastIsName = nameWords.length > 0 && isCapitalised(nameWords[nameWords.length - 1]);
  const hasOrgWord = bare.some((w) => ORG_WORDS.has(w));
  if (hasOrgWord && !(lastTitle >= 0 && isName && lastIsName)) {
    // "The Foreign Office" is named; "the Pakistani delegation" is described.
    const firstContent = all.find((_, i) => !DETERMINERS.has(bare[i])) ?? '';
    const named = isCapitalised(firstContent) && !/^\p{Lu}\p{Ll}+(?:i|an|ese|ish)$/u.test(firstContent);
    return { kind: named ? 'organisation' : 'description', name: all.join(' '), given: [], key: `o:${phraseKey}` };
  }
  if (isName && lastIsName && (lastTitle >= 0 || !startsLower)) {
    const surname = nameWords[nameWords.length - 1];
    const given = nameWords.slice(0, -1).map(bareWord).filter((w) => !NAME_PARTICLES.has(w) && !/^(al|el)$/u.test(w));
    return { kind: 'person', name: nameWords.join(' '), given, key: `p:${surnameKey(surname)}` };
  }
  return { kind: 'description', name: all.join(' '), given: [], key: `d:${phraseKey}` };
}

/** The merge key of one speaker phrase, without context: a person's surname, else the phrase. */
export function speakerKey(phrase: string): string {
  return parseSpeaker(phrase).key;
}

/** Whether two given-name lists can belong to one person: one is an ordered subset of the other. */
function givenCompatible(a: string[], b: string[]): boolean {
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  let j = 0;
  for (const w of long) if (j < short.length && (short[j] === w || (short[j].length === 1 && w.startsWith(short[j])))) j += 1;
  return j === short.length;
}

interface Cluster {
  given: string[];
  aliases: string[];
  fullest: string;
  count: number;
}

function fullerName(a: string, b: string): string {
  const wa = words(a).length;
  const wb = words(b).length;
  if (wa !== wb) return wa > wb ? a : b;
  return a <= b ? a : b;
}

/**
 * Groups speaker phrases naming the same speaker. People with one surname stay apart when their
 * given names conflict ("Shehbaz Sharif" vs "Nawaz Sharif"); a bare surname or title + surname
 * joins the cluster with the most mentions (ties: the alphabetically first), so it is
 * deterministic whatever the input order of equal counts.
 */
export function mergeSpeakers(names: string[]): SpeakerGroup[] {
  const byKey = new Map<string, Cluster[]>();
  const order: string[] = [];
  const parsed = names.map((n) => ({ n: n.trim(), p: parseSpeaker(n) })).filter((x) => x.p.kind !== 'none' && x.p.kind !== 'pronoun');
  // Names with given names first, so bare surnames can attach to the right cluster afterwards.
  const sorted = [...parsed].sort((x, y) => y.p.given.length - x.p.given.length || (x.n < y.n ? -1 : x.n > y.n ? 1 : 0));
  for (const { n, p } of sorted) {
    if (!byKey.has(p.key)) {
      byKey.set(p.key, []);
      order.push(p.key);
    }
    const clusters = byKey.get(p.key) as Cluster[];
    const fits = clusters.filter((c) => givenCompatible(c.given, p.given));
    const target = p.given.length === 0 ? pickCluster(fits) : fits.length === 1 ? fits[0] : undefined;
    if (target) {
      if (!target.aliases.includes(n)) target.aliases.push(n);
      if (p.given.length > target.given.length) target.given = p.given;
      target.fullest = fullerName(target.fullest, p.kind === 'person' ? p.name : n);
      target.count += 1;
    } else {
      clusters.push({ given: p.given, aliases: [n], fullest: p.kind === 'person' ? p.name : n, count: 1 });
    }
  }
  const groups: SpeakerGroup[] = [];
  for (const key of [...order].sort()) {
    const clusters = byKey.get(key) as Cluster[];
    // Two people with one surname: their given names tell the keys apart.
    for (const c of clusters) groups.push({ key: clusters.length > 1 ? `${key}#${c.given.join('-')}` : key, name: c.fullest, aliases: [...c.aliases].sort() });
  }
  return groups;
}

function pickCluster(clusters: Cluster[]): Cluster | undefined {
  if (clusters.length === 0) return undefined;
  return [...clusters].sort((a, b) => b.count - a.count || (a.fullest < b.fullest ? -1 : 1))[0];
}

/** Maps each input phrase to the key of its merged group (see mergeSpeakers). */
export function speakerKeyMap(names: string[]): Map<string, string> {
  const map = new Map<string, string>();
  for (const group of mergeSpeakers(names)) for (const alias of group.aliases) map.set(alias, group.key);
  return map;
}

