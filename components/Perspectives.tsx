import type { Axis, EventFraming } from '@/lib/framing/types';
import type { ArticleView, OutletView, PendingFraming, Perspectives as PerspectivesData } from '@/lib/views';
import { Coverage } from './Coverage';
import { relativeTime, safeHref, shortDate } from './format';
import { useI18n } from './i18n';
import { countryLabel, ownershipLabel } from './labels';
import { OutletBadge } from './OutletBadge';

const WORDS_PER_CARD = 3;
const SPEAKERS_PER_CARD = 3;

export interface PerspectiveCardData {
  outletId: string;
  outletName: string;
  title: string;
  url?: string;
  published?: number;
}

/** The cards to show: the engine's perspectives, or (without them) the framing's other outlets. */
export function perspectiveCards(article: ArticleView, perspectives?: PerspectivesData, framing?: EventFraming): PerspectiveCardData[] {
  if (perspectives && perspectives.outlets.length > 0) {
    return perspectives.outlets
      .filter((o) => o.articles.length > 0)
      .map((o) => ({ outletId: o.outletId, outletName: o.outletName, title: o.articles[0].title, url: o.articles[0].url, published: o.articles[0].published }));
  }
  return (framing?.outlets ?? []).filter((o) => o.id !== article.outletId).map((o) => ({ outletId: o.id, outletName: o.name, title: o.headline }));
}

export function distinctiveFor(framing: EventFraming | undefined, outletId: string) {
  return framing?.distinctive.find((s) => s.scope === 'outlet' && s.id === outletId)?.terms ?? [];
}

export function speakersFor(framing: EventFraming | undefined, outletId: string) {
  return (framing?.speakers ?? []).filter((s) => s.quotes.some((q) => q.outletId === outletId));
}

function Card({ card, framing, outlet, now, pending }: { card: PerspectiveCardData; framing?: EventFraming; outlet?: OutletView; now: number; pending?: boolean }) {
  const i18n = useI18n();
  const { t, locale } = i18n;
  const href = safeHref(card.url);
  const words = distinctiveFor(framing, card.outletId).slice(0, WORDS_PER_CARD);
  const speakers = speakersFor(framing, card.outletId);
  const unique = (framing?.claims.unique ?? []).filter((c) => c.outletId === card.outletId).length;
  const facts = [outlet?.country ? countryLabel(outlet.country, i18n) : '', outlet && outlet.ownership !== 'unknown' ? ownershipLabel(outlet.ownership, i18n) : ''].filter(Boolean);
  return (
    <li class="card perspective">
      <div class="card-head">
        <OutletBadge id={card.outletId} name={card.outletName} />
        <div class="who">
          <span class="outlet-name">{card.outletName}</span>
          <span class="meta">
            {facts.join(' · ')}
            {card.published !== undefined && (
              <>
                {facts.length > 0 && <span class="sep" aria-hidden="true">·</span>}
                <time title={shortDate(card.published, locale)}>{relativeTime(card.published, now, locale)}</time>
              </>
            )}
          </span>
        </div>
      </div>
      <h3 class="card-title" dir="auto">
        {href ? <a href={href} target="_blank" rel="noopener noreferrer">{card.title}</a> : card.title}
      </h3>
      {pending && (
        // The facets (words, quotes, claims) are on their way: one line is kept for them.
        <p class="facet" aria-hidden="true">
          <span class="skeleton" style={{ width: '70%' }}>{'\u00a0'}</span>
        </p>
      )}
      {words.length > 0 && (
        <p class="facet">
          <span class="facet-label">{t('facetStresses')}</span>
          <span class="facet-value">
            {words.map((w) => <span key={w.key} class="term" dir="auto" title={t('termCounts', [w.count, w.otherCount])}>{w.term}</span>)}
          </span>
        </p>
      )}
      {speakers.length > 0 && (
        <p class="facet">
          <span class="facet-label">{t('facetQuotes')}</span>
          <span class="facet-value" dir="auto">
            {speakers.slice(0, SPEAKERS_PER_CARD).map((s) => s.speaker).join(' · ')}
            {speakers.length > SPEAKERS_PER_CARD && ` ${t('andMore', [speakers.length - SPEAKERS_PER_CARD])}`}
          </span>
        </p>
      )}
      {unique > 0 && (
        <p class="facet">
          <span class="facet-label">{t('facetOnlyHere')}</span>
          <span class="facet-value">{i18n.tn('claimCount', unique)}</span>
        </p>
      )}
    </li>
  );
}

export interface PerspectivesProps {
  article: ArticleView;
  perspectives?: PerspectivesData;
  framing?: EventFraming;
  /** What is known of the framing while it is computed (its coverage). */
  pendingFraming?: PendingFraming;
  outlets: Record<string, OutletView>;
  enabledSources: number;
  now: number;
  axes?: Axis[];
  onOpenOptions?: () => void;
}

/** Who else covered the event: coverage per axis with blindspots, then one card per outlet. */
export function Perspectives({ article, perspectives, framing, pendingFraming, outlets, enabledSources, now, axes, onOpenOptions }: PerspectivesProps) {
  const { t, tn, locale } = useI18n();
  const cards = perspectiveCards(article, perspectives, framing);
  const coverage = framing?.coverage ?? pendingFraming?.coverage;
  const pending = !framing && !!pendingFraming;
  const nearby = perspectives?.nearbyEvents ?? [];
  return (
    <section class="perspectives" aria-labelledby="perspectives-heading">
      <div class="section-head">
        <h2 id="perspectives-heading">{t('perspectivesHeading')}</h2>
        {cards.length > 0 && <p class="summary">{tn('otherOutletCount', cards.length)}</p>}
      </div>
      {coverage && coverage.outletCount > 1 && <Coverage coverage={coverage} outlets={outlets} axes={axes} />}
      {cards.length > 0 ? (
        <ul class="cards" aria-label={t('perspectivesListLabel')}>
          {cards.map((c) => <Card key={c.outletId} card={c} framing={framing} outlet={outlets[c.outletId]} now={now} pending={pending} />)}
        </ul>
      ) : (
        <div class="state">
          <p>{enabledSources === 0 ? t('perspectivesNoSources') : t('perspectivesOnlyOne', [article.outletName, enabledSources])}</p>
          {nearby.length > 0 && (
            <>
              <p>{t('nearbyIntro')}</p>
              <ul class="related">
                {nearby.map((e) => (
                  <li key={e.eventId} class="related-item">
                    <span />
                    <div>
                      <p class="related-title" dir="auto">{e.label}</p>
                      <p class="meta">{shortDate(e.date, locale)} · {tn('outletCount', e.outlets.length)}</p>
                    </div>
                  </li>
                ))}
              </ul>
            </>
          )}
          {onOpenOptions && <div class="actions"><button type="button" onClick={onOpenOptions}>{t('openSourcesSettings')}</button></div>}
        </div>
      )}
    </section>
  );
}
