import { TabContextView } from '@/components/TabContextView';
import { useTabContext } from '@/lib/ui/use-tab-context';

export function App() {
  // The side panel stays open beside the article and follows the reader across tabs.
  const { context, error } = useTabContext({ followActiveTab: true });
  return (
    <main aria-label="Threadline side panel">
      <div class="brand">
        <span>Threadline</span>
      </div>
      <TabContextView context={context} error={error} now={Date.now()} />
    </main>
  );
}
