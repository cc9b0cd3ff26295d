import type { RelatedArticle } from '@/lib/views';
import { relativeTime, safeHref } from './format';

export function RelatedList({ items, now }: { items: RelatedArticle[]; now: number }) {
  if (items.length === 0) {
    return <p class="empty">Nothing in your local store shares this article's outlet or words yet.</p>;
  }
  return (
    <ol class="related">
      {items.map((item) => (
        <li key={item.id} class="related-item">
          <span class="dot" aria-hidden="true" />
          <div>
            <p class="related-title" dir="auto">
              {safeHref(item.url) ? <a href={safeHref(item.url)} target="_blank" rel="noopener noreferrer">{item.title}</a> : item.title}
            </p>
            <p class="meta">
              <span class="outlet-name">{item.outletName}</span> · {relativeTime(item.published, now)}
              {item.reason.sharedTerms.length > 0 && <span class="why"> · shares “{item.reason.sharedTerms.slice(0, 3).join('”, “')}”</span>}
              {item.reason.sameOutlet && item.reason.sharedTerms.length === 0 && <span class="why"> · same outlet</span>}
            </p>
          </div>
        </li>
      ))}
    </ol>
  );
}
