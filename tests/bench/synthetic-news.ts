// A synthetic news stream for the match benchmark, made here from a seed (nothing is read from
// anywhere): a Zipf-distributed background vocabulary of made-up words, stories that run for
// weeks with their own names and words, events of several articles from different outlets
// within hours of each other, and the event's own words and numbers. Deterministic: the same
// size and seed give the same articles, in Node and in the browser. Article i is generated on
// demand, so a stream of 100,000 articles never sits in memory as text.
import { prepareArticle } from '../../lib/match/prepare';
import type { Article, ArticleInput } from '../../lib/types';
import { isStopword } from '../../lib/text/stopwords';
import { DAY, HOUR } from '../../lib/match/thresholds';

/** Made-up background words, ranked; word r is drawn with probability ∝ 1 / r^ZIPF_S. */
const VOCABULARY = 40_000;
const ZIPF_S = 1.05;
/** Names (people, places, organisations) the stories draw theirs from. */
const NAMES = 6_000;
const OUTLETS = 80;
/** Articles per day of the stream (a reader following a few dozen feeds). */
const ARTICLES_PER_DAY = 150;
const START = Date.UTC(2024, 0, 1);

export interface SyntheticArticle {
  input: ArticleInput;
  outlet: { id: string; name: string };
  /** Epoch ms (also in input.published). */
  published: number;
  /** The event and story the generator made it for (the truth, for sanity checks). */
  event: number;
  story: number;
}

/** mulberry32: small, fast, good enough for text. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function mix(...parts: number[]): number {
  let h = 0x811c9dc5;
  for (const p of parts) h = Math.imul(h ^ (p >>> 0), 0x01000193) ^ (h >>> 13);
  return h >>> 0;
}

const CONSONANTS = 'bdfgklmnprtvz';
const VOWELS = 'aeiou';

/** Distinct pronounceable words of 2–4 syllables ending in a vowel (no stemmer changes them). */
function makeWords(count: number, seed: number): string[] {
  const random = rng(seed);
  const seen = new Set<string>();
  const words: string[] = [];
  while (words.length < count) {
    const syllables = 2 + Math.floor(random() * random() * 3);
    let w = '';
    for (let s = 0; s < syllables; s++) w += CONSONANTS[Math.floor(random() * CONSONANTS.length)] + VOWELS[Math.floor(random() * VOWELS.length)];
    if (seen.has(w) || isStopword(w)) continue;
    seen.add(w);
    words.push(w);
  }
  return words;
}

const capital = (w: string) => w[0].toUpperCase() + w.slice(1);

interface Story {
  people: string[];
  places: string[];
  organisations: string[];
  /** Words the story's coverage keeps using. */
  words: string[];
}

interface Event {
  story: number;
  time: number;
  /** Words of this happening (the ruling, the strike, the vote). */
  words: string[];
  number: string;
  outlets: number[];
}

export interface SyntheticStream {
  size: number;
  /** Days the stream spans. */
  days: number;
  events: number;
  stories: number;
  article(i: number): SyntheticArticle;
}

/** The stream of `size` articles, oldest first. */
export function syntheticNews(size: number, seed = 1): SyntheticStream {
  const random = rng(seed);
  const vocabulary = makeWords(VOCABULARY, mix(seed, 1));
  const names = makeWords(NAMES, mix(seed, 2)).map(capital);
  // Zipf CDF over the background vocabulary.
  const cdf = new Float64Array(VOCABULARY);
  let total = 0;
  for (let r = 0; r < VOCABULARY; r++) cdf[r] = total += 1 / Math.pow(r + 1, ZIPF_S);
  const zipf = (u: number) => {
    const x = u * total;
    let lo = 0;
    let hi = VOCABULARY - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cdf[mid] < x) lo = mid + 1;
      else hi = mid;
    }
    return vocabulary[lo];
  };
  // Story and event words come from the middle of the vocabulary: topical, not function-like.
  const topical = (u: number) => vocabulary[200 + Math.floor(u * (VOCABULARY - 200))];
  const days = Math.max(30, Math.ceil(size / ARTICLES_PER_DAY));
  const stories: Story[] = [];
  const events: Event[] = [];
  const slots: { event: number; k: number; time: number }[] = [];
  const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)];
  const geometric = (mean: number) => Math.floor(Math.log(1 - random()) * -mean);
  while (slots.length < size) {
    const storyId = stories.length;
    stories.push({
      people: Array.from({ length: 1 + geometric(1.5) }, () => `${pick(names)} ${pick(names)}`),
      places: Array.from({ length: 1 + geometric(1) }, () => pick(names)),
      organisations: Array.from({ length: geometric(1) }, () => `${pick(names)} ${pick(['Council', 'Party', 'Ministry', 'Union', 'Group', 'Authority'])}`),
      words: Array.from({ length: 8 + Math.floor(random() * 10) }, () => topical(random())),
    });
    const start = random() * days * DAY;
    const span = Math.min(-Math.log(1 - random()) * 40 * DAY, 200 * DAY);
    const eventCount = 1 + geometric(4);
    for (let e = 0; e < eventCount && slots.length < size; e++) {
      const time = START + Math.min(start + random() * span, days * DAY - HOUR);
      const outletCount = Math.min(1 + geometric(2.5), 12);
      const outlets = new Set<number>();
      while (outlets.size < outletCount) outlets.add(Math.floor(random() * OUTLETS));
      const eventId = events.length;
      events.push({ story: storyId, time, words: Array.from({ length: 4 + Math.floor(random() * 4) }, () => topical(random())), number: String(2 + Math.floor(random() * 900)), outlets: [...outlets] });
      for (let k = 0; k < outletCount && slots.length < size; k++) slots.push({ event: eventId, k, time: time + Math.min(-Math.log(1 - random()) * 6 * HOUR, 36 * HOUR) });
    }
  }
  slots.sort((a, b) => a.time - b.time || a.event - b.event || a.k - b.k);

  const article = (i: number): SyntheticArticle => {
    const slot = slots[i];
    const event = events[slot.event];
    const story = stories[event.story];
    const r = rng(mix(seed, slot.event, slot.k, 7));
    const from = <T>(list: readonly T[]) => list[Math.floor(r() * list.length)];
    const entityNames = [...story.places, ...story.organisations, ...story.people];
    const word = (): string => {
      const u = r();
      if (u < 0.07) return from(event.words);
      if (u < 0.15) return from(story.words);
      if (u < 0.19) return from(entityNames);
      if (u < 0.195) return event.number;
      return zipf(r());
    };
    const sentence = (n: number) => {
      const words = Array.from({ length: n }, word);
      words[0] = capital(words[0]);
      return words.join(' ') + '.';
    };
    const paragraph = () => Array.from({ length: 2 + Math.floor(r() * 3) }, () => sentence(10 + Math.floor(r() * 12))).join(' ');
    const title = capital([from(event.words), from(story.words), from(entityNames), from(event.words), zipf(r()), zipf(r()), from(story.words)].join(' '));
    const dek = sentence(18 + Math.floor(r() * 12));
    const paragraphs = Array.from({ length: 5 + Math.floor(r() * 5) }, paragraph);
    const speaker = from(story.people);
    const quoteText = sentence(12);
    paragraphs[1] = `"${quoteText}" ${speaker} said. ${paragraphs[1]}`;
    const outletNo = event.outlets[slot.k];
    const outlet = { id: `outlet-${outletNo}.example`, name: `Outlet ${outletNo}` };
    const published = Math.round(slot.time);
    const day = new Date(published).toISOString().slice(0, 10).replaceAll('-', '/');
    const input: ArticleInput = {
      url: `https://www.outlet-${outletNo}.example/${day}/${title.toLowerCase().split(' ').slice(0, 5).join('-')}-${i}`,
      title,
      dek,
      bylines: [`${from(names)} ${from(names)}`],
      published: new Date(published).toISOString(),
      language: 'en',
      section: from(['World', 'Politics', 'Business', 'Asia', 'Europe']),
      tags: [from(story.words), capital(from(story.places))],
      siteName: outlet.name,
      paragraphs,
      quotes: [{ text: quoteText, speaker, paragraph: 1, offset: 1 }],
      entities: { people: story.people.slice(0, 3), places: story.places.slice(0, 3), organisations: story.organisations.slice(0, 2) },
      wordCount: paragraphs.join(' ').split(' ').length,
      source: 'feed',
    };
    return { input, outlet, published, event: slot.event, story: event.story };
  };

  return { size, days, events: new Set(slots.map((s) => s.event)).size, stories: new Set(slots.map((s) => events[s.event].story)).size, article };
}

/** Article i of the stream as the engine stores it, without body text (the size target excludes it). */
export function preparedArticle(stream: SyntheticStream, i: number): Article {
  const a = stream.article(i);
  return { ...prepareArticle(a.input, a.outlet, a.published), body: '' };
}
