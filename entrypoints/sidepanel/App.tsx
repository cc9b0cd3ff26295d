import { useEffect, useLayoutEffect, useState } from 'preact/hooks';
import { AppShell } from '@/components/AppShell';
import type { FullTextState } from '@/components/Compare';
import { SearchBox, SearchResults } from '@/components/Search';
import { SidePanelView } from '@/components/SidePanelView';
import type { LookUpState } from '@/components/States';
import { feedHostPatterns } from '@/lib/feeds/permissions';
import { sendMessage } from '@/lib/messages';
import { requestHostAccess } from '@/lib/ui/permissions';
import { useSearch } from '@/lib/ui/use-search';
import { openOptionsPage, useTabContext } from '@/lib/ui/use-tab-context';

function errorText(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

export function App() {
  // The side panel stays open beside the article and follows the reader across tabs.
  const { context, error, reload } = useTabContext({ followActiveTab: true });
  const [query, setQuery] = useState('');
  const search = useSearch(query);
  const [lookUp, setLookUp] = useState<LookUpState>('idle');
  const [fullText, setFullText] = useState<FullTextState>('idle');
  const eventId = context?.perspectives?.eventId;

  // Each painted context is marked, so the benchmark can time a tab switch (tests/bench/ui.ts).
  useLayoutEffect(() => {
    const article = context?.article;
    // At commit, not at the next animation frame: a headless side panel is never painted, so its
    // frames do not run.
    if (article) performance.mark('threadline:context-painted', { detail: { tabId: context.tabId, articleId: article.id } });
    setLookUp('idle');
  }, [context?.tabId, context?.article?.id]);
  useEffect(() => setFullText('idle'), [eventId]);

  const onLookUp = context?.tabId
    ? () => {
        setLookUp('busy');
        sendMessage('lookUpTab', { tabId: context.tabId as number }).then(
          (r) => setLookUp(r.started ? 'started' : { failed: r.reason ?? '' }),
          (e: unknown) => setLookUp({ failed: errorText(e) }),
        );
      }
    : undefined;
  const onFetchFullText = eventId
    ? () => {
        setFullText('busy');
        // Asked inside the click (the browser prompts only from a user gesture): the hosts of the
        // compared articles' pages. Declined hosts are skipped; the comparison says so.
        const urls = (context?.perspectives?.outlets ?? []).flatMap((o) => o.articles.map((a) => a.url));
        requestHostAccess(feedHostPatterns(urls))
          .then(() => sendMessage('fetchFullText', { eventId }))
          .then(
            (r) => { setFullText(r); reload(); },
            (e: unknown) => setFullText({ error: errorText(e) }),
          );
      }
    : undefined;

  return (
    <AppShell variant="panel" onOpenOptions={openOptionsPage} search={<SearchBox value={query} onInput={setQuery} />}>
      {query.trim().length >= 2 ? (
        <SearchResults query={query.trim()} state={search} now={Date.now()} />
      ) : (
        <SidePanelView
          context={context}
          error={error}
          now={Date.now()}
          actions={{ onLookUp, lookUp, onOpenOptions: openOptionsPage, onRetry: reload, onFetchFullText, fullText }}
        />
      )}
    </AppShell>
  );
}
