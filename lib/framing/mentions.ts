// Who the text has mentioned so far, so that "he said" and "the minister said" can be resolved:
// subjects of speech verbs ("Meera Kulkarni said the breakdown…"), appositives ("Mullah Muhammad
// Yaqoob, the Taliban's defence minister") and titled names ("Defence Minister Khawaja Asif").
import { npAfter, npBefore } from './noun-phrase';
import { parseSpeaker } from './speakers';
import { SPEECH_VERBS } from './verbs';

export interface Mention {
  paragraph: number;
  offset: number;
  /** The speaker phrase as it would be reported ("Mullah Muhammad Yaqoob", "a local official"). */
  phrase: string;
  /** Words describing the speaker nearby ("the Taliban's defence minister"), lower-case. */
  description: string;
}

// Word edges as lookarounds rather than \b: the same matches, found faster (see lib/framing/cues.ts).
const VERB_RE = new RegExp(`(?<!\\w)(${SPEECH_VERBS.join('|')})(?!\\w)`, 'gu');
const APPOSITIVE_RE = /((?:\p{Lu}[\p{L}'’-]*\s+){0,4}\p{Lu}[\p{L}'’-]*),\s+((?:the|a|an)\s+[^,.;“”"]{1,60})/gu;
/** What every APPOSITIVE_RE match contains. */
const APPOSITIVE_HINT = /,\s+(?:the|a|an)\s/u;
const TITLED_RE = /((?:\p{Lu}[\p{L}'’.-]*\s+){1,7}\p{Lu}[\p{L}'’-]*)/gu;
/** Head nouns "he" or "she" can stand for; "the district said" is not one. */
const HUMAN_HEADS = new Set(['official', 'source', 'diplomat', 'spokesman', 'spokeswoman', 'spokesperson', 'minister',
  'member', 'person', 'man', 'woman', 'trader', 'resident', 'analyst', 'officer', 'commander', 'negotiator', 'mediator',
  'envoy', 'ambassador', 'aide', 'adviser', 'advisor', 'expert', 'lawmaker', 'senator', 'leader', 'exporter',
  'driver', 'farmer', 'shopkeeper', 'student', 'teacher', 'doctor', 'witness', 'villager', 'elder', 'insider',
  'cousin', 'brother', 'sister', 'son', 'daughter', 'father', 'mother', 'wife', 'husband', 'uncle', 'aunt', 'neighbour',
  'neighbor', 'friend', 'colleague', 'owner', 'mayor', 'worker', 'nurse', 'soldier', 'refugee', 'participant', 'diplomat']);
/** Sentence openers that are not subjects ("But", "Asked", "Speaking"). */
const LEADING_WORDS = new Set(['but', 'and', 'however', 'meanwhile', 'asked', 'speaking', 'outside', 'inside', 'after',
  'before', 'when', 'while', 'in', 'on', 'at', 'residents', 'officials', 'analysts', 'traders', 'so', 'yet', 'still', 'then']);
/** A sentence's subject: "Rahmatullah has driven…", "His cousin, who drives…, was…". */
const SUBJECT_RE = /^((?:His|Her|Their|A|An|The|Another|One)\s+(?:\p{Ll}[\p{L}-]*\s+){0,2}\p{Ll}[\p{L}-]*|(?!(?:His|Her|Their|A|An|The|It|We|They|He|She|I)\b)(?:\p{Lu}[\p{L}'’-]*\s+){0,2}\p{Lu}[\p{L}'’-]*)(?=,|\s+\p{Ll})/u;

/** Offsets where a clause can start: after sentence ends and after quotation marks. */
function clauseStarts(text: string): number[] {
  const starts = [0];
  for (const m of text.matchAll(/[.!?]["”’)]*\s+(?=\p{Lu})|[”“"]/gu)) starts.push(m.index + m[0].length);
  return starts;
}

/** The head noun of a speaker key ("d:senior official" → "official"). */
function headOf(key: string): string {
  return key.replace(/^[a-z]:/u, '').split(' ').pop() ?? '';
}

/** Whether a one-unit string is an upper-case letter (as /\p{Lu}/u), ASCII without a regex. */
function isUpper(c: string): boolean {
  const code = c.charCodeAt(0);
  return code < 128 ? code >= 65 && code <= 90 : /\p{Lu}/u.test(c);
}

/** Whether a one-unit string is white space or ")" (as /[\s)]/u), ASCII without a regex. */
function isSpaceOrParen(c: string): boolean {
  const code = c.charCodeAt(0);
  return code < 128 ? code === 32 || code === 41 || (code >= 9 && code <= 13) : /\s/u.test(c);
}

/** Sentence starts outside quotation marks: a quoted sentence's first word is no subject. */
function subjectStarts(text: string): number[] {
  const starts: number[] = [];
  let inQuote = false;
  let atStart = true;
  for (let i = 0; i < text.length; i += 1) {
    const c = text[i];
    if (c === '“' || (c === '"' && !inQuote)) inQuote = true;
    else if (c === '”' || c === '"') inQuote = false;
    else if (!inQuote && atStart && isUpper(c)) {
      starts.push(i);
      atStart = false;
    } else if (!inQuote && (c === '.' || c === '!' || c === '?' || c === ':')) atStart = true;
    else if (!isSpaceOrParen(c)) atStart = false;
    if (i === 0 && !isUpper(c)) atStart = false;
  }
  return starts;
}

function startBefore(starts: number[], index: number): number {
  let best = 0;
  for (const s of starts) {
    if (s > index) break;
    best = s;
  }
  return best;
}

/** Every mention in reading order. */
export function findMentions(paragraphs: string[]): Mention[] {
  const found: Mention[] = [];
  paragraphs.forEach((para, p) => {
    const starts = clauseStarts(para);
    for (const m of para.matchAll(VERB_RE)) {
      const start = startBefore(starts, m.index);
      const phrase = npBefore(para.slice(start, m.index));
      const kind = parseSpeaker(phrase).kind;
      if (phrase && kind !== 'pronoun' && kind !== 'none') found.push({ paragraph: p, offset: m.index, phrase, description: phrase.toLowerCase() });
    }
    for (const m of para.matchAll(/\b[Aa]ccording to\s+/gu)) {
      const phrase = npAfter(para.slice(m.index + m[0].length));
      if (phrase) found.push({ paragraph: p, offset: m.index, phrase, description: phrase.toLowerCase() });
    }
    for (const start of subjectStarts(para)) {
      const m = SUBJECT_RE.exec(para.slice(start));
      if (!m) continue;
      const parsed = parseSpeaker(m[1]);
      const human = parsed.kind === 'person' || HUMAN_HEADS.has(headOf(parsed.key));
      if (human && !LEADING_WORDS.has(m[1].split(/\s+/u)[0].toLowerCase())) found.push({ paragraph: p, offset: start, phrase: m[1], description: m[1].toLowerCase() });
    }
    // An appositive needs ", the", ", a" or ", an": most paragraphs have none.
    if (APPOSITIVE_HINT.test(para)) for (const m of para.matchAll(APPOSITIVE_RE)) {
      const name = parseSpeaker(m[1]);
      if (name.kind === 'person') found.push({ paragraph: p, offset: m.index, phrase: name.name, description: m[2].toLowerCase() });
    }
    for (const m of para.matchAll(TITLED_RE)) {
      const name = parseSpeaker(m[1]);
      if (name.kind === 'person' && name.name !== m[1].trim()) {
        found.push({ paragraph: p, offset: m.index, phrase: name.name, description: m[1].toLowerCase() });
      }
    }
  });
  return found.sort((a, b) => a.paragraph - b.paragraph || a.offset - b.offset);
}

function before(m: Mention, paragraph: number, offset: number): boolean {
  return m.paragraph < paragraph || (m.paragraph === paragraph && m.offset < offset);
}

/** He/she: the last person, or a singular human description ("a local official"). */
export function resolvePronoun(mentions: Mention[], paragraph: number, offset: number, pronoun: string): string {
  for (let i = mentions.length - 1; i >= 0; i -= 1) {
    const m = mentions[i];
    if (!before(m, paragraph, offset)) continue;
    if (pronoun !== 'he' && pronoun !== 'she') return m.phrase;
    const parsed = parseSpeaker(m.phrase);
    if (parsed.kind === 'person') return m.phrase;
    // "A United Nations refugee agency official": the head noun decides, not the organisation.
    if ((parsed.kind === 'description' || parsed.kind === 'organisation') && HUMAN_HEADS.has(headOf(parsed.key))) return m.phrase;
  }
  return '';
}

/** "the minister", "the official": the last mention described with that noun. */
export function resolveDefinite(mentions: Mention[], paragraph: number, offset: number, head: string): string {
  const re = new RegExp(`\\b${head.replace(/[^\p{L}-]/gu, '')}s?\\b`, 'u');
  for (let i = mentions.length - 1; i >= 0; i -= 1) {
    const m = mentions[i];
    if (before(m, paragraph, offset) && re.test(m.description) && !/^[Tt]he\s+[^\p{Lu}]*$/u.test(m.phrase)) return m.phrase;
  }
  return '';
}
