import { useEffect, useState } from 'preact/hooks';
import { useI18n } from '@/components/i18n';
import { Logo } from '@/components/Logo';
import { DataSection, PrivacySection, ReadingSection, SourcesSection, type Feedback, type OutletAxesEdit, type StorageEstimateView } from '@/components/Options';
import { ALL_SITES } from '@/lib/background/content-scripts';
import { feedHostPatterns, sourceHostPatterns } from '@/lib/feeds/permissions';
import { onBroadcast, sendMessage } from '@/lib/messages';
import { requestHostAccess } from '@/lib/ui/permissions';
import type { Settings, SourceView, StoreStats } from '@/lib/views';

function errorText(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

function download(name: string, type: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

const today = () => new Date().toISOString().slice(0, 10);

export function App() {
  const { t } = useI18n();
  const [counts, setCounts] = useState<StoreStats | null>(null);
  const [countsError, setCountsError] = useState<string | null>(null);
  const [estimate, setEstimate] = useState<StorageEstimateView | null>(null);
  const [settings, setSettings] = useState<Settings | null>(null);
  const [sources, setSources] = useState<SourceView[] | null>(null);
  const [sourcesFeedback, setSourcesFeedback] = useState<Feedback>(null);
  const [dataFeedback, setDataFeedback] = useState<Feedback>(null);

  const refreshStats = () => {
    sendMessage('getStoreStats', {}).then((c) => { setCounts(c); setCountsError(null); }, (e: unknown) => setCountsError(errorText(e)));
    navigator.storage?.estimate?.().then((e) => setEstimate({ usage: e.usage ?? 0, quota: e.quota ?? 0 }), () => undefined);
  };
  const refreshSources = () => sendMessage('listSources', {}).then(setSources, (e: unknown) => { setSources([]); setSourcesFeedback({ kind: 'error', text: t('actionFailed', [errorText(e)]) }); });

  useEffect(() => {
    refreshStats();
    void refreshSources();
    sendMessage('getSettings', {}).then(setSettings, () => undefined);
    return onBroadcast('storeChanged', () => { refreshStats(); void refreshSources(); });
  }, []);

  const sourcesAction = <T,>(work: Promise<T>, ok: (r: T) => string) =>
    work.then(
      (r) => { setSourcesFeedback({ kind: 'ok', text: ok(r) }); void refreshSources(); },
      (e: unknown) => setSourcesFeedback({ kind: 'error', text: t('actionFailed', [errorText(e)]) }),
    );
  const replaceSource = (updated: SourceView) => setSources((list) => list?.map((s) => (s.outlet.id === updated.outlet.id ? updated : s)) ?? list);

  const onSaveAxes = (source: SourceView, edit: OutletAxesEdit) => {
    const o = source.outlet;
    const outlet = {
      id: o.id, name: o.name, domains: o.domains, language: o.language, feeds: source.feeds.map((f) => f.url),
      country: edit.country, ownership: edit.ownership, stateAffiliated: edit.stateAffiliated,
      lean: edit.lean ? { value: edit.lean, source: o.lean?.value === edit.lean ? o.lean.source : 'Set by you' } : undefined,
    };
    sendMessage('saveOutlet', { outlet }).then(
      (s) => { replaceSource(s); setSourcesFeedback({ kind: 'ok', text: t('saved') }); },
      (e: unknown) => setSourcesFeedback({ kind: 'error', text: t('actionFailed', [errorText(e)]) }),
    );
  };

  const dataAction = <T,>(work: Promise<T>, ok: (r: T) => string) =>
    work.then(
      (r) => { setDataFeedback({ kind: 'ok', text: ok(r) }); refreshStats(); },
      (e: unknown) => setDataFeedback({ kind: 'error', text: t('actionFailed', [errorText(e)]) }),
    );

  return (
    <div class="app app-options">
      <a class="skip-link" href="#main">{t('skipToContent')}</a>
      <header class="topbar">
        <span class="brand"><Logo size={22} />{t('extName')}</span>
        <nav aria-label={t('optionsNav')} class="options-nav">
          <a href="#sources-heading">{t('sourcesHeading')}</a>
          <a href="#reading-heading">{t('readingHeading')}</a>
          <a href="#data-heading">{t('dataHeading')}</a>
          <a href="#privacy-heading">{t('privacyHeading')}</a>
        </nav>
      </header>
      <main id="main" class="content options" tabIndex={-1}>
        <div class="options-intro">
          <h1>{t('optionsTitle')}</h1>
          <p class="meta">{t('optionsIntro')}</p>
        </div>
        <SourcesSection
          sources={sources}
          now={Date.now()}
          feedback={sourcesFeedback}
          onToggle={(outletId, enabled) => {
            // Asked here, inside the click: the browser prompts only from a user gesture. The
            // source is enabled either way; the background starts using each host once granted.
            const source = sources?.find((s) => s.outlet.id === outletId);
            if (enabled && source) void requestHostAccess(sourceHostPatterns(source));
            sendMessage('setSourceEnabled', { outletId, enabled }).then(replaceSource, (e: unknown) => setSourcesFeedback({ kind: 'error', text: t('actionFailed', [errorText(e)]) }));
          }}
          onSaveAxes={onSaveAxes}
          onAddFeed={(url) => void sourcesAction(requestHostAccess(feedHostPatterns([url])).then(() => sendMessage('addFeed', { url })), (s) => t('feedAdded', [s.outlet.name]))}
          onImportOpml={(file) => void file.text().then((xml) => sourcesAction(sendMessage('importOpml', { xml }), (r) => t('opmlImported', [r.added, r.updated]) + (r.errors.length ? ` ${r.errors.slice(0, 3).join('; ')}` : '')))}
          onExportOpml={() => sendMessage('exportOpml', {}).then((r) => download(`threadline-sources-${today()}.opml`, 'text/x-opml', r.xml), (e: unknown) => setSourcesFeedback({ kind: 'error', text: t('actionFailed', [errorText(e)]) }))}
          onRefresh={() => void sourcesAction(sendMessage('refreshFeeds', {}), (r) => t('feedsRefreshed', [r.fetched, r.items, r.failed]))}
        />
        <ReadingSection
          settings={settings}
          onChange={(patch) => {
            if (patch.detection === 'all-sites') void requestHostAccess(ALL_SITES);
            sendMessage('saveSettings', { settings: patch }).then(setSettings, () => undefined);
          }}
        />
        <DataSection
          counts={counts}
          estimate={estimate}
          error={countsError}
          feedback={dataFeedback}
          onExport={() => void dataAction(sendMessage('exportData', {}), (r) => { download(`threadline-data-${today()}.jsonl`, 'application/x-ndjson', r.jsonl); return t('exported', [r.lines]); })}
          onImport={(file) => void file.text().then((jsonl) => dataAction(sendMessage('importData', { jsonl }), (r) => t('imported', [r.imported])))}
          onClear={() => void dataAction(sendMessage('clearStore', { confirm: true }), () => t('cleared'))}
        />
        <PrivacySection />
      </main>
    </div>
  );
}
