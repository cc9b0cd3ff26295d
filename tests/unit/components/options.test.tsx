// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, within } from '@testing-library/preact';
import type { ComponentChildren } from 'preact';
import { afterEach, describe, expect, it } from 'vitest';
import { createI18n, I18nProvider } from '../../../components/i18n';
import { DataSection, PrivacySection, ReadingSection, SourcesSection } from '../../../components/Options';
import { MOCK_NOW, mockSources } from '../../fixtures/mock-context';

const wrap = (ui: ComponentChildren) => render(<I18nProvider i18n={createI18n('en')}>{ui}</I18nProvider>);
const noop = () => undefined;

afterEach(cleanup);

describe('sources', () => {
  it('lists enabled sources first with their axes and feed status, and toggles them', () => {
    const toggled: Array<[string, boolean]> = [];
    wrap(<SourcesSection sources={mockSources} now={MOCK_NOW} onToggle={(id, on) => toggled.push([id, on])} onSaveAxes={noop} onAddFeed={noop} onImportOpml={noop} onExportOpml={noop} onRefresh={noop} feedback={null} />);
    expect(screen.getByText('7 of 8 enabled')).toBeTruthy();
    const list = screen.getByRole('list', { name: 'Sources' });
    expect(within(list).getAllByRole('listitem')).toHaveLength(7);
    expect(screen.getByText(/Qatar · Public broadcaster · State-affiliated/)).toBeTruthy();
    expect(screen.getByText(/failing \(HTTP 503\), 2 failures in a row/)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Show all 8 sources (1 not enabled)' }));
    expect(within(list).getAllByRole('listitem')).toHaveLength(8);
    fireEvent.click(screen.getByRole('checkbox', { name: /Sutlej News Agency/ }));
    expect(toggled).toEqual([['sutlej-news', true]]);
  });

  it('adds a feed by URL and edits an outlet\'s axes', () => {
    const added: string[] = [];
    const edits: unknown[] = [];
    wrap(<SourcesSection sources={mockSources} now={MOCK_NOW} onToggle={noop} onSaveAxes={(s, e) => edits.push([s.outlet.id, e])} onAddFeed={(u) => added.push(u)} onImportOpml={noop} onExportOpml={noop} onRefresh={noop} feedback={{ kind: 'ok', text: 'Saved.' }} />);
    fireEvent.input(screen.getByLabelText('Add a feed by URL'), { target: { value: 'https://news.example/rss' } });
    fireEvent.submit(screen.getByRole('button', { name: 'Add feed' }).closest('form')!);
    expect(added).toEqual(['https://news.example/rss']);
    fireEvent.click(screen.getByRole('button', { name: 'Edit axes of Meridian Wire' }));
    fireEvent.change(screen.getByLabelText('Lean'), { target: { value: 'center' } });
    fireEvent.submit(screen.getByRole('button', { name: 'Save' }).closest('form')!);
    expect(edits).toEqual([['meridian-wire', { country: 'INT', ownership: 'cooperative', stateAffiliated: false, lean: 'center' }]]);
    expect(screen.getByRole('status').textContent).toBe('Saved.');
  });
});

describe('reading, data and privacy', () => {
  it('switches the detection mode', () => {
    const patches: unknown[] = [];
    wrap(<ReadingSection settings={{ detection: 'known-outlets', fullTextOnDemand: true, maxFeedArticles: 50_000 }} onChange={(p) => patches.push(p)} />);
    expect((screen.getByRole('radio', { name: /On known news outlets/ }) as HTMLInputElement).checked).toBe(true);
    fireEvent.click(screen.getByRole('radio', { name: /Only when I click/ }));
    expect(patches).toEqual([{ detection: 'on-click' }]);
  });

  it('clears the store only after confirmation, and shows the storage used', () => {
    let cleared = 0;
    const { container } = wrap(<DataSection counts={{ articles: 17, events: 5, stories: 2, outlets: 7 }} estimate={{ usage: 2_400_000, quota: 10_000_000_000 }} error={null} onExport={noop} onImport={noop} onClear={() => cleared++} feedback={null} />);
    expect(container.querySelector('dl.stats dd')?.textContent).toBe('17');
    expect(screen.getByText(/Using 2\.3 MB of the 9\.3 GB/)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Clear stored articles…' }));
    const dialog = screen.getByRole('alertdialog');
    expect(dialog.textContent).toContain('all 17 stored articles');
    fireEvent.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    expect(cleared).toBe(0);
    fireEvent.click(screen.getByRole('button', { name: 'Clear stored articles…' }));
    fireEvent.click(screen.getByRole('button', { name: 'Delete everything' }));
    expect(cleared).toBe(1);
  });

  it('says what is stored and what leaves the browser', () => {
    wrap(<PrivacySection />);
    expect(screen.getByText(/Stored in this browser only/)).toBeTruthy();
    expect(screen.getByText(/Nothing leaves your browser, with two exceptions/)).toBeTruthy();
  });
});
