// Whom each outlet quotes: the event's quotations grouped by merged speaker (lib/framing/speakers),
// with the outlets that quote each one. Unattributed quotes are kept under speaker "".
import type { Quote } from '../types';
import { mergeSpeakers } from './speakers';
import type { QuoteInstance, SpeakerQuotes } from './types';

export interface QuotedArticle {
  id: string;
  outletId: string;
  quotes: Quote[];
}

/** Quotes kept per speaker: the panel shows a few, the rest are counted in `quotes.length` of the source. */
export const MAX_QUOTES_PER_SPEAKER = 20;

/** Groups every quote of the event by merged speaker; most-quoted speakers (by outlets) first. */
export function quotesBySpeaker(articles: QuotedArticle[]): SpeakerQuotes[] {
  const instances: QuoteInstance[] = articles.flatMap((a) =>
    a.quotes.map((q) => ({ outletId: a.outletId, articleId: a.id, text: q.text, speaker: q.speaker.trim() })),
  );
  const groups = mergeSpeakers([...new Set(instances.map((q) => q.speaker).filter(Boolean))]);
  const byAlias = new Map<string, SpeakerQuotes>();
  const result: SpeakerQuotes[] = groups.map((g) => ({ key: g.key, speaker: g.name, aliases: g.aliases, outletIds: [], quotes: [] }));
  result.forEach((r) => r.aliases.forEach((alias) => byAlias.set(alias, r)));
  const unattributed: SpeakerQuotes = { key: '', speaker: '', aliases: [], outletIds: [], quotes: [] };
  for (const q of instances) {
    const target = byAlias.get(q.speaker) ?? unattributed;
    if (target.quotes.length < MAX_QUOTES_PER_SPEAKER) target.quotes.push(q);
    if (!target.outletIds.includes(q.outletId)) target.outletIds.push(q.outletId);
  }
  const all = [...result.filter((r) => r.quotes.length > 0), ...(unattributed.quotes.length > 0 ? [unattributed] : [])];
  for (const r of all) r.outletIds.sort();
  return all.sort((a, b) => (a.key === '' ? 1 : 0) - (b.key === '' ? 1 : 0) || b.outletIds.length - a.outletIds.length || b.quotes.length - a.quotes.length || a.key.localeCompare(b.key));
}
