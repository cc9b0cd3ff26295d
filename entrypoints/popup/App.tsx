import { TabContextView } from '@/components/TabContextView';
import { openSidePanel, useTabContext } from '@/lib/ui/use-tab-context';

export function App() {
  const { context, error } = useTabContext({ followActiveTab: false });
  return (
    <main aria-label="Threadline">
      <div class="brand">
        <span>Threadline</span>
        <button type="button" onClick={() => void openSidePanel().then(() => window.close())}>
          Open side panel
        </button>
      </div>
      <TabContextView context={context} error={error} now={Date.now()} />
    </main>
  );
}
