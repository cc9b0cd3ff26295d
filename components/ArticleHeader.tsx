import type { ArticleView } from '@/lib/views';
import { relativeTime, safeHref, shortDate } from './format';

export function ArticleHeader({ article, now }: { article: ArticleView; now: number }) {
  return (
    <header class="article-header">
      <p class="outlet">
        <span class="outlet-name">{article.outletName}</span>
        {article.country && <span class="chip">{article.country}</span>}
        {article.ownership && <span class="chip">{article.ownership}</span>}
      </p>
      <h1 class="headline" dir="auto">
        {safeHref(article.url) ? <a href={safeHref(article.url)} target="_blank" rel="noopener noreferrer">{article.title}</a> : article.title}
      </h1>
      <p class="meta">
        {article.publishedKnown ? (
          <time dateTime={new Date(article.published).toISOString()} title={shortDate(article.published)}>
            {relativeTime(article.published, now)}
          </time>
        ) : (
          <span>date not stated</span>
        )}
      </p>
    </header>
  );
}
