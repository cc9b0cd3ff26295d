// A demo event built from the project's own quote set (tests/fixtures/quotes, demo texts, not real
// articles): the outlets get registry entries so coverage, groups and blindspots have axes.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { extractQuotes } from '../../../lib/article/quotes';
import type { FramingArticle } from '../../../lib/framing';
import type { Outlet } from '../../../lib/types';

const here = dirname(fileURLToPath(import.meta.url));

function outlet(id: string, name: string, country: string, ownership: Outlet['ownership'], stateAffiliated: boolean, lean?: string): Outlet {
  return { id, name, domains: [`${id}.example`], country, language: 'en', ownership, stateAffiliated, lean: lean ? { value: lean, source: 'demo' } : undefined, feeds: [] };
}

export const demoOutlets: Outlet[] = [
  outlet('ledger', 'The Indus Ledger', 'PK', 'private', false, 'center'),
  outlet('dispatch', 'Kabul Dispatch', 'AF', 'private', false),
  outlet('pass', 'Hindukush Pass', 'AF', 'private', false),
  outlet('bharat', 'Bharat Wire', 'IN', 'private', false, 'lean-right'),
  outlet('gulf', 'Gulf Current', 'QA', 'state-owned', true),
  outlet('anatolian', 'Anatolian Bulletin', 'TR', 'state-owned', true),
  outlet('wire', 'Global Wire Service', 'INT', 'private', false, 'center'),
  outlet('steppe', 'Steppe Review', 'KZ', 'private', false),
];

const OUTLET_BY_NAME = new Map(demoOutlets.map((o) => [o.name, o.id]));

interface Line {
  id: string;
  outlet: string;
  title: string;
  text: string;
}

/**
 * The demo articles; `pick` filters by id (e.g. the Istanbul event: ids containing "istanbul").
 * `set` reads a held-out set of the same fixture instead ("holdout", "holdout-2").
 */
export function demoArticles(pick: (id: string) => boolean = () => true, set = ''): FramingArticle[] {
  const file = join(here, '..', '..', 'fixtures', 'quotes', set, 'articles.jsonl');
  return readFileSync(file, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l) as Line).filter((l) => pick(l.id)).map((l) => {
    const paragraphs = l.text.split(/\n\n/u);
    return { id: l.id, title: l.title, dek: '', body: paragraphs.join('\n'), quotes: extractQuotes(paragraphs), outletId: OUTLET_BY_NAME.get(l.outlet) ?? l.outlet, outletName: l.outlet };
  });
}
