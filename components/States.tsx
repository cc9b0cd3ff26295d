import { useI18n } from './i18n';

/** Placeholder blocks with the heights of what will replace them: nothing jumps when data arrives. */
export function LoadingSkeleton() {
  const { t } = useI18n();
  const line = (w: string, cls = 'sk-line') => <span class={`skeleton ${cls}`} style={{ width: w }} />;
  return (
    <div class="loading" aria-busy="true">
      <p class="visually-hidden" role="status">{t('loading')}</p>
      <div class="article-header" aria-hidden="true">
        <div class="outlet-line"><span class="skeleton" style={{ width: '1.75rem', height: '1.75rem' }} />{line('40%')}</div>
        {line('95%', 'sk-title')}
        {line('70%', 'sk-title')}
        {line('30%')}
      </div>
      <div aria-hidden="true" style={{ marginTop: 'var(--space-5)', display: 'flex', flexDirection: 'column', gap: 'var(--space-4)' }}>
        {line('25%')}
        {[0, 1, 2, 3].map((i) => (
          <div key={i} style={{ display: 'grid', gridTemplateColumns: '1.5rem 1fr', gap: 'var(--space-2)', height: '3.5rem' }}>
            <span class="skeleton" style={{ width: '0.75rem', height: '0.75rem', borderRadius: '50%', justifySelf: 'center' }} />
            <div style={{ display: 'flex', flexDirection: 'column', gap: 'var(--space-1)' }}>{line('30%')}{line(`${90 - i * 12}%`)}{line('40%')}</div>
          </div>
        ))}
      </div>
    </div>
  );
}

export function ErrorState({ message, onRetry, headingLevel = 1 }: { message: string; onRetry?: () => void; headingLevel?: 1 | 2 }) {
  const { t } = useI18n();
  const Heading = headingLevel === 1 ? 'h1' : 'h2';
  return (
    <div class="state state-error" role="alert">
      <Heading>{t('errorHeading')}</Heading>
      <p>{t('errorBody', [message])}</p>
      {onRetry && <div class="actions"><button type="button" onClick={onRetry}>{t('retry')}</button></div>}
    </div>
  );
}

export type LookUpState = 'idle' | 'busy' | 'started' | { failed: string };

export function NotArticleState({ onLookUp, lookUp = 'idle' }: { onLookUp?: () => void; lookUp?: LookUpState }) {
  const { t } = useI18n();
  return (
    <div class="state">
      <h1>{t('notArticleHeading')}</h1>
      <p>{t('notArticleBody')}</p>
      {onLookUp && (
        <div class="actions">
          <button type="button" class="primary" onClick={onLookUp} disabled={lookUp === 'busy' || lookUp === 'started'}>
            {lookUp === 'busy' ? t('lookUpBusy') : t('lookUpThisPage')}
          </button>
        </div>
      )}
      <p role="status">{lookUp === 'started' ? t('lookUpStarted') : typeof lookUp === 'object' ? t('lookUpFailed', [lookUp.failed]) : ''}</p>
    </div>
  );
}

export function UnknownTabState({ onLookUp, lookUp }: { onLookUp?: () => void; lookUp?: LookUpState }) {
  const { t } = useI18n();
  return (
    <div class="state">
      <h1>{t('unknownHeading')}</h1>
      <p>{t('unknownBody')}</p>
      {onLookUp && (
        <div class="actions">
          <button type="button" onClick={onLookUp} disabled={lookUp === 'busy' || lookUp === 'started'}>{t('lookUpThisPage')}</button>
        </div>
      )}
      <p role="status">{lookUp === 'started' ? t('lookUpStarted') : typeof lookUp === 'object' ? t('lookUpFailed', [lookUp.failed]) : ''}</p>
    </div>
  );
}

/** The article is known but nothing matched yet: say why, and what would help. */
export function NothingYetState({ enabledSources, onOpenOptions }: { enabledSources: number; onOpenOptions?: () => void }) {
  const { t, tn } = useI18n();
  return (
    <div class="state nothing-yet">
      <h2>{t('nothingYetHeading')}</h2>
      <p>{enabledSources === 0 ? t('nothingYetNoSources') : tn('nothingYetBody', enabledSources)}</p>
      {onOpenOptions && <div class="actions"><button type="button" onClick={onOpenOptions}>{enabledSources === 0 ? t('enableSources') : t('openSourcesSettings')}</button></div>}
    </div>
  );
}
