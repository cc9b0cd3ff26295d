// The speaker noun phrase next to a speech verb, found with word lists rather than a parser:
// enough for the shapes news attribution takes ("Defence Minister Khawaja Asif", "Zabihullah
// Mujahid, the Taliban's chief spokesman,", "a senior official who spoke on condition of
// anonymity"). The phrase is trimmed to its head and an "of/for" complement ("a member of the
// Afghan delegation"); relative clauses and participles ("who attended", "familiar with") go.
import { parseSpeaker } from './speakers';

/** Words that end a subject phrase when met walking back from the verb. */
const STOP_BACK = new Set([
  'after', 'before', 'when', 'while', 'because', 'since', 'although', 'though', 'but', 'and', 'or', 'that',
  'which', 'where', 'if', 'until', 'as', 'so', 'than', 'whom', 'whose', 'said', 'says', 'told', 'how', 'what',
  'why', 'whether', 'by', 'into', 'amid', 'despite', 'is', 'was', 'were', 'are', 'has', 'had', 'have',
]);
/** Adverbs and auxiliaries between a subject and its verb ("Asif also said", "Mujahid has said"). */
const BETWEEN = new Set(['also', 'later', 'earlier', 'reportedly', 'separately', 'again', 'then', 'further',
  'has', 'had', 'have', 'once', 'previously', 'repeatedly', 'recently', 'simply', 'only', 'bluntly', 'flatly',
  'publicly', 'privately', 'subsequently', 'would', 'will', 'angrily', 'firmly', 'clearly', 'finally']);
const DETERMINERS = new Set(['a', 'an', 'the', 'one', 'another', 'some', 'several', 'two', 'three', 'many', 'most', 'other', 'his', 'her', 'their']);
/** Sentence openers that are not part of the subject ("But Asif said", "On Monday Asif said"). */
const LEADING_SKIP = new Set(['but', 'and', 'however', 'meanwhile', 'separately', 'later', 'still', 'yet', 'earlier',
  'also', 'instead', 'now', 'then', 'afterwards', 'on', 'in', 'at', 'monday', 'tuesday', 'wednesday', 'thursday',
  'friday', 'saturday', 'sunday', 'today', 'yesterday', 'so', 'indeed', 'here', 'there', 'speaking', 'asked']);
/** Where a speaker phrase's post-modifier begins: cut there. */
const POSTMOD_CUT = new Set(['who', 'which', 'that', 'familiar', 'close', 'speaking', 'involved', 'present',
  'briefed', 'with', 'in', 'at', 'on', 'from', 'to', 'whose', 'knowledgeable', 'aware', 'attending',
  'participating', 'during', 'after', 'before', 'when', 'while', 'as', 'adding', 'and', 'told', 'said',
  'because', 'but', 'said', 'says', 'who', 'since', 'than', 'by', 'under', 'over', 'about']);
/** "a member of the delegation", "a diplomat involved in the process": the phrase goes on. */
const CONTINUE_PAST_DETERMINER = new Set(['of', 'for', 'to', 'in', 'at', 'on', 'with', 'from', 'near', 'about', 'inside', 'within']);
/** Prepositions: a phrase right after one is an adjunct ("In a statement"), not a subject. */
const PREPOSITIONS = new Set(['in', 'on', 'at', 'with', 'from', 'by', 'after', 'before', 'during', 'to', 'into', 'of', 'for', 'under', 'over', 'about']);
/** Appositive heads that only point elsewhere ("The other, a diplomat from the region,"). */
const POINTER_HEADS = new Set(['other', 'one', 'another', 'latter', 'former', 'first', 'second', 'third']);
/** Most words a speaker phrase may have. */
const MAX_NP_WORDS = 10;

/** Bare forms of words met: the same few hundred words are bared again and again. */
const bareCache = new Map<string, string>();
/** Bound on the cache so a long session cannot grow it without limit. */
const MAX_BARE_CACHED = 10_000;

function bare(word: string): string {
  let b = bareCache.get(word);
  if (b === undefined) {
    b = word.toLowerCase().replace(/[^\p{L}\p{N}'’.-]/gu, '').replace(/['’]s$/u, '');
    if (bareCache.size >= MAX_BARE_CACHED) bareCache.clear();
    bareCache.set(word, b);
  }
  return b;
}

function tokens(text: string): string[] {
  return text.split(/\s+/u).filter(Boolean);
}

/** Drops openers from the front and post-modifiers from the back of a phrase. */
function tidy(words: string[]): string {
  let start = 0;
  while (start < words.length - 1 && LEADING_SKIP.has(bare(words[start])) && words.length - start > 1) start += 1;
  const kept: string[] = [];
  for (const w of words.slice(start)) {
    if (kept.length > 0 && POSTMOD_CUT.has(bare(w)) && /^\p{Ll}/u.test(w)) break;
    kept.push(w);
  }
  // "Sen. Susan Collins (R-Maine)": the party and state are not part of the name.
  return kept.join(' ').replace(/[\s,;:.!?]+$/u, '').replace(/\s*\([^)]*\)?\s*$/u, '').replace(/^[\s,;:—–-]+|[\s,;:.!?—–-]+$/gu, '').replace(/^["“”'‘’]+|["“”'‘’]+$/gu, '');
}

/** Collects words backward from the end of `text` while they can belong to one subject phrase. */
function collectBack(text: string): string[] {
  const words = tokens(text);
  const out: string[] = [];
  for (let i = words.length - 1; i >= 0 && out.length < MAX_NP_WORDS; i -= 1) {
    const w = words[i];
    if (out.length > 0 && /[.;:!?,"“”»]$/u.test(w)) break;
    const b = bare(w);
    if (STOP_BACK.has(b) && /^\p{Ll}/u.test(w)) break;
    out.unshift(w);
    if (DETERMINERS.has(b) && !CONTINUE_PAST_DETERMINER.has(bare(words[i - 1] ?? ''))) break;
  }
  return out;
}

/** The speaker phrase that ends `text` (the words before a speech verb), or "". */
export function npBefore(text: string): string {
  let words = tokens(text.replace(/[\s]+$/u, ''));
  while (words.length > 0 && BETWEEN.has(bare(words[words.length - 1]))) words = words.slice(0, -1);
  let joined = words.join(' ');
  if (/,$/u.test(joined)) return appositive(joined.slice(0, -1));
  // "A senior official who was part of the delegation said": the subject precedes "who".
  const relative = /^(.*\S)\s+who\s+[^,]*$/u.exec(joined);
  if (relative) joined = relative[1];
  const collected = collectBack(joined);
  const before = tokens(joined).slice(0, -collected.length || undefined);
  if (collected.length > 0 && (PREPOSITIONS.has(bare(before[before.length - 1] ?? '')) || PREPOSITIONS.has(bare(collected[0])))) return '';
  return tidy(collected);
}

/** "A, B," before a verb: the name of A or B, preferring the one that names a person. */
function appositive(text: string): string {
  const comma = text.lastIndexOf(',');
  if (comma < 0) return tidy(collectBack(text));
  const b = tidy(tokens(text.slice(comma + 1)));
  const a = tidy(collectBack(text.slice(0, comma)));
  const pa = parseSpeaker(a);
  const pb = parseSpeaker(b);
  // "A former envoy to Kabul, Gautam Mukhopadhaya," — a full name beats a stray capitalised word.
  if (pb.kind === 'person' && (pa.kind !== 'person' || (pa.given.length === 0 && pb.given.length > 0))) return b;
  if (pa.kind === 'person' || !b) return a;
  const aHead = bare(a.split(/\s+/u).pop() ?? '');
  return a && !POINTER_HEADS.has(aHead) ? a : b;
}

/** The speaker phrase that starts `text` (the words after "said" or "according to"), or "". */
export function npAfter(text: string): string {
  const out: string[] = [];
  for (const w of tokens(text)) {
    if (out.length >= MAX_NP_WORDS) break;
    if (/^["“”«]/u.test(w)) break;
    out.push(w);
    if (/[,.;:!?—)]$/u.test(w) && !/^(Mr|Mrs|Ms|Dr|Gen|Lt|Col|Maj|Brig|Sen|Rep|Gov|Prof)\.$/u.test(w)) break;
  }
  const phrase = tidy(out);
  // "said his wife, Sheraine Lathon, 69": the name that follows a description is the speaker.
  const rest = tokens(text).slice(out.length);
  if (phrase && parseSpeaker(phrase).kind !== 'person' && /,$/u.test(out[out.length - 1] ?? '') && rest.length > 0) {
    const next = tidy(rest.slice(0, MAX_NP_WORDS).join(' ').split(',')[0].split(/\s+/u));
    if (parseSpeaker(next).kind === 'person' && parseSpeaker(next).given.length > 0) return next;
  }
  return phrase;
}
