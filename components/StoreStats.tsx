import type { StoreStats as StoreCounts } from '@/lib/views';
import { useI18n } from './i18n';

export type { StoreCounts };

export function StoreStats({ counts }: { counts: StoreCounts | null }) {
  const { t, locale } = useI18n();
  const n = (v: number) => new Intl.NumberFormat(locale).format(v);
  if (!counts) return <p class="meta" aria-busy="true">{t('counting')}</p>;
  return (
    <dl class="stats">
      <div><dt>{t('statArticles')}</dt><dd data-value={counts.articles}>{counts.articles}</dd></div>
      <div><dt>{t('statEvents')}</dt><dd data-value={counts.events}>{n(counts.events)}</dd></div>
      <div><dt>{t('statStories')}</dt><dd data-value={counts.stories}>{n(counts.stories)}</dd></div>
      <div><dt>{t('statOutlets')}</dt><dd data-value={counts.outlets}>{n(counts.outlets)}</dd></div>
    </dl>
  );
}
