// Continent of each country the registry (and a reader's edits) may use, for coverage bars and
// for checking that the default registry is not centred on one part of the world. Regions follow
// the UN M49 groupings (Türkiye and the Gulf are Western Asia; Russia is Eastern Europe).

export type Continent = 'Africa' | 'Asia' | 'Europe' | 'North America' | 'South America' | 'Oceania' | 'International';

/** ISO 3166-1 alpha-2 → continent. "INT" marks international wires with no single home. */
export const CONTINENT_BY_COUNTRY: Readonly<Record<string, Continent>> = {
  INT: 'International',
  // Asia
  AE: 'Asia', AF: 'Asia', BD: 'Asia', CN: 'Asia', HK: 'Asia', ID: 'Asia', IL: 'Asia', IN: 'Asia',
  IR: 'Asia', JP: 'Asia', KR: 'Asia', LK: 'Asia', MY: 'Asia', NP: 'Asia', PH: 'Asia', PK: 'Asia',
  QA: 'Asia', SA: 'Asia', SG: 'Asia', TH: 'Asia', TR: 'Asia', TW: 'Asia', VN: 'Asia', LB: 'Asia',
  // Europe
  CH: 'Europe', DE: 'Europe', ES: 'Europe', FR: 'Europe', GB: 'Europe', IE: 'Europe', IT: 'Europe',
  LV: 'Europe', NL: 'Europe', PL: 'Europe', RU: 'Europe', SE: 'Europe', UA: 'Europe', BE: 'Europe',
  // Africa
  CG: 'Africa', EG: 'Africa', ET: 'Africa', GH: 'Africa', KE: 'Africa', NG: 'Africa', ZA: 'Africa',
  SN: 'Africa', MA: 'Africa', UG: 'Africa', TZ: 'Africa',
  // Americas
  CA: 'North America', MX: 'North America', US: 'North America',
  AR: 'South America', BR: 'South America', CL: 'South America', CO: 'South America', VE: 'South America',
  PE: 'South America',
  // Oceania
  AU: 'Oceania', FJ: 'Oceania', NZ: 'Oceania',
};

/** The continent of an ISO country code, or undefined when the code is unknown to this table. */
export function continentOf(country: string): Continent | undefined {
  return CONTINENT_BY_COUNTRY[country.toUpperCase()];
}
