// The serialisable result of framing one event: everything is counted from the articles or quoted
// verbatim from them, with the outlet and article it came from, so the UI can show evidence.

export type Axis = 'country' | 'lean' | 'ownership' | 'stateAffiliated';

/** Term counts of the local corpus (term → count); terms as lib/framing/tokens.ts keys them. */
export type BackgroundCounts = Record<string, number>;

export interface FramingOptions {
  /** Ids of the outlets among the reader's enabled sources. */
  enabledOutlets: string[];
  /** Term counts over the reader's local corpus: the prior of the distinctive-words model. */
  background?: BackgroundCounts;
}

export interface CoverageGroup {
  /** The axis value ("PK", "lean-left", "state-owned", "true"). */
  value: string;
  outletIds: string[];
  articleIds: string[];
  /** Share of the event's outlets in this group, 0..1. */
  share: number;
}

export interface AxisCoverage {
  axis: Axis;
  groups: CoverageGroup[];
  /** Outlets of the event with no value on this axis (no public lean rating, say). */
  unknownOutletIds: string[];
}

/** A group present among the reader's sources with no article on the event. */
export interface Blindspot {
  axis: Axis;
  value: string;
  /** The reader's enabled outlets in that group, none of which covered the event. */
  outletIds: string[];
}

/** An axis the reader's sources do not span: at most one value among them. */
export interface UnspannedAxis {
  axis: Axis;
  readerValues: string[];
  /** Values known from the outlet registry that none of the reader's sources has. */
  missingValues: string[];
}

export interface Coverage {
  outletCount: number;
  articleCount: number;
  axes: AxisCoverage[];
  blindspots: Blindspot[];
  unspannedAxes: UnspannedAxis[];
}

export interface DistinctiveTerm {
  /** The word or two-word phrase as most often written. */
  term: string;
  /** Normalised key (stemmed tokens joined by a space). */
  key: string;
  /** z-score of the weighted log-odds ratio (Monroe, Colaresi & Quinn 2008). */
  z: number;
  /** z ≥ 1.645 (one-sided 95%); weaker terms (z ≥ 1.28) are shown as weak evidence. */
  strong: boolean;
  /** Occurrences in this outlet's (or group's) text, and in the others'. */
  count: number;
  otherCount: number;
}

export interface DistinctiveSet {
  scope: 'outlet' | 'group';
  /** Outlet id, or "<axis>:<value>" for a group. */
  id: string;
  label: string;
  /** Content tokens in this side's text. */
  tokens: number;
  terms: DistinctiveTerm[];
}

export interface QuoteInstance {
  outletId: string;
  articleId: string;
  /** Verbatim quotation and the speaker as this article wrote it. */
  text: string;
  speaker: string;
}

export interface SpeakerQuotes {
  key: string;
  /** Fullest form of the merged speaker's name or description. */
  speaker: string;
  aliases: string[];
  outletIds: string[];
  quotes: QuoteInstance[];
}

export interface ClaimInstance {
  outletId: string;
  articleId: string;
  /** The sentence, verbatim. */
  text: string;
}

export interface Claim {
  /** The representative sentence, verbatim, and where it is from. */
  text: string;
  outletId: string;
  articleId: string;
  /** Outlets whose articles carry this content, the representative's first. */
  outletIds: string[];
  /** The matching sentence of each other outlet. */
  instances: ClaimInstance[];
}

export interface Claims {
  /** Content that most outlets report (at least half of them, at least two). */
  shared: Claim[];
  /** Content two or more outlets report, but fewer than half. */
  corroborated: Claim[];
  /** Content only one outlet reports (empty when the event has one outlet). */
  unique: Claim[];
}

export interface CueCount {
  count: number;
  /** The sentences behind the count, verbatim (bounded). */
  sentences: string[];
}

export interface OutletCues {
  outletId: string;
  sentences: number;
  /** Neutral attribution ("said", "told"). */
  neutral: CueCount;
  /** Loaded attribution ("claimed", "alleged", "insisted", "admitted"), with counts per verb. */
  loaded: CueCount & { verbs: Record<string, number> };
  unnamedSources: CueCount;
  hedges: CueCount;
}

export interface FramedOutlet {
  id: string;
  name: string;
  articleIds: string[];
  headline: string;
}

export interface EventFraming {
  articleCount: number;
  outlets: FramedOutlet[];
  coverage: Coverage;
  distinctive: DistinctiveSet[];
  speakers: SpeakerQuotes[];
  claims: Claims;
  cues: OutletCues[];
}
