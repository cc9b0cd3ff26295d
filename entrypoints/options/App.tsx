import { useEffect, useState } from 'preact/hooks';
import { StoreStats, type StoreCounts } from '@/components/StoreStats';
import { sendMessage } from '@/lib/messages';

export function App() {
  const [counts, setCounts] = useState<StoreCounts | null>(null);
  const [error, setError] = useState<string | null>(null);
  const refresh = () =>
    sendMessage('getStoreStats', {})
      .then((c) => { setCounts(c); setError(null); })
      .catch((e: unknown) => setError(e instanceof Error ? e.message : String(e)));
  useEffect(() => void refresh(), []);

  const clear = async () => {
    if (!window.confirm('Delete every stored article, event and story? This cannot be undone.')) return;
    await sendMessage('clearStore', { confirm: true });
    await refresh();
  };

  return (
    <main aria-label="Threadline options" style={{ maxWidth: '720px' }}>
      <h1>Threadline</h1>
      <section aria-labelledby="data-heading">
        <h2 id="data-heading">Data</h2>
        {error ? <p class="state-error" role="alert">{error}</p> : <StoreStats counts={counts} />}
        <button type="button" onClick={() => void clear()}>Clear stored articles…</button>
      </section>
      <section aria-labelledby="privacy-heading">
        <h2 id="privacy-heading">Privacy</h2>
        <p>
          Threadline keeps everything in this browser's storage: the articles you open, the stories it builds from
          them, and your settings. Nothing you read is sent anywhere.
        </p>
      </section>
    </main>
  );
}
