import { useLayoutEffect, useRef, useState } from 'preact/hooks';
import { AppShell } from '@/components/AppShell';
import { SearchBox, SearchResults } from '@/components/Search';
import type { LookUpState } from '@/components/States';
import { TabContextView } from '@/components/TabContextView';
import { sendMessage } from '@/lib/messages';
import { markWhenPainted } from '@/lib/ui/paint-mark';
import { useSearch } from '@/lib/ui/use-search';
import { openOptionsPage, openSidePanel, useTabContext } from '@/lib/ui/use-tab-context';

/** The popup draws fewer coverage axes than the side panel: it has 600 px at most. */
const POPUP_AXES = ['country', 'ownership', 'lean'] as const;

export function App() {
  const { context, error, reload } = useTabContext({ followActiveTab: false });
  const [query, setQuery] = useState('');
  const search = useSearch(query);
  const [lookUp, setLookUp] = useState<LookUpState>('idle');
  const painted = useRef(false);

  // The benchmark's end point (tests/bench/ui.ts): the first frame that shows the article's header
  // and its trail, as the browser reports painting them (Element Timing, components/ArticleHeader
  // and Trail); the trail is waited for only when the story has one.
  useLayoutEffect(() => {
    if (!painted.current && context?.article) {
      painted.current = true;
      markWhenPainted('threadline:data-painted', context.trail?.dots.length ? ['threadline:headline', 'threadline:trail'] : ['threadline:headline']);
    }
  }, [context]);

  const onLookUp = context?.tabId
    ? () => {
        setLookUp('busy');
        sendMessage('lookUpTab', { tabId: context.tabId as number }).then(
          (r) => setLookUp(r.started ? 'started' : { failed: r.reason ?? '' }),
          (e: unknown) => setLookUp({ failed: e instanceof Error ? e.message : String(e) }),
        );
      }
    : undefined;

  return (
    <AppShell
      variant="popup"
      onOpenOptions={openOptionsPage}
      onOpenSidePanel={() => void openSidePanel().then(() => window.close())}
      search={<SearchBox value={query} onInput={setQuery} />}
    >
      {query.trim().length >= 2 ? (
        <SearchResults query={query.trim()} state={search} now={Date.now()} />
      ) : (
        <TabContextView
          context={context}
          error={error}
          now={Date.now()}
          axes={[...POPUP_AXES]}
          actions={{ onLookUp, lookUp, onOpenOptions: openOptionsPage, onRetry: reload }}
        />
      )}
    </AppShell>
  );
}
