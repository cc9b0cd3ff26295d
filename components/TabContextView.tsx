import type { Axis } from '@/lib/framing/types';
import type { TabContext } from '@/lib/views';
import { ArticleHeader } from './ArticleHeader';
import { useI18n } from './i18n';
import { perspectiveCards, Perspectives } from './Perspectives';
import { ErrorState, LoadingSkeleton, NotArticleState, NothingYetState, UnknownTabState, type LookUpState } from './States';
import { Trail } from './Trail';

export interface ContextActions {
  onLookUp?: () => void;
  lookUp?: LookUpState;
  onOpenOptions?: () => void;
  onRetry?: () => void;
}

export interface TabContextViewProps {
  context: TabContext | null;
  error: string | null;
  now: number;
  actions?: ContextActions;
  /** Coverage axes to draw (the popup shows fewer than the side panel). */
  axes?: Axis[];
}

/** Whether the context has anything beyond the article itself: earlier dots or other outlets. */
export function hasMatches(context: TabContext): boolean {
  if (!context.article) return false;
  const dots = context.trail?.dots.length ?? 0;
  return dots > 1 || perspectiveCards(context.article, context.perspectives, context.framing).length > 0;
}

/** The context of one tab: loading, error, not an article, or the article with its trail and perspectives. */
export function TabContextView({ context, error, now, actions = {}, axes }: TabContextViewProps) {
  const { t } = useI18n();
  if (!context) return error ? <ErrorState message={error} onRetry={actions.onRetry} /> : <LoadingSkeleton />;
  if (context.status === 'not-article') return <NotArticleState onLookUp={actions.onLookUp} lookUp={actions.lookUp} />;
  if (!context.article) {
    return context.status === 'matching' ? <LoadingSkeleton /> : <UnknownTabState onLookUp={actions.onLookUp} lookUp={actions.lookUp} />;
  }
  const { article, trail } = context;
  const matched = hasMatches(context);
  return (
    <>
      <ArticleHeader article={article} outlet={context.outlets?.[article.outletId]} now={now} />
      {error && <p class="note warn" role="status">{t('staleNote', [error])}</p>}
      {context.status === 'matching' && <p class="note" role="status">{t('matchingNote')}</p>}
      {trail && trail.dots.length > 0 && <Trail trail={trail} now={now} />}
      {matched ? (
        <Perspectives
          article={article}
          perspectives={context.perspectives}
          framing={context.framing}
          pendingFraming={context.pendingFraming}
          outlets={context.outlets ?? {}}
          enabledSources={context.enabledSources ?? 0}
          now={now}
          axes={axes}
          onOpenOptions={actions.onOpenOptions}
        />
      ) : (
        <NothingYetState enabledSources={context.enabledSources ?? 0} onOpenOptions={actions.onOpenOptions} />
      )}
    </>
  );
}
