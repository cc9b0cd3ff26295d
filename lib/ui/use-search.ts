// The lookup box: searchStore as the reader types, debounced; a newer query wins.
import { useEffect, useState } from 'preact/hooks';
import type { SearchState } from '@/components/Search';
import { sendMessage } from '../messages';

const DEBOUNCE_MS = 200;

export function useSearch(query: string): SearchState {
  const [state, setState] = useState<SearchState>({ status: 'idle' });
  useEffect(() => {
    const q = query.trim();
    if (q.length < 2) {
      setState({ status: 'idle' });
      return;
    }
    let cancelled = false;
    setState((prev) => ({ status: 'busy', hits: prev.status === 'done' || prev.status === 'busy' ? prev.hits : undefined }));
    const timer = setTimeout(() => {
      sendMessage('searchStore', { query: q }).then(
        (hits) => !cancelled && setState({ status: 'done', hits }),
        (error: unknown) => !cancelled && setState({ status: 'error', message: error instanceof Error ? error.message : String(error) }),
      );
    }, DEBOUNCE_MS);
    return () => {
      cancelled = true;
      clearTimeout(timer);
    };
  }, [query]);
  return state;
}
