import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import type { Claim, EventFraming, FramedOutlet, OutletCues, QuoteInstance } from '@/lib/framing/types';
import type { FramingTextSource, OutletView } from '@/lib/views';
import { useI18n } from './i18n';
import { countryLabel } from './labels';
import { OutletBadge } from './OutletBadge';

export const MAX_COMPARED = 3;
const TERMS_PER_COLUMN = 6;
const QUOTES_PER_SPEAKER = 2;
const CLAIMS_PER_COLUMN = 4;

export type FullTextState = 'idle' | 'busy' | { fetched: number; failed: number; declined: boolean } | { error: string };

export interface CompareProps {
  framing: EventFraming;
  /** The reader's article's outlet: compared first by default. */
  currentOutletId?: string;
  outlets: Record<string, OutletView>;
  /** Lead (first paragraph or dek) per article id, verbatim, when the context carries it. */
  leads?: Record<string, string>;
  textSource?: FramingTextSource;
  onFetchFullText?: () => void;
  fullText?: FullTextState;
  /** The compared outlets, when the parent keeps them (so they survive switching views). */
  selected?: string[];
  onSelect?: (outletIds: string[]) => void;
}

export function defaultSelection(framing: EventFraming, currentOutletId?: string): string[] {
  const ids = framing.outlets.map((o) => o.id);
  const first = currentOutletId && ids.includes(currentOutletId) ? [currentOutletId] : [];
  return [...first, ...ids.filter((id) => !first.includes(id))].slice(0, 2);
}

function bySpeaker(quotes: QuoteInstance[]): Array<[string, QuoteInstance[]]> {
  const map = new Map<string, QuoteInstance[]>();
  for (const q of quotes) map.set(q.speaker, [...(map.get(q.speaker) ?? []), q]);
  return [...map];
}

function CueList({ cues }: { cues?: OutletCues }) {
  const { t } = useI18n();
  if (!cues) return <p class="meta">{t('compareNone')}</p>;
  const loadedVerbs = Object.entries(cues.loaded.verbs).map(([verb, n]) => `${verb} ${n}`).join(', ');
  const evidence = [...cues.loaded.sentences, ...cues.unnamedSources.sentences, ...cues.hedges.sentences].slice(0, 4);
  return (
    <>
      <dl class="cues">
        <dt>{t('cueNeutral')}</dt><dd>{cues.neutral.count}</dd>
        <dt>{t('cueLoaded')}</dt><dd>{cues.loaded.count}{loadedVerbs && <span class="meta"> ({loadedVerbs})</span>}</dd>
        <dt>{t('cueUnnamed')}</dt><dd>{cues.unnamedSources.count}</dd>
        <dt>{t('cueHedges')}</dt><dd>{cues.hedges.count}</dd>
      </dl>
      {evidence.length > 0 && (
        <details>
          <summary>{t('cueEvidence')}</summary>
          <div class="stack">{evidence.map((s, i) => <blockquote key={i} dir="auto">{s}</blockquote>)}</div>
        </details>
      )}
    </>
  );
}

function ClaimText({ claim, outlets }: { claim: Claim; outlets: Record<string, OutletView> }) {
  const { t } = useI18n();
  return (
    <p class="claim" dir="auto">
      {claim.text}
      <span class="claim-by">{t('claimBy', [claim.outletIds.map((id) => outlets[id]?.name ?? id).join(', ')])}</span>
    </p>
  );
}

/** Two or three outlets of the event side by side: headline, lead, wording, quotes, claims, attribution. */
export function Compare({ framing, currentOutletId, outlets, leads, textSource, onFetchFullText, fullText = 'idle', selected: controlled, onSelect }: CompareProps) {
  const i18n = useI18n();
  const { t, tn } = i18n;
  const [own, setOwn] = useState<string[]>(() => defaultSelection(framing, currentOutletId));
  const selected = controlled ?? own;
  const setSelected = (update: (s: string[]) => string[]) => {
    const next = update(selected);
    setOwn(next);
    onSelect?.(next);
  };
  const picked = selected.map((id) => framing.outlets.find((o) => o.id === id)).filter((o): o is FramedOutlet => !!o);
  const toggle = (id: string) => setSelected((s) => (s.includes(id) ? s.filter((x) => x !== id) : s.length < MAX_COMPARED ? [...s, id] : s));
  const shared = [...framing.claims.shared, ...framing.claims.corroborated].filter((c) => picked.length > 1 && picked.every((p) => c.outletIds.includes(p.id)));
  const columns = { gridTemplateColumns: `repeat(${Math.max(picked.length, 1)}, minmax(0, 1fr))` };

  return (
    <section class="compare" aria-labelledby="compare-heading">
      <div class="section-head">
        <h2 id="compare-heading">{t('compareHeading')}</h2>
        <p class="summary">{t('compareHint', [MAX_COMPARED])}</p>
      </div>
      {textSource && textSource !== 'full-text' && (
        <div class="note warn stack" role="status">
          <p>{textSource === 'summaries' ? t('summariesNote') : t('mixedNote')}</p>
          {onFetchFullText && (
            <div>
              <button type="button" onClick={onFetchFullText} disabled={fullText === 'busy'}>{fullText === 'busy' ? t('fetchingFullText') : t('fetchFullText')}</button>
            </div>
          )}
          {typeof fullText === 'object' && 'fetched' in fullText && (
            <p>{fullText.declined ? t('fullTextDeclined') : t('fullTextResult', [fullText.fetched, fullText.failed])}</p>
          )}
          {typeof fullText === 'object' && 'error' in fullText && <p class="inline-error">{t('fullTextFailed', [fullText.error])}</p>}
        </div>
      )}
      <fieldset style={{ border: 0, padding: 0, margin: '0 0 var(--space-3)', minWidth: 0 }}>
        <legend class="visually-hidden">{t('comparePickLegend', [MAX_COMPARED])}</legend>
        <div class="picker">
        {framing.outlets.map((o) => {
          const checked = selected.includes(o.id);
          return (
            <label key={o.id} class="pick">
              <input type="checkbox" checked={checked} disabled={!checked && selected.length >= MAX_COMPARED} onChange={() => toggle(o.id)} />
              <OutletBadge id={o.id} name={o.name} small />
              <span>{o.name}</span>
            </label>
          );
        })}
        </div>
      </fieldset>
      {picked.length < 2 ? (
        <p class="note">{t('comparePickMore')}</p>
      ) : (
        <>
          {shared.length > 0 && (
            <div class="stack" style={{ marginBottom: 'var(--space-3)' }}>
              <h3 class="speaker">{tn('sharedClaimsHeading', shared.length)}</h3>
              {shared.slice(0, 3).map((c, i) => <ClaimText key={i} claim={c} outlets={outlets} />)}
            </div>
          )}
          <div class={`compare-grid cols-${picked.length}`} style={columns} role="table" aria-label={t('compareTableLabel', [picked.map((p) => p.name).join(', ')])}>
            <div role="row" style={{ display: 'contents' }}>
              {picked.map((p) => (
                <div key={p.id} class="col-head" role="columnheader">
                  <OutletBadge id={p.id} name={p.name} small />
                  <span>{p.name}{outlets[p.id]?.country ? <span class="meta"> · {countryLabel(outlets[p.id].country, i18n)}</span> : null}</span>
                </div>
              ))}
            </div>
            <Row label={t('rowHeadline')} picked={picked} render={(p) => <p class="headline" dir="auto">{p.headline}</p>} />
            {leads && picked.some((p) => p.articleIds.some((id) => leads[id])) && (
              <Row label={t('rowLead')} picked={picked} render={(p) => {
                const lead = p.articleIds.map((id) => leads[id]).find(Boolean);
                return lead ? <p class="lead" dir="auto">{lead}</p> : <p class="meta">{t('compareNone')}</p>;
              }} />
            )}
            <Row label={t('rowWords')} picked={picked} render={(p) => {
              const terms = framing.distinctive.find((s) => s.scope === 'outlet' && s.id === p.id)?.terms.slice(0, TERMS_PER_COLUMN) ?? [];
              return terms.length > 0 ? (
                <p class="terms">{terms.map((w) => <span key={w.key} class="term" dir="auto" title={t('termCounts', [w.count, w.otherCount])}>{w.term}<small>×{w.count}</small></span>)}</p>
              ) : <p class="meta">{t('compareNoWords')}</p>;
            }} />
            <Row label={t('rowQuotes')} picked={picked} render={(p) => {
              const quotes = framing.speakers.flatMap((s) => s.quotes.filter((q) => q.outletId === p.id).map((q) => ({ ...q, speaker: s.speaker })));
              if (quotes.length === 0) return <p class="meta">{t('compareNoQuotes')}</p>;
              return bySpeaker(quotes).map(([speaker, qs]) => (
                <div key={speaker} class="stack" style={{ gap: 'var(--space-1)' }}>
                  <p class="speaker" dir="auto">{speaker}{qs.length > QUOTES_PER_SPEAKER ? ` (${qs.length})` : ''}</p>
                  {qs.slice(0, QUOTES_PER_SPEAKER).map((q, i) => <blockquote key={i} dir="auto">“{q.text}”</blockquote>)}
                </div>
              ));
            }} />
            <Row label={t('rowOnlyHere')} picked={picked} render={(p) => {
              const unique = framing.claims.unique.filter((c) => c.outletId === p.id);
              if (unique.length === 0) return <p class="meta">{t('compareNoUnique')}</p>;
              return unique.slice(0, CLAIMS_PER_COLUMN).map((c, i) => <p key={i} class="claim" dir="auto" title={c.text}><span class="clamp">{c.text}</span></p>);
            }} />
            <Row label={t('rowAttribution')} picked={picked} render={(p) => <CueList cues={framing.cues.find((c) => c.outletId === p.id)} />} />
          </div>
        </>
      )}
    </section>
  );
}

function Row({ label, picked, render }: { label: string; picked: FramedOutlet[]; render: (p: FramedOutlet) => ComponentChildren }) {
  return (
    <div role="row" style={{ display: 'contents' }}>
      <div class="row-label" role="rowheader">{label}</div>
      {picked.map((p) => (
        <div key={p.id} class="cell" role="cell">
          {/* Shown only when a narrow panel (or 200% zoom) stacks the columns. */}
          <span class="cell-outlet" aria-hidden="true"><OutletBadge id={p.id} name={p.name} small />{p.name}</span>
          {render(p)}
        </div>
      ))}
    </div>
  );
}
