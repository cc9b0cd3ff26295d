// The demo's blindspot, the way `npm start` produces it: every demo outlet is a source, its feed
// (rendered by the demo site, read by the real feed parser) fills the store, the reader opens the
// newest Istanbul article, and the background builds the tab's context. Seven outlets covered
// Istanbul; the Caspian Herald (Iran) covered only the clashes and Doha, so Iran is a blindspot.
// @vitest-environment happy-dom
import { cleanup, render, screen } from '@testing-library/preact';
import { parseHTML } from 'linkedom';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createI18n, I18nProvider } from '../../components/i18n';
import { SidePanelView } from '../../components/SidePanelView';
import { extractArticle } from '../../lib/article/extract';
import { buildTabContext } from '../../lib/background/context';
import { ingestArticle, ingestInputs } from '../../lib/background/ingest';
import { demoArticles, demoArticlesOf, demoArticleUrl, newestDemoArticle } from '../../lib/demo/articles';
import { DEMO_OUTLET_IDS, demoOutlets } from '../../lib/demo/outlets';
import { renderArticlePage, renderRssFeed } from '../../lib/demo/render';
import { parseFeedText } from '../../lib/feeds/parse';
import { openDatabase, type ThreadlineDB } from '../../lib/store/db';
import type { TabContext } from '../../lib/views';
import { describeContext } from '../cli/describe-context';

const PORT = 8080;
const NOW = Date.parse('2025-11-01T09:00:00Z');
const outlets = demoOutlets(PORT);
const ISTANBUL_OUTLETS = [...new Set(demoArticles.filter((a) => a.event === 'istanbul-talks').map((a) => a.outletId))];

let db: ThreadlineDB;
let context: TabContext;

beforeAll(async () => {
  db = openDatabase(`demo-blindspot-${Date.now()}`);
  await db.outlets.bulkPut(outlets);
  for (const outlet of outlets) {
    const feed = parseFeedText(renderRssFeed(outlet, demoArticlesOf(outlet.id), PORT), { feedUrl: outlet.feeds[0], now: NOW });
    await ingestInputs(db, feed.items.map((i) => i.article), NOW, outlet);
  }
  const newest = newestDemoArticle();
  const url = demoArticleUrl(newest, PORT);
  const page = parseHTML(renderArticlePage(newest, outlets.find((o) => o.id === newest.outletId)!, PORT)).document as unknown as Document;
  const visit = await ingestArticle(db, extractArticle(page, url)!, NOW);
  context = await buildTabContext(db, 1, { url, status: 'article', articleId: visit!.articleId, updatedAt: NOW }, { enabledSources: [...DEMO_OUTLET_IDS] });
});

afterAll(() => db.close());
afterEach(cleanup);

describe('the demo story with every demo outlet as a source', () => {
  it('covers the Istanbul event with seven outlets and reports Iran as the blindspot', () => {
    expect(ISTANBUL_OUTLETS).toHaveLength(7);
    const coverage = context.framing!.coverage;
    expect(coverage.outletCount).toBe(7);
    expect(coverage.axes.find((a) => a.axis === 'country')!.groups.flatMap((g) => g.outletIds).sort()).toEqual([...ISTANBUL_OUTLETS].sort());
    // Its ownership (state-owned) and state affiliation are covered by the Turkish agency.
    expect(coverage.blindspots).toEqual([{ axis: 'country', value: 'IR', outletIds: ['caspian-herald'] }]);
  });

  it('has the Iranian outlet among the earlier dots of the trail, not the current one', () => {
    const dots = context.trail!.dots;
    const withIran = dots.filter((d) => d.outlets.some((o) => o.id === 'caspian-herald'));
    expect(withIran.length).toBeGreaterThanOrEqual(2);
    expect(withIran.every((d) => !d.isCurrent)).toBe(true);
    expect(context.outlets['caspian-herald']?.name).toBe('Caspian Herald');
  });

  it('shows the blindspot in the side panel and in the npm start summary, from the data', () => {
    render(
      <I18nProvider i18n={createI18n('en')}>
        <SidePanelView context={context} error={null} now={NOW} />
      </I18nProvider>,
    );
    expect(screen.getByText('Blindspot: none of your sources from “Iran” covered this (Caspian Herald).')).toBeTruthy();
    expect(describeContext(context)).toContain('Blindspot: no country "IR" source among yours covered this (Caspian Herald)');
  });
});
