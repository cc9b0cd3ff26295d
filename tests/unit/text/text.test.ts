import { describe, expect, it } from 'vitest';
import { extractDateReferences } from '../../../lib/text/dates';
import { applyDocFreqDelta, docFreqDelta, idf } from '../../../lib/text/doc-freq';
import { extractEntities } from '../../../lib/text/entities';
import { entityKey, MAX_TERMS, weightTerms } from '../../../lib/text/terms';
import { stem, tokenize } from '../../../lib/text/tokenize';

describe('tokenize', () => {
  it('drops function words in English, French, German and Spanish, lower-cases and stems plurals', () => {
    expect(tokenize('The talks in Doha ended')).toEqual(['talk', 'doha', 'ended']);
    expect(tokenize('Les négociations de paix avec le Pakistan')).toEqual(['négociation', 'paix', 'pakistan']);
    expect(tokenize('Die Gespräche und der Waffenstillstand')).toEqual(['gespräche', 'waffenstillstand']);
    expect(tokenize('Las conversaciones de paz en Estambul')).toEqual(['conversacione', 'paz', 'estambul']);
  });

  it('keeps numbers and non-Latin scripts, removes treebank escapes', () => {
    expect(tokenize('-LRB- 2025 -RRB- killed 23')).toEqual(['2025', 'killed', '23']);
    expect(tokenize('پاکستان افغانستان')).toEqual(['پاکستان', 'افغانستان']);
  });

  it('reads thousands separators as one number and keeps decimal points', () => {
    expect(tokenize('Bitcoin tops $5,000, then 5000 again')).toEqual(['bitcoin', 'top', '5000', '5000']);
    expect(tokenize('a 4.5 magnitude quake, not 45')).toEqual(['4.5', 'magnitude', 'quake', '45']);
    expect(tokenize('1,250,000.5 people')).toEqual(['1250000.5', 'people']);
  });

  it('stems only plural endings', () => {
    expect(['ceasefires', 'countries', 'crisis', 'news', 'boxes'].map(stem)).toEqual(['ceasefire', 'country', 'crisis', 'news', 'box']);
  });
});

describe('extractEntities', () => {
  it('finds places (canonical), people after titles and organisations by acronym or head word', () => {
    const e = extractEntities('Talks resume in Istanbul', [
      'Pakistani and Afghan delegations met in Istanbul, Türkiye’s foreign ministry said. Defence Minister Khawaja Asif said the TTP must be reined in.',
      'The Islamic Emirate’s spokesman Zabihullah Mujahid told reporters the Doha ceasefire holds.',
    ]);
    expect(e.places).toEqual(expect.arrayContaining(['Istanbul', 'Pakistan', 'Afghanistan', 'Türkiye', 'Doha']));
    expect(e.people).toEqual(expect.arrayContaining(['Khawaja Asif', 'Zabihullah Mujahid']));
    expect(e.organisations).toContain('TTP');
  });

  it('does not read a Title Case headline as a list of names', () => {
    const e = extractEntities('Talks End Without Agreement As Sides Trade Blame', []);
    expect([...e.people, ...e.organisations]).toEqual([]);
  });

  it('merges a surname into the full name and skips sentence-initial function words', () => {
    const e = extractEntities('', ['Information Minister Attaullah Tarar spoke on Tuesday. Tarar said talks failed. The talks ended.']);
    expect(e.people).toEqual(['Attaullah Tarar']);
  });
});

describe('weightTerms', () => {
  it('weighs the headline over the body, keeps entity terms and bounds the count', () => {
    const terms = weightTerms({
      title: 'Ceasefire agreed in Doha',
      lead: ['Pakistan and Afghanistan agreed a ceasefire.'],
      body: Array.from({ length: 40 }, (_, i) => `Paragraph word${i} filler${i} more${i}.`),
      entities: { people: [], places: ['Doha', 'Pakistan'], organisations: [] },
    });
    expect(terms.length).toBe(MAX_TERMS);
    const weight = (t: string) => terms.find((x) => x.term === t)?.weight ?? 0;
    expect(weight('ceasefire')).toBeGreaterThan(weight('word1'));
    expect(terms.map((t) => t.term)).toContain(entityKey('Doha'));
  });
});

describe('document frequencies', () => {
  it('moves only the difference on re-ingest', () => {
    const table = new Map<string, number>();
    applyDocFreqDelta(table, docFreqDelta([], ['a', 'b', 'b']));
    applyDocFreqDelta(table, docFreqDelta(['a', 'b'], ['b', 'c']));
    expect([...table].sort()).toEqual([['b', 1], ['c', 1]]);
    expect(idf(0, 100)).toBeGreaterThan(idf(50, 100));
  });
});

describe('extractDateReferences', () => {
  it('resolves month-day mentions and weekdays against the publication day, past only', () => {
    const published = Date.UTC(2025, 9, 28, 12);
    const days = extractDateReferences('The ceasefire agreed on October 19 in Doha; clashes began on Saturday. Talks resume November 6.', published);
    const iso = days.map((d) => new Date(d * 86_400_000).toISOString().slice(0, 10));
    expect(iso).toEqual(['2025-10-19', '2025-10-25']);
  });

  it('reads a bare weekday as the latest such day, and skips the weekdays still ahead', () => {
    // Tuesday 28 October 2025.
    const published = Date.UTC(2025, 9, 28, 12);
    const days = extractDateReferences('The minister said Sunday that talks would resume next Thursday, by Friday at the latest.', published);
    expect(days.map((d) => new Date(d * 86_400_000).toISOString().slice(0, 10))).toEqual(['2025-10-26']);
  });

  it('reads "yesterday" as the day before publication', () => {
    const published = Date.UTC(2025, 9, 28, 12);
    expect(extractDateReferences('Troops withdrew from the border yesterday.', published)).toEqual([Math.floor(published / 86_400_000) - 1]);
  });
});
