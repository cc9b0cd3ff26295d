import { useState } from 'preact/hooks';
import type { Ownership } from '@/lib/types';
import type { DetectionMode, Settings, SourceView, StoreStats as StoreCounts } from '@/lib/views';
import { fullDate, relativeTime } from './format';
import { useI18n } from './i18n';
import { countryLabel, leanLabel, ownershipLabel } from './labels';
import { OutletBadge } from './OutletBadge';
import { StoreStats } from './StoreStats';

/** The outlet fields the reader may edit on the options page. */
export interface OutletAxesEdit {
  country: string;
  ownership: Ownership;
  stateAffiliated: boolean;
  lean?: string;
}

const OWNERSHIPS: Ownership[] = ['public-broadcaster', 'state-owned', 'private', 'nonprofit', 'cooperative', 'unknown'];
const LEANS = ['', 'left', 'lean-left', 'center', 'lean-right', 'right'];

export type Feedback = { kind: 'ok' | 'error'; text: string } | null;

function FeedbackLine({ feedback }: { feedback: Feedback }) {
  return (
    <p role="status" class={feedback?.kind === 'error' ? 'inline-error' : 'meta'} style={{ minHeight: '1.2em' }}>
      {feedback?.text ?? ''}
    </p>
  );
}

function OutletEditor({ source, onSave, onCancel }: { source: SourceView; onSave: (edit: OutletAxesEdit) => void; onCancel: () => void }) {
  const i18n = useI18n();
  const { t } = i18n;
  const o = source.outlet;
  const [edit, setEdit] = useState<OutletAxesEdit>({ country: o.country, ownership: o.ownership, stateAffiliated: o.stateAffiliated, lean: o.lean?.value ?? '' });
  const idp = `edit-${o.id}`;
  return (
    <form class="editor" onSubmit={(e) => { e.preventDefault(); onSave(edit); }}>
      <label for={`${idp}-country`}>{t('fieldCountry')}</label>
      <input id={`${idp}-country`} type="text" value={edit.country} maxLength={8} size={6} pattern="[A-Za-z]{2}|INT|" onInput={(e) => setEdit({ ...edit, country: (e.currentTarget as HTMLInputElement).value.toUpperCase() })} />
      <label for={`${idp}-own`}>{t('fieldOwnership')}</label>
      <select id={`${idp}-own`} value={edit.ownership} onChange={(e) => setEdit({ ...edit, ownership: (e.currentTarget as HTMLSelectElement).value as Ownership })}>
        {OWNERSHIPS.map((v) => <option key={v} value={v}>{ownershipLabel(v, i18n)}</option>)}
      </select>
      <label for={`${idp}-lean`}>{t('fieldLean')}</label>
      <select id={`${idp}-lean`} value={edit.lean} onChange={(e) => setEdit({ ...edit, lean: (e.currentTarget as HTMLSelectElement).value })}>
        {LEANS.map((v) => <option key={v} value={v}>{v ? leanLabel(v, i18n) : t('leanNone')}</option>)}
      </select>
      <label class="check">
        <input type="checkbox" checked={edit.stateAffiliated} onChange={(e) => setEdit({ ...edit, stateAffiliated: (e.currentTarget as HTMLInputElement).checked })} />
        {t('fieldStateAffiliated')}
      </label>
      <div class="actions">
        <button type="submit" class="primary">{t('save')}</button>
        <button type="button" onClick={onCancel}>{t('cancel')}</button>
      </div>
    </form>
  );
}

function SourceRow({ source, now, onToggle, onSaveAxes }: { source: SourceView; now: number; onToggle: (enabled: boolean) => void; onSaveAxes: (edit: OutletAxesEdit) => void }) {
  const i18n = useI18n();
  const { t, tn, locale } = i18n;
  const [editing, setEditing] = useState(false);
  const o = source.outlet;
  const failing = source.feeds.filter((f) => f.failures > 0 || f.lastError);
  const lastFetch = Math.max(0, ...source.feeds.map((f) => f.lastFetchAt ?? 0));
  const axes = [countryLabel(o.country, i18n), ownershipLabel(o.ownership, i18n), o.stateAffiliated ? t('stateAffiliatedYes') : '', o.lean ? leanLabel(o.lean.value, i18n) : ''].filter(Boolean);
  return (
    <li class={`source${source.enabled ? '' : ' is-disabled'}`}>
      <div class="source-main">
        <label class="switch">
          <input type="checkbox" checked={source.enabled} onChange={(e) => onToggle((e.currentTarget as HTMLInputElement).checked)} aria-describedby={`src-${o.id}-meta`} />
          <OutletBadge id={o.id} name={o.name} />
          <span class="outlet-name">{o.name}</span>
        </label>
        <button type="button" class="quiet" aria-expanded={editing} onClick={() => setEditing(!editing)} aria-label={t('editAxesOf', [o.name])}>{t('editAxes')}</button>
      </div>
      <p class="meta" id={`src-${o.id}-meta`}>
        {axes.join(' · ')}
        <span class="sep" aria-hidden="true">·</span>
        {tn('articleCount', source.articleCount)}
        <span class="sep" aria-hidden="true">·</span>
        {source.feeds.length === 0 ? t('feedNone') : lastFetch > 0 ? <span title={fullDate(lastFetch, locale)}>{t('feedFetched', [relativeTime(lastFetch, now, locale)])}</span> : tn('feedCount', source.feeds.length)}
      </p>
      {failing.map((f) => <p key={f.url} class="inline-error">{t('feedError', [f.url, f.lastError ?? String(f.lastStatus ?? ''), f.failures])}</p>)}
      {editing && <OutletEditor source={source} onCancel={() => setEditing(false)} onSave={(edit) => { onSaveAxes(edit); setEditing(false); }} />}
    </li>
  );
}

export interface SourcesSectionProps {
  sources: SourceView[] | null;
  now: number;
  onToggle: (outletId: string, enabled: boolean) => void;
  onSaveAxes: (source: SourceView, edit: OutletAxesEdit) => void;
  onAddFeed: (url: string) => void;
  onImportOpml: (file: File) => void;
  onExportOpml: () => void;
  onRefresh: () => void;
  feedback: Feedback;
}

export function SourcesSection({ sources, now, onToggle, onSaveAxes, onAddFeed, onImportOpml, onExportOpml, onRefresh, feedback }: SourcesSectionProps) {
  const { t, tn } = useI18n();
  const [url, setUrl] = useState('');
  const [filter, setFilter] = useState('');
  const [showAll, setShowAll] = useState(false);
  const enabled = sources?.filter((s) => s.enabled).length ?? 0;
  const needle = filter.trim().toLocaleLowerCase();
  // Enabled sources first, then by name; the filter matches name, country code and domains.
  // Long registries: the enabled sources first; the rest on "show all" or through the filter.
  const collapsed = !needle && !showAll && enabled > 0 && (sources?.length ?? 0) > enabled;
  const shown = (sources ?? [])
    .filter((s) => !collapsed || s.enabled)
    .filter((s) => !needle || [s.outlet.name, s.outlet.country, ...s.outlet.domains].some((v) => v.toLocaleLowerCase().includes(needle)))
    .sort((a, b) => Number(b.enabled) - Number(a.enabled) || a.outlet.name.localeCompare(b.outlet.name));
  return (
    <section class="panel" aria-labelledby="sources-heading">
      <div class="section-head">
        <h2 id="sources-heading">{t('sourcesHeading')}</h2>
        {sources && <p class="summary">{tn('sourcesSummary', enabled, [sources.length])}</p>}
      </div>
      <p class="meta">{t('sourcesIntro')}</p>
      <form class="add-feed" onSubmit={(e) => { e.preventDefault(); if (url.trim()) onAddFeed(url.trim()); }}>
        <label for="feed-url">{t('addFeedLabel')}</label>
        <div class="row">
          <input id="feed-url" type="url" inputMode="url" placeholder="https://example.com/feed.xml" value={url} required pattern="https?://.+" onInput={(e) => setUrl((e.currentTarget as HTMLInputElement).value)} />
          <button type="submit" class="primary">{t('addFeed')}</button>
        </div>
      </form>
      <div class="toolbar">
        <label class="button">
          {t('importOpml')}
          <input class="visually-hidden" type="file" accept=".opml,.xml,text/xml,application/xml" onChange={(e) => { const f = (e.currentTarget as HTMLInputElement).files?.[0]; if (f) onImportOpml(f); (e.currentTarget as HTMLInputElement).value = ''; }} />
        </label>
        <button type="button" onClick={onExportOpml}>{t('exportOpml')}</button>
        <button type="button" onClick={onRefresh}>{t('refreshFeeds')}</button>
      </div>
      <FeedbackLine feedback={feedback} />
      {!sources ? (
        <p class="meta" aria-busy="true">{t('loading')}</p>
      ) : sources.length === 0 ? (
        <p class="note">{t('sourcesEmpty')}</p>
      ) : (
        <>
        {sources.length > 8 && (
          <input type="search" class="filter" value={filter} placeholder={t('filterSources')} aria-label={t('filterSources')} onInput={(e) => setFilter((e.currentTarget as HTMLInputElement).value)} />
        )}
        <ul class="sources" aria-label={t('sourcesHeading')}>
          {shown.map((s) => <SourceRow key={s.outlet.id} source={s} now={now} onToggle={(on) => onToggle(s.outlet.id, on)} onSaveAxes={(edit) => onSaveAxes(s, edit)} />)}
        </ul>
        {!needle && enabled > 0 && sources.length > enabled && (
          <div>
            <button type="button" class="quiet" aria-expanded={showAll} onClick={() => setShowAll(!showAll)}>
              {showAll ? t('showEnabledOnly') : tn('showAllSources', sources.length, [sources.length - enabled])}
            </button>
          </div>
        )}
        </>
      )}
    </section>
  );
}

const MODES: DetectionMode[] = ['known-outlets', 'all-sites', 'on-click'];

export function ReadingSection({ settings, onChange }: { settings: Settings | null; onChange: (patch: Partial<Settings>) => void }) {
  const { t } = useI18n();
  const label = (m: DetectionMode) => (m === 'known-outlets' ? t('detectKnown') : m === 'all-sites' ? t('detectAll') : t('detectOnClick'));
  const help = (m: DetectionMode) => (m === 'known-outlets' ? t('detectKnownHelp') : m === 'all-sites' ? t('detectAllHelp') : t('detectOnClickHelp'));
  return (
    <section class="panel" aria-labelledby="reading-heading">
      <div class="section-head"><h2 id="reading-heading">{t('readingHeading')}</h2></div>
      {!settings ? <p class="meta" aria-busy="true">{t('loading')}</p> : (
        <>
          <fieldset class="choices">
            <legend>{t('detectLegend')}</legend>
            {MODES.map((m) => (
              <label key={m} class="choice">
                <input type="radio" name="detection" value={m} checked={settings.detection === m} onChange={() => onChange({ detection: m })} />
                <span><b>{label(m)}</b><span class="meta">{help(m)}</span></span>
              </label>
            ))}
          </fieldset>
          <label class="choice">
            <input type="checkbox" checked={settings.fullTextOnDemand} onChange={(e) => onChange({ fullTextOnDemand: (e.currentTarget as HTMLInputElement).checked })} />
            <span><b>{t('fullTextSetting')}</b><span class="meta">{t('fullTextSettingHelp')}</span></span>
          </label>
        </>
      )}
    </section>
  );
}

export interface StorageEstimateView { usage: number; quota: number }

export interface DataSectionProps {
  counts: StoreCounts | null;
  estimate: StorageEstimateView | null;
  error: string | null;
  onExport: () => void;
  onImport: (file: File) => void;
  onClear: () => void;
  feedback: Feedback;
}

function bytes(n: number, locale: string): string {
  const units = ['byte', 'kilobyte', 'megabyte', 'gigabyte'] as const;
  let i = 0;
  while (n >= 1024 && i < units.length - 1) { n /= 1024; i++; }
  return new Intl.NumberFormat(locale, { style: 'unit', unit: units[i], unitDisplay: 'short', maximumFractionDigits: 1 }).format(n);
}

export function DataSection({ counts, estimate, error, onExport, onImport, onClear, feedback }: DataSectionProps) {
  const { t, locale } = useI18n();
  const [confirming, setConfirming] = useState(false);
  return (
    <section class="panel" aria-labelledby="data-heading">
      <div class="section-head"><h2 id="data-heading">{t('dataHeading')}</h2></div>
      {error ? <p class="inline-error" role="alert">{error}</p> : <StoreStats counts={counts} />}
      {estimate && (
        <p class="meta">{t('storageUsed', [bytes(estimate.usage, locale), bytes(estimate.quota, locale)])}</p>
      )}
      <div class="toolbar">
        <button type="button" onClick={onExport}>{t('exportData')}</button>
        <label class="button">
          {t('importData')}
          <input class="visually-hidden" type="file" accept=".jsonl,.json,application/json,text/plain" onChange={(e) => { const f = (e.currentTarget as HTMLInputElement).files?.[0]; if (f) onImport(f); (e.currentTarget as HTMLInputElement).value = ''; }} />
        </label>
        {!confirming && <button type="button" class="danger" onClick={() => setConfirming(true)}>{t('clearData')}</button>}
      </div>
      {confirming && (
        <div class="state state-error confirm" role="alertdialog" aria-labelledby="clear-title" aria-describedby="clear-body">
          <h3 id="clear-title">{t('clearConfirmTitle')}</h3>
          <p id="clear-body">{t('clearConfirmBody', [counts?.articles ?? 0])}</p>
          <div class="actions">
            <button type="button" class="danger solid" onClick={() => { setConfirming(false); onClear(); }}>{t('clearConfirm')}</button>
            <button type="button" onClick={() => setConfirming(false)} ref={(el) => el?.focus()}>{t('cancel')}</button>
          </div>
        </div>
      )}
      <FeedbackLine feedback={feedback} />
    </section>
  );
}

export function PrivacySection() {
  const { t } = useI18n();
  return (
    <section class="panel" aria-labelledby="privacy-heading">
      <div class="section-head"><h2 id="privacy-heading">{t('privacyHeading')}</h2></div>
      <div class="prose">
        <p>{t('privacyStored')}</p>
        <p>{t('privacyNetwork')}</p>
        <p>{t('privacyNoTracking')}</p>
      </div>
    </section>
  );
}
