import type { TabContext } from '@/lib/views';
import { ArticleHeader } from './ArticleHeader';
import { RelatedList } from './RelatedList';

export interface TabContextViewProps {
  context: TabContext | null;
  error: string | null;
  now: number;
}

/** The context of one tab: loading, error, not an article, or the article and what matched. */
export function TabContextView({ context, error, now }: TabContextViewProps) {
  if (error) {
    return (
      <p class="state state-error" role="alert">
        Threadline could not read this tab: {error}
      </p>
    );
  }
  if (!context) return <p class="state" aria-busy="true">Loading…</p>;
  if (context.status === 'not-article') {
    return <p class="state">This page doesn't look like a news article.</p>;
  }
  if (context.status === 'unknown' || !context.article) {
    return <p class="state">No article seen on this tab yet. Open a news article and Threadline will place it in its story.</p>;
  }
  return (
    <>
      <ArticleHeader article={context.article} now={now} />
      <section aria-labelledby="related-heading">
        <h2 id="related-heading">In your store</h2>
        <RelatedList items={context.related} now={now} />
      </section>
    </>
  );
}
