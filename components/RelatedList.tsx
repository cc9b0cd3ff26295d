import type { RelatedArticle } from '@/lib/views';
import { relativeTime, safeHref } from './format';
import { useI18n } from './i18n';
import { OutletBadge } from './OutletBadge';

/** Stored articles sharing the outlet or words: shown until the engine places the article in a story. */
export function RelatedList({ items, now }: { items: RelatedArticle[]; now: number }) {
  const { t, locale } = useI18n();
  if (items.length === 0) return <p class="note">{t('relatedEmpty')}</p>;
  return (
    <ol class="related">
      {items.map((item) => {
        const href = safeHref(item.url);
        return (
          <li key={item.id} class="related-item">
            <OutletBadge id={item.outletId} name={item.outletName} small />
            <div>
              <p class="related-title" dir="auto">
                {href ? <a href={href} target="_blank" rel="noopener noreferrer">{item.title}</a> : item.title}
              </p>
              <p class="meta">
                <span class="outlet-name">{item.outletName}</span>
                <span class="sep" aria-hidden="true">·</span>
                {relativeTime(item.published, now, locale)}
                {item.reason.sharedTerms.length > 0 && (
                  <>
                    <span class="sep" aria-hidden="true">·</span>
                    {t('relatedShares', [item.reason.sharedTerms.slice(0, 3).join(', ')])}
                  </>
                )}
              </p>
            </div>
          </li>
        );
      })}
    </ol>
  );
}
