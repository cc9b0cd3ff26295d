// Verbs that attribute words to a speaker. Neutral ones report; loaded ones also judge (a reader
// hears doubt in "claimed", guilt in "admitted", stubbornness in "insisted"), which is why
// lib/framing/cues.ts counts them apart. Past, present and base forms, since headlines and ledes
// use the present ("Asif says").

export const NEUTRAL_VERBS = [
  'said', 'says', 'say', 'told', 'tells', 'added', 'adds', 'stated', 'states', 'noted', 'notes', 'asked',
  'asks', 'explained', 'explains', 'wrote', 'writes', 'posted', 'replied', 'responded', 'continued',
  'announced', 'announces', 'remarked', 'commented', 'reported', 'confirmed', 'confirms', 'recalled',
  'observed', 'tweeted', 'answered', 'called', 'described', 'put it', 'estimated', 'predicted',
];

export const LOADED_VERBS = [
  'claimed', 'claims', 'alleged', 'alleges', 'insisted', 'insists', 'admitted', 'admits', 'conceded',
  'concedes', 'acknowledged', 'acknowledges', 'warned', 'warns', 'stressed', 'stresses', 'argued',
  'argues', 'declared', 'declares', 'asserted', 'asserts', 'maintained', 'maintains', 'charged',
  'complained', 'complains', 'lamented', 'boasted', 'vowed', 'vows', 'urged', 'urges', 'demanded',
  'demands', 'denied', 'denies', 'countered', 'retorted', 'snapped', 'quipped', 'cautioned',
  'emphasised', 'emphasized', 'underlined', 'reiterated', 'affirmed', 'accused', 'shouted', 'yelled',
  'chanted', 'pleaded', 'joked', 'whispered', 'screamed',
];

export const SPEECH_VERBS = [...NEUTRAL_VERBS, ...LOADED_VERBS];

/** Phrases that mark an unnamed source (word edges as in lib/framing/cues.ts HEDGE_PATTERNS). */
export const UNNAMED_SOURCE_PATTERNS = [
  /(?<!\w)(?:an?|one|two|three|several)\s+(?:\w+\s+){0,3}(?:sources?|officials?|diplomats?|insiders?|aides?|people)(?!\w)[^.]{0,60}?(?<!\w)(?:anonymity|not authori[sz]ed|unnamed|familiar with|close to|requested|asked not|declined to be named)/iu,
  /(?<!\w)(?:an?\s+)?(?:unnamed|anonymous|unidentified)\s+(?:\w+\s+){0,2}(?:sources?|officials?|diplomats?|persons?|members?)(?!\w)/iu,
  /(?<!\w)sources?\s+(?:said|say|told|close to|familiar with|in|at)(?!\w)/iu,
  /(?<!\w)on (?:the )?condition of anonymity(?!\w)/iu,
];
