// Weighted terms of an article. The headline names the happening, the lead says who and where,
// the body repeats; entities, numbers and places single an event out among same-day stories.
// Weights here are term frequencies shaped by field; IDF is applied at match time from the
// incremental corpus statistics, so stored weights never go stale.
import type { Entities, WeightedTerm } from '../types';
import { tokenize } from './tokenize';

export const FIELD_WEIGHTS = {
  /** The headline: outlets rephrase it, but its content words are the event's. */
  title: 3,
  /** Dek and first paragraph: the who/what/where of the event. */
  lead: 2,
  body: 1,
} as const;

/** Entity terms ("@afghanistan") weigh like a headline word: shared names are strong evidence. */
const ENTITY_WEIGHT = 1.5;
/** The most mentioned entities weigh more; later ones are often passing references. */
const TOP_ENTITIES = 4;
/** Only this many entities become terms: the tail is noise from capitalised phrases. */
const MAX_ENTITY_TERMS = 12;
/** A number (a death toll, a vote count, a date) is specific to an event. */
const NUMBER_BOOST = 1.3;
/** Body repetitions saturate: the tenth "Taliban" says little more than the third. */
const BODY_SATURATION = 3;
/** Paragraphs after the lead that still count; later ones drift to background. */
const MAX_BODY_PARAGRAPHS = 30;
/** Terms kept per article: bounds index entries (≈20–60 µs each to read) and bytes per article. */
export const MAX_TERMS = 48;

export interface TermFields {
  title: string;
  /** Dek and first paragraph. */
  lead: string[];
  /** Later paragraphs. */
  body: string[];
  entities: Entities;
  locale?: string;
}

/** The index key of an entity: "@" plus its normalised name. */
export function entityKey(name: string): string {
  return '@' + name.normalize('NFKC').toLowerCase().replace(/\s+/g, ' ').trim();
}

/** All entities, places first (canonical, cross-outlet), most mentioned first. */
export function entityKeys(entities: Entities): string[] {
  const keys = [...entities.places, ...entities.organisations, ...entities.people].map(entityKey);
  return [...new Set(keys)].filter((k) => k.length > 2);
}

function addCounts(target: Map<string, number>, tokens: string[]): void {
  for (const token of tokens) target.set(token, (target.get(token) ?? 0) + 1);
}

function fieldCounts(texts: string[], locale: string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const text of texts) addCounts(counts, tokenize(text, locale));
  return counts;
}

function entityWeights(entities: Entities): Map<string, number> {
  const ranked = [...entities.places.slice(0, TOP_ENTITIES), ...entities.organisations.slice(0, TOP_ENTITIES), ...entities.people.slice(0, TOP_ENTITIES)];
  const top = new Set(ranked.map(entityKey));
  const weights = new Map<string, number>();
  for (const key of entityKeys(entities).slice(0, MAX_ENTITY_TERMS)) {
    weights.set(key, top.has(key) ? ENTITY_WEIGHT : ENTITY_WEIGHT / 2);
  }
  return weights;
}

function rank(entries: [string, number][]): WeightedTerm[] {
  return entries
    .map(([term, weight]) => ({ term, weight: Math.round(weight * 100) / 100 }))
    .sort((a, b) => b.weight - a.weight || (a.term < b.term ? -1 : 1));
}

/** The article's entity terms, then its top word terms, each heaviest first. */
export function weightTerms(fields: TermFields): WeightedTerm[] {
  const locale = fields.locale ?? 'en';
  const weights = new Map<string, number>();
  const add = (term: string, weight: number) => weights.set(term, (weights.get(term) ?? 0) + weight);
  for (const [term, n] of fieldCounts([fields.title], locale)) add(term, FIELD_WEIGHTS.title * Math.min(n, 2));
  for (const [term, n] of fieldCounts(fields.lead, locale)) add(term, FIELD_WEIGHTS.lead * (1 + Math.log(n)));
  const body = fieldCounts(fields.body.slice(0, MAX_BODY_PARAGRAPHS), locale);
  for (const [term, n] of body) add(term, FIELD_WEIGHTS.body * Math.min(1 + Math.log(n), BODY_SATURATION));
  for (const [term, weight] of weights) if (/^\d/.test(term)) weights.set(term, weight * NUMBER_BOOST);
  const entities = entityWeights(fields.entities);
  // Entity terms always keep their slots: story links need the shared names even when a long
  // body outweighs them.
  const words = rank([...weights].filter(([term]) => !entities.has(term))).slice(0, MAX_TERMS - entities.size);
  return rank([...entities]).concat(words);
}
