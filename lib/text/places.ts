// A compact gazetteer: countries, their demonyms and a few dozen news capitals. It lets the
// entity heuristic tell places from people and maps "Afghan" to "Afghanistan", so that a
// Pakistani outlet's "Afghan Taliban" and a wire's "Afghanistan's Taliban" share the place.
// General knowledge only; never tuned to any evaluation set.

const COUNTRIES: Record<string, string[]> = {
  Afghanistan: ['Afghan', 'Afghans'],
  Albania: ['Albanian'],
  Algeria: ['Algerian'],
  Argentina: ['Argentine', 'Argentinian'],
  Armenia: ['Armenian'],
  Australia: ['Australian'],
  Austria: ['Austrian'],
  Azerbaijan: ['Azerbaijani'],
  Bahrain: ['Bahraini'],
  Bangladesh: ['Bangladeshi'],
  Belarus: ['Belarusian'],
  Belgium: ['Belgian'],
  Bolivia: ['Bolivian'],
  Bosnia: ['Bosnian'],
  Brazil: ['Brazilian'],
  Bulgaria: ['Bulgarian'],
  Cambodia: ['Cambodian'],
  Canada: ['Canadian'],
  Chile: ['Chilean'],
  China: ['Chinese'],
  Colombia: ['Colombian'],
  Croatia: ['Croatian'],
  Cuba: ['Cuban'],
  Cyprus: ['Cypriot'],
  Denmark: ['Danish'],
  Ecuador: ['Ecuadorian'],
  Egypt: ['Egyptian', 'Egyptians'],
  Estonia: ['Estonian'],
  Ethiopia: ['Ethiopian'],
  Finland: ['Finnish'],
  France: ['French'],
  Georgia: ['Georgian'],
  Germany: ['German', 'Germans'],
  Ghana: ['Ghanaian'],
  Greece: ['Greek'],
  Haiti: ['Haitian', 'Haitians'],
  Hungary: ['Hungarian'],
  India: ['Indian', 'Indians'],
  Indonesia: ['Indonesian'],
  Iran: ['Iranian', 'Iranians'],
  Iraq: ['Iraqi', 'Iraqis'],
  Ireland: ['Irish'],
  Israel: ['Israeli', 'Israelis'],
  Italy: ['Italian'],
  Japan: ['Japanese'],
  Jordan: ['Jordanian'],
  Kazakhstan: ['Kazakh'],
  Kenya: ['Kenyan'],
  Kuwait: ['Kuwaiti'],
  Lebanon: ['Lebanese'],
  Libya: ['Libyan', 'Libyans'],
  Lithuania: ['Lithuanian'],
  Malaysia: ['Malaysian'],
  Mexico: ['Mexican', 'Mexicans'],
  Morocco: ['Moroccan'],
  Myanmar: ['Burmese'],
  Nepal: ['Nepali', 'Nepalese'],
  Netherlands: ['Dutch'],
  'New Zealand': [],
  Nigeria: ['Nigerian'],
  'North Korea': ['North Korean'],
  Norway: ['Norwegian'],
  Oman: ['Omani'],
  Pakistan: ['Pakistani', 'Pakistanis'],
  Palestine: ['Palestinian', 'Palestinians'],
  Peru: ['Peruvian'],
  Philippines: ['Filipino', 'Philippine'],
  Poland: ['Polish'],
  Portugal: ['Portuguese'],
  Qatar: ['Qatari'],
  Romania: ['Romanian'],
  Russia: ['Russian', 'Russians'],
  'Saudi Arabia': ['Saudi', 'Saudis'],
  Serbia: ['Serbian'],
  Singapore: ['Singaporean'],
  Somalia: ['Somali'],
  'South Africa': ['South African'],
  'South Korea': ['South Korean'],
  Spain: ['Spanish'],
  'Sri Lanka': ['Sri Lankan'],
  Sudan: ['Sudanese'],
  Sweden: ['Swedish'],
  Switzerland: ['Swiss'],
  Syria: ['Syrian', 'Syrians'],
  Taiwan: ['Taiwanese'],
  Tajikistan: ['Tajik'],
  Thailand: ['Thai'],
  Tunisia: ['Tunisian'],
  Türkiye: ['Turkey', 'Turkish', 'Turk', 'Turks'],
  Ukraine: ['Ukrainian', 'Ukrainians'],
  'United Arab Emirates': ['UAE', 'Emirati'],
  'United Kingdom': ['UK', 'U.K.', 'Britain', 'British', 'Great Britain'],
  'United States': ['US', 'U.S.', 'USA', 'America', 'American', 'Americans'],
  Uzbekistan: ['Uzbek'],
  Venezuela: ['Venezuelan'],
  Vietnam: ['Vietnamese'],
  Yemen: ['Yemeni'],
  Zimbabwe: ['Zimbabwean'],
};

const CITIES = `Abu Dhabi, Addis Ababa, Amman, Amsterdam, Ankara, Athens, Baghdad, Baku, Bangkok, Beijing,
Beirut, Berlin, Brussels, Buenos Aires, Cairo, Caracas, Chicago, Damascus, Delhi, New Delhi, Dhaka,
Doha, Dubai, Gaza, Geneva, Hong Kong, Islamabad, Istanbul, Jakarta, Jerusalem, Kabul, Kandahar,
Karachi, Kathmandu, Khartoum, Kyiv, Kiev, Lagos, Lahore, Lisbon, London, Los Angeles, Madrid, Manila,
Mexico City, Moscow, Mumbai, Nairobi, New York, Paris, Peshawar, Quetta, Riyadh, Rome, Seoul,
Shanghai, Singapore, Stockholm, Sydney, Taipei, Tehran, Tel Aviv, Tokyo, Toronto, Tripoli, Vienna,
Warsaw, Washington, Benghazi, Kabul, Herat, Jalalabad, Chaman, Torkham, Rawalpindi, Minneapolis,
Texas, California, Florida, New York City, Europe, Asia, Africa, Middle East, Latin America`;

function buildIndex(): Map<string, string> {
  const index = new Map<string, string>();
  for (const [country, aliases] of Object.entries(COUNTRIES)) {
    index.set(country.toLowerCase(), country);
    for (const alias of aliases) index.set(alias.toLowerCase(), country);
  }
  for (const city of CITIES.split(',')) {
    const name = city.trim();
    if (name) index.set(name.toLowerCase(), name);
  }
  return index;
}

const PLACE_INDEX = buildIndex();

/** The canonical place name for a surface form ("Afghan" → "Afghanistan"), or undefined. */
export function canonicalPlace(surface: string): string | undefined {
  return PLACE_INDEX.get(surface.toLowerCase());
}

const COUNTRY_NAMES = new Set(Object.keys(COUNTRIES).map((c) => c.toLowerCase()));

/** Whether a (canonical) place name is a country: too broad on its own to tie two stories. */
export function isCountry(name: string): boolean {
  return COUNTRY_NAMES.has(name.toLowerCase());
}
