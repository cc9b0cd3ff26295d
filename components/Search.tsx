import type { SearchHit } from '@/lib/views';
import { relativeTime, safeHref } from './format';
import { useI18n } from './i18n';
import { OutletBadge } from './OutletBadge';

export function SearchBox({ value, onInput }: { value: string; onInput: (query: string) => void }) {
  const { t } = useI18n();
  return (
    <form role="search" class="search" aria-label={t('searchLabel')} onSubmit={(e) => { e.preventDefault(); onInput(value); }}>
      <input
        type="search"
        value={value}
        placeholder={t('searchPlaceholder')}
        aria-label={t('searchLabel')}
        maxLength={200}
        onInput={(e) => onInput((e.currentTarget as HTMLInputElement).value)}
      />
    </form>
  );
}

export type SearchState = { status: 'idle' } | { status: 'busy'; hits?: SearchHit[] } | { status: 'done'; hits: SearchHit[] } | { status: 'error'; message: string };

export function SearchResults({ query, state, now }: { query: string; state: SearchState; now: number }) {
  const { t, tn, locale } = useI18n();
  const hits = state.status === 'done' || state.status === 'busy' ? (state.hits ?? []) : [];
  return (
    <section class="search-results" aria-labelledby="search-heading" aria-busy={state.status === 'busy'}>
      <div class="section-head">
        <h1 id="search-heading">{t('searchHeading')}</h1>
        <p class="summary" role="status">
          {state.status === 'done' ? tn('searchCount', hits.length, [query]) : state.status === 'busy' || state.status === 'idle' ? t('searching') : ''}
        </p>
      </div>
      {state.status === 'error' && <p class="inline-error" role="alert">{t('searchFailed', [state.message])}</p>}
      {state.status === 'done' && hits.length === 0 && <p class="note">{t('searchEmpty', [query])}</p>}
      <ul>
        {hits.map((hit) => {
          const href = safeHref(hit.url);
          return (
            <li key={hit.id} class="hit">
              <OutletBadge id={hit.outletId} name={hit.outletName} small />
              <div>
                <p class="hit-title" dir="auto">{href ? <a href={href} target="_blank" rel="noopener noreferrer">{hit.title}</a> : hit.title}</p>
                <p class="meta">
                  {hit.outletName}<span class="sep" aria-hidden="true">·</span>{relativeTime(hit.published, now, locale)}
                  {hit.matchedTerms.length > 0 && <><span class="sep" aria-hidden="true">·</span>{t('searchMatched', [hit.matchedTerms.join(', ')])}</>}
                </p>
              </div>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
