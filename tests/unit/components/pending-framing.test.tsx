// @vitest-environment happy-dom
// The quick answer the popup and side panel paint first (lib/background/context.ts, `partial`):
// the article, trail, perspectives and coverage, with the framing's text analyses to follow.
import { cleanup, render, screen, within } from '@testing-library/preact';
import type { ComponentChildren } from 'preact';
import { afterEach, describe, expect, it } from 'vitest';
import { createI18n, I18nProvider } from '../../../components/i18n';
import { SidePanelView } from '../../../components/SidePanelView';
import { TabContextView } from '../../../components/TabContextView';
import type { TabContext } from '../../../lib/views';
import { MOCK_NOW, mockContext, mockFraming } from '../../fixtures/mock-context';

const i18n = createI18n('en');
const wrap = (ui: ComponentChildren) => render(<I18nProvider i18n={i18n}>{ui}</I18nProvider>);
const quick: TabContext = { ...mockContext, framing: undefined, framingTextSource: undefined, pendingFraming: { coverage: mockFraming.coverage } };

afterEach(cleanup);

describe('a context whose framing is still being computed', () => {
  it('shows the header, the trail, the coverage and the cards, with a line kept for each card’s facets', () => {
    wrap(<TabContextView context={quick} error={null} now={MOCK_NOW} />);
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe(mockContext.article!.title);
    expect(screen.getByText('4 dots · latest 3 days ago')).toBeTruthy();
    expect(screen.getAllByRole('img')[0].getAttribute('aria-label')).toContain('Afghanistan 2 of 7 outlets');
    const cards = within(screen.getByRole('list', { name: 'How other outlets told this event' })).getAllByRole('listitem');
    expect(cards).toHaveLength(6);
    for (const card of cards) {
      expect(card.querySelectorAll('.facet[aria-hidden="true"] .skeleton')).toHaveLength(1);
      expect(within(card).queryByText('Stresses')).toBeNull();
    }
    expect(document.querySelector('.nothing-yet')).toBeNull();
  });

  it('then the facets replace the kept lines, and nothing above the cards moves', () => {
    const { container, rerender } = wrap(<TabContextView context={quick} error={null} now={MOCK_NOW} />);
    const before = container.querySelector('.perspectives .cards')?.previousElementSibling?.outerHTML;
    rerender(<I18nProvider i18n={i18n}><TabContextView context={mockContext} error={null} now={MOCK_NOW} /></I18nProvider>);
    expect(container.querySelectorAll('.facet[aria-hidden="true"]')).toHaveLength(0);
    expect(container.querySelector('.perspectives .cards')?.previousElementSibling?.outerHTML).toBe(before);
    const cards = within(screen.getByRole('list', { name: 'How other outlets told this event' })).getAllByRole('listitem');
    expect(within(cards[0]).getByText('Pakistani delegation')).toBeTruthy();
  });

  it('keeps the side panel’s Compare tab off until the framing arrives', () => {
    wrap(<SidePanelView context={quick} error={null} now={MOCK_NOW} />);
    expect(screen.getByRole('tab', { name: 'Compare' }).hasAttribute('disabled')).toBe(true);
    expect(screen.getByRole('tab', { name: 'Trail & perspectives' }).getAttribute('aria-selected')).toBe('true');
  });
});
