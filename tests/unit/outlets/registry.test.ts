import { describe, expect, it } from 'vitest';
import { DEFAULT_OUTLETS } from '../../../lib/outlets/registry';
import { continentOf } from '../../../lib/outlets/countries';
import { validateOutlet } from '../../../lib/outlets/validate';
import { findOutletByUrl } from '../../../lib/outlets/lookup';

const countries = new Set(DEFAULT_OUTLETS.map((outlet) => outlet.country));

describe('default outlet registry', () => {
  it('has at least 60 outlets from at least 15 countries', () => {
    expect(DEFAULT_OUTLETS.length).toBeGreaterThanOrEqual(60);
    expect([...countries].filter((country) => country !== 'INT').length).toBeGreaterThanOrEqual(15);
  });

  it('covers every continent with news, and international wires', () => {
    const continents = new Set([...countries].map((country) => continentOf(country)));
    for (const continent of ['Africa', 'Asia', 'Europe', 'North America', 'South America', 'Oceania', 'International']) {
      expect(continents, continent).toContain(continent);
    }
  });

  it('knows the continent of every country it uses', () => {
    for (const country of countries) expect(continentOf(country), country).toBeDefined();
  });

  it.each([
    ['PK', ['dawn', 'express-tribune', 'geo-news']],
    ['AF', ['tolonews', 'pajhwok', 'ariana-news', 'khaama-press', 'amu-tv']],
    ['IN', ['pti', 'the-hindu', 'ndtv', 'ani']],
    ['QA', ['al-jazeera']],
    ['TR', ['anadolu', 'daily-sabah', 'trt-world', 'hurriyet-daily-news']],
    ['INT', ['reuters', 'ap', 'afp']],
  ])('includes the demo story side %s', (country, ids) => {
    for (const id of ids) expect(DEFAULT_OUTLETS.find((outlet) => outlet.id === id)?.country, id).toBe(country);
  });

  it('has unique ids and no domain claimed by two outlets', () => {
    expect(new Set(DEFAULT_OUTLETS.map((outlet) => outlet.id)).size).toBe(DEFAULT_OUTLETS.length);
    const domains = DEFAULT_OUTLETS.flatMap((outlet) => outlet.domains);
    expect(new Set(domains).size).toBe(domains.length);
  });

  it('lists only http(s) feed URLs', () => {
    for (const outlet of DEFAULT_OUTLETS) {
      for (const feed of outlet.feeds) expect(new URL(feed).protocol, `${outlet.id} ${feed}`).toMatch(/^https?:$/);
    }
  });

  it('gives a lean only with the public rating it comes from', () => {
    for (const outlet of DEFAULT_OUTLETS.filter((o) => o.lean)) {
      expect(outlet.lean?.value, outlet.id).toMatch(/^(left|lean-left|center|lean-right|right)$/);
      expect(outlet.lean?.source.length, outlet.id).toBeGreaterThan(5);
    }
  });

  it('passes its own validation unchanged', () => {
    for (const outlet of DEFAULT_OUTLETS) {
      const { outlet: cleaned, errors } = validateOutlet(outlet);
      expect(errors, outlet.id).toEqual([]);
      expect(cleaned, outlet.id).toEqual(outlet);
    }
  });

  it('maps each outlet’s own home page back to it', () => {
    for (const outlet of DEFAULT_OUTLETS) {
      for (const domain of outlet.domains) expect(findOutletByUrl(`https://${domain}/news/1`, DEFAULT_OUTLETS)?.id, domain).toBe(outlet.id);
    }
  });

  it('uses ISO country codes and BCP 47 languages', () => {
    for (const outlet of DEFAULT_OUTLETS) {
      expect(outlet.country, outlet.id).toMatch(/^(?:[A-Z]{2}|INT)$/);
      expect(outlet.language, outlet.id).toMatch(/^[a-z]{2,3}(?:-[A-Za-z0-9]+)*$/);
    }
  });
});
