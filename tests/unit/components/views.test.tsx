// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, within } from '@testing-library/preact';
import type { ComponentChildren } from 'preact';
import { afterEach, describe, expect, it } from 'vitest';
import { Compare } from '../../../components/Compare';
import { createI18n, formatMessage, I18nProvider } from '../../../components/i18n';
import english from '../../../components/locales/en/messages.json';
import { SearchResults } from '../../../components/Search';
import { SidePanelView } from '../../../components/SidePanelView';
import { TabContextView } from '../../../components/TabContextView';
import { Trail } from '../../../components/Trail';
import { HOSTILE, hostileContext, MOCK_NOW, mockContext, mockFraming, mockLongTrail, mockNothingYet, mockNotArticle, mockSearchHits, RTL_TITLE } from '../../fixtures/mock-context';

const i18n = createI18n('en');
const wrap = (ui: ComponentChildren) => render(<I18nProvider i18n={i18n}>{ui}</I18nProvider>);

afterEach(cleanup);

describe('i18n', () => {
  it('formats Chrome-style placeholders and plurals', () => {
    expect(formatMessage({ message: '$COUNT$ dots · latest $WHEN$', placeholders: { count: { content: '$1' }, when: { content: '$2' } } }, [8, '7 months ago'])).toBe('8 dots · latest 7 months ago');
    expect(i18n.tn('trailSummary', 1, ['today'])).toBe('1 dot · latest today');
    expect(i18n.tn('trailSummary', 8, ['7 months ago'])).toBe('8 dots · latest 7 months ago');
  });

  it('every message has a text and its placeholders point at substitutions', () => {
    for (const [key, entry] of Object.entries(english as Record<string, { message: string; placeholders?: Record<string, { content: string }> }>)) {
      expect(entry.message, key).not.toBe('');
      for (const name of entry.message.match(/\$([A-Z_]+)\$/g) ?? []) {
        expect(entry.placeholders?.[name.slice(1, -1).toLowerCase()], `${key} ${name}`).toBeDefined();
      }
    }
  });
});

describe('the popup view', () => {
  it('renders the article, the trail and the perspectives of the demo story', () => {
    wrap(<TabContextView context={mockContext} error={null} now={MOCK_NOW} />);
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe(mockContext.article!.title);
    expect(document.querySelector('.article-header time')?.textContent).toBe('3 days ago');
    expect(screen.getByText('4 dots · latest 3 days ago')).toBeTruthy();
    const trail = screen.getByRole('list', { name: /Events of the story/ });
    const dots = within(trail).getAllByRole('listitem');
    expect(dots).toHaveLength(4);
    expect(dots[0].getAttribute('aria-current')).toBe('true');
    expect(dots[0].getAttribute('aria-label')).toMatch(/The article you are reading.*New since you last opened this story/);
    expect(dots[2].getAttribute('aria-label')).toMatch(/Unread$/);
    const cards = within(screen.getByRole('list', { name: 'How other outlets told this event' })).getAllByRole('listitem');
    expect(cards).toHaveLength(6);
    expect(within(cards[0]).getByText('Oxus Dispatch News Agency')).toBeTruthy();
    expect(within(cards[0]).getByText('an unnamed source', { exact: false })).toBeTruthy();
    expect(within(cards[0]).getByText('Pakistani delegation')).toBeTruthy();
    // Coverage: one labelled image per axis with groups, and the blindspot line.
    const bars = screen.getAllByRole('img');
    expect(bars.map((b) => b.getAttribute('aria-label')?.split(':')[0])).toEqual(['Country', 'Ownership', 'State affiliation', 'Lean'].filter((a) => bars.some((b) => b.getAttribute('aria-label')?.startsWith(a))));
    expect(bars[0].getAttribute('aria-label')).toContain('Afghanistan 2 of 7 outlets');
    expect(screen.getByText(/none of your sources from “Iran” covered this \(Caspian Herald\)/)).toBeTruthy();
  });

  it('shows a skeleton while loading and an alert on errors', () => {
    const { container, rerender } = wrap(<TabContextView context={null} error={null} now={MOCK_NOW} />);
    expect(container.querySelector('[aria-busy="true"]')).toBeTruthy();
    expect(container.querySelectorAll('.skeleton').length).toBeGreaterThan(5);
    rerender(<I18nProvider i18n={i18n}><TabContextView context={null} error="Receiving end does not exist" now={MOCK_NOW} /></I18nProvider>);
    expect(screen.getByRole('alert').textContent).toContain('Receiving end does not exist');
  });

  it('offers "look up this page" on a page that is not an article', () => {
    let asked = 0;
    wrap(<TabContextView context={mockNotArticle} error={null} now={MOCK_NOW} actions={{ onLookUp: () => asked++ }} />);
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe("This page isn't a news article");
    fireEvent.click(screen.getByRole('button', { name: 'Look up this page' }));
    expect(asked).toBe(1);
  });

  it('says why nothing matched yet and how many sources are enabled', () => {
    wrap(<TabContextView context={mockNothingYet} error={null} now={MOCK_NOW} actions={{ onOpenOptions: () => undefined }} />);
    expect(screen.getByText('No earlier events or other outlets yet')).toBeTruthy();
    expect(screen.getByText(/feeds of your 3 enabled sources/)).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Choose sources' })).toBeTruthy();
    wrap(<TabContextView context={{ ...mockNothingYet, enabledSources: 0 }} error={null} now={MOCK_NOW} actions={{ onOpenOptions: () => undefined }} />);
    expect(screen.getByText(/No sources are enabled/)).toBeTruthy();
  });

  it('says what to enable when nothing matched yet', () => {
    const { container } = wrap(<TabContextView context={{ ...mockContext, trail: undefined, perspectives: undefined, framing: undefined, enabledSources: 0 }} error={null} now={MOCK_NOW} />);
    expect(container.querySelectorAll('.dots > li.dot')).toHaveLength(0);
    expect(container.textContent).toMatch(/source/i);
  });
});

describe('untrusted text', () => {
  it('renders markup in titles, quotes and outlet names as text, and links only http(s)', () => {
    const { container } = wrap(<SidePanelView context={hostileContext()} error={null} now={MOCK_NOW} />);
    expect(container.querySelector('img, script')).toBeNull();
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe(HOSTILE);
    expect(screen.getAllByText(HOSTILE).length).toBeGreaterThanOrEqual(3);
    for (const a of container.querySelectorAll('a[href]')) expect(a.getAttribute('href')).toMatch(/^(https?:\/\/|#)/);
    fireEvent.click(screen.getByRole('tab', { name: 'Compare' }));
    const speakerOutlet = hostileContext().framing!.speakers[0].quotes[0].outletId;
    const box = screen.getAllByRole('checkbox').find((b) => b.closest('label')?.textContent?.includes(hostileContext().framing!.outlets.find((o) => o.id === speakerOutlet)!.name)) as HTMLInputElement;
    if (!box.checked) fireEvent.click(box);
    expect(container.querySelector('img, script')).toBeNull();
    expect(screen.getAllByText(HOSTILE).length).toBeGreaterThanOrEqual(1);
    expect(screen.getAllByText(`“${HOSTILE}”`).length).toBeGreaterThanOrEqual(1);
  });
});

describe('direction', () => {
  it('gives right-to-left headlines dir="auto"', () => {
    wrap(<TabContextView context={{ ...mockContext, article: { ...mockContext.article!, title: RTL_TITLE } }} error={null} now={MOCK_NOW} />);
    const h1 = screen.getByRole('heading', { level: 1 });
    expect(h1.textContent).toBe(RTL_TITLE);
    expect(h1.getAttribute('dir')).toBe('auto');
    for (const el of document.querySelectorAll('.dot-label, .card-title')) expect(el.getAttribute('dir')).toBe('auto');
  });
});

describe('the trail', () => {
  it('collapses a long trail to its key dots and expands on "show all"', () => {
    wrap(<Trail trail={mockLongTrail} now={MOCK_NOW} />);
    const list = screen.getByRole('list', { name: /Events of the story/ });
    expect(within(list).getAllByRole('listitem')).toHaveLength(4);
    expect(screen.getAllByText('8 dots hidden').length).toBeGreaterThan(0);
    const button = screen.getByRole('button', { name: 'Show all 12 dots' });
    expect(button.getAttribute('aria-expanded')).toBe('false');
    fireEvent.click(button);
    expect(within(list).getAllByRole('listitem')).toHaveLength(12);
    expect(screen.getByRole('button', { name: 'Show key dots only' }).getAttribute('aria-expanded')).toBe('true');
  });
});

describe('compare', () => {
  it('puts two outlets side by side and allows at most three', () => {
    wrap(<Compare framing={mockFraming} currentOutletId="indus-ledger" outlets={mockContext.outlets} leads={mockContext.leads} textSource="summaries" onFetchFullText={() => undefined} />);
    const table = screen.getByRole('table');
    const heads = within(table).getAllByRole('columnheader').map((h) => h.textContent);
    expect(heads[0]).toContain('The Indus Ledger · Pakistan');
    expect(heads[1]).toContain('Lapis Valley Television · Afghanistan');
    expect(within(table).getByText('Khawaja Asif')).toBeTruthy();
    expect(within(table).getByText('Abdul Basir Sadiqi')).toBeTruthy();
    expect(screen.getByText(/used feed summaries only/)).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Fetch the full articles' })).toBeTruthy();
    fireEvent.click(screen.getByRole('checkbox', { name: /Oxus Dispatch/ }));
    expect(within(screen.getByRole('table')).getAllByRole('columnheader')).toHaveLength(3);
    expect(within(screen.getByRole('table')).getByText('an unnamed source')).toBeTruthy();
    const fourth = screen.getByRole('checkbox', { name: /Meridian Wire/ }) as HTMLInputElement;
    expect(fourth.disabled).toBe(true);
  });
});

describe('search', () => {
  it('lists hits with their outlet and matched words', () => {
    wrap(<SearchResults query="istanbul ttp" state={{ status: 'done', hits: mockSearchHits }} now={MOCK_NOW} />);
    expect(screen.getByText('3 articles for “istanbul ttp”')).toBeTruthy();
    expect(screen.getAllByText(/matched istanbul, ttp/)).toHaveLength(3);
  });
});
