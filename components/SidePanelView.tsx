import { useRef, useState } from 'preact/hooks';
import type { TabContext } from '@/lib/views';
import { Compare, type FullTextState } from './Compare';
import { useI18n } from './i18n';
import { TabContextView, type ContextActions } from './TabContextView';

export type PanelTab = 'overview' | 'compare';

export interface SidePanelViewProps {
  context: TabContext | null;
  error: string | null;
  now: number;
  actions?: ContextActions & { onFetchFullText?: () => void; fullText?: FullTextState };
  initialTab?: PanelTab;
}

/** The side panel: the tab's context (overview) and the side-by-side comparison of its event. */
export function SidePanelView({ context, error, now, actions = {}, initialTab = 'overview' }: SidePanelViewProps) {
  const { t } = useI18n();
  const [tab, setTab] = useState<PanelTab>(initialTab);
  // The compared outlets, per event: kept when the reader flips between the two views.
  const [compared, setCompared] = useState<{ eventKey: string; ids: string[] } | null>(null);
  const tabRefs = useRef<Record<PanelTab, HTMLButtonElement | null>>({ overview: null, compare: null });
  const framing = context?.framing;
  const canCompare = !!context?.article && !!framing && framing.outlets.length >= 2;
  const showTabs = !!context?.article;
  const active: PanelTab = canCompare ? tab : 'overview';
  const eventKey = context?.perspectives?.eventId ?? context?.article?.id ?? '';

  const onKey = (e: KeyboardEvent) => {
    if (!canCompare || (e.key !== 'ArrowRight' && e.key !== 'ArrowLeft' && e.key !== 'Home' && e.key !== 'End')) return;
    e.preventDefault();
    const next: PanelTab = e.key === 'Home' ? 'overview' : e.key === 'End' ? 'compare' : active === 'overview' ? 'compare' : 'overview';
    setTab(next);
    tabRefs.current[next]?.focus();
  };
  const tabButton = (id: PanelTab, label: string, disabled = false) => (
    <button
      type="button"
      role="tab"
      id={`tab-${id}`}
      ref={(el) => { tabRefs.current[id] = el; }}
      aria-selected={active === id}
      aria-controls={`panel-${id}`}
      tabIndex={active === id ? 0 : -1}
      disabled={disabled}
      onClick={() => setTab(id)}
    >
      {label}
    </button>
  );

  if (!showTabs) return <TabContextView context={context} error={error} now={now} actions={actions} />;
  return (
    <>
      <div class="tabs" role="tablist" aria-label={t('panelTabsLabel')} onKeyDown={onKey}>
        {tabButton('overview', t('tabOverview'))}
        {tabButton('compare', t('tabCompare'), !canCompare)}
      </div>
      <div role="tabpanel" id={`panel-${active}`} aria-labelledby={`tab-${active}`} class="content" style={{ padding: 0 }}>
        {active === 'overview' || !framing || !context?.article ? (
          <TabContextView context={context} error={error} now={now} actions={actions} />
        ) : (
          <>
            <h1 class="compare-title" dir="auto">{context.article.title}</h1>
            <Compare
              key={context.perspectives?.eventId ?? context.article.id}
              framing={framing}
              currentOutletId={context.article.outletId}
              outlets={context.outlets ?? {}}
              leads={context.leads}
              textSource={context.framingTextSource}
              onFetchFullText={actions.onFetchFullText}
              fullText={actions.fullText}
              selected={compared?.eventKey === eventKey ? compared.ids : undefined}
              onSelect={(ids) => setCompared({ eventKey, ids })}
            />
          </>
        )}
      </div>
    </>
  );
}
