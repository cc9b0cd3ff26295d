import type { ArticleView, OutletView } from '@/lib/views';
import { fullDate, isoDate, relativeTime, safeHref, shortDate } from './format';
import { useI18n } from './i18n';
import { countryLabel, ownershipLabel } from './labels';
import { OutletBadge } from './OutletBadge';

export function ArticleHeader({ article, outlet, now }: { article: ArticleView; outlet?: OutletView; now: number }) {
  const i18n = useI18n();
  const { t, locale } = i18n;
  const href = safeHref(article.url);
  const country = outlet?.country || article.country;
  const ownership = outlet?.ownership ?? article.ownership;
  return (
    <header class="article-header">
      <p class="outlet-line">
        <OutletBadge id={article.outletId} name={article.outletName} />
        <span class="outlet-name">{article.outletName}</span>
        {country && <span class="chip">{countryLabel(country, i18n)}</span>}
        {ownership && ownership !== 'unknown' && <span class="chip">{ownershipLabel(ownership, i18n)}</span>}
        {outlet?.stateAffiliated && <span class="chip">{t('stateAffiliatedYes')}</span>}
      </p>
      <h1 class="headline" dir="auto" elementtiming="threadline:headline">
        {href ? <a href={href} target="_blank" rel="noopener noreferrer">{article.title}</a> : article.title}
      </h1>
      <p class="meta">
        {article.publishedKnown ? (
          <>
            <time dateTime={isoDate(article.published)} title={fullDate(article.published, locale)}>
              {relativeTime(article.published, now, locale)}
            </time>
            <span class="sep" aria-hidden="true">·</span>
            <span>{shortDate(article.published, locale)}</span>
          </>
        ) : (
          <span>{t('dateNotStated')}</span>
        )}
      </p>
    </header>
  );
}
