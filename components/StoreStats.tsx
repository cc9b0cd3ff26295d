export interface StoreCounts {
  articles: number;
  events: number;
  stories: number;
  outlets: number;
}

export function StoreStats({ counts }: { counts: StoreCounts | null }) {
  if (!counts) return <p class="state" aria-busy="true">Counting…</p>;
  return (
    <dl class="stats">
      <dt>Articles</dt><dd>{counts.articles}</dd>
      <dt>Events</dt><dd>{counts.events}</dd>
      <dt>Stories</dt><dd>{counts.stories}</dd>
      <dt>Outlets</dt><dd>{counts.outlets}</dd>
    </dl>
  );
}
