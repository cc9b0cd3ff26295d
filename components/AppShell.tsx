import type { ComponentChildren } from 'preact';
import { useI18n } from './i18n';
import { Logo } from './Logo';

function GearIcon() {
  return (
    <svg width="16" height="16" viewBox="0 0 16 16" aria-hidden="true" focusable="false">
      <circle cx="8" cy="8" r="2.2" fill="none" stroke="currentColor" stroke-width="1.5" />
      <path d="M8 1.5v2M8 12.5v2M1.5 8h2M12.5 8h2M3.4 3.4l1.4 1.4M11.2 11.2l1.4 1.4M3.4 12.6l1.4-1.4M11.2 4.8l1.4-1.4" stroke="currentColor" stroke-width="1.5" stroke-linecap="round" />
    </svg>
  );
}

function PanelIcon() {
  return (
    <svg width="16" height="16" viewBox="0 0 16 16" aria-hidden="true" focusable="false">
      <rect x="1.75" y="2.75" width="12.5" height="10.5" rx="1.5" fill="none" stroke="currentColor" stroke-width="1.5" />
      <path d="M10 3v10" stroke="currentColor" stroke-width="1.5" />
    </svg>
  );
}

export interface AppShellProps {
  variant: 'popup' | 'panel';
  search?: ComponentChildren;
  onOpenSidePanel?: () => void;
  onOpenOptions?: () => void;
  children: ComponentChildren;
}

/** The frame of the popup and the side panel: brand bar, lookup box, and the main landmark. */
export function AppShell({ variant, search, onOpenSidePanel, onOpenOptions, children }: AppShellProps) {
  const { t } = useI18n();
  return (
    <div class={`app app-${variant}`}>
      <a class="skip-link" href="#main">{t('skipToContent')}</a>
      <header class="topbar">
        <span class="brand"><Logo />{t('extName')}</span>
        {onOpenOptions && (
          <button type="button" class="quiet" onClick={onOpenOptions} aria-label={t('openOptions')} title={t('openOptions')}>
            <GearIcon />
          </button>
        )}
        {onOpenSidePanel && (
          <button type="button" onClick={onOpenSidePanel} title={t('openSidePanelHint')} class="open-panel">
            <PanelIcon />
            {t('openSidePanel')}
          </button>
        )}
      </header>
      {search}
      <main id="main" class="content" aria-label={variant === 'popup' ? t('popupLabel') : t('panelLabel')} tabIndex={-1}>
        {children}
      </main>
    </div>
  );
}
