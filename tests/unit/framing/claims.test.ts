import { describe, expect, it } from 'vitest';
import { findClaims } from '../../../lib/framing/claims';

const art = (id: string, outletId: string, body: string, title = '') => ({ id, outletId, title, dek: '', body });

describe('findClaims', () => {
  const articles = [
    art('a', 'ledger', 'ISLAMABAD: Talks between Pakistan and Afghanistan in Istanbul ended on Thursday without a signed agreement. Two soldiers were injured in Kurram overnight.'),
    art('b', 'wire', 'Peace talks between Pakistan and Afghanistan in Istanbul have ended without an agreement on Thursday, officials said. Five soldiers were injured in Kurram overnight, the army said.'),
    art('c', 'pass', 'Even the mediators were taken aback by the abrupt end of the final Istanbul session, two people briefed on it said.'),
  ];
  const claims = findClaims(articles);

  it('pairs a reworded fact across outlets, verbatim, with the outlets that carry it', () => {
    const talks = [...claims.shared, ...claims.corroborated].find((c) => c.text.includes('signed agreement') || c.text.includes('Peace talks'));
    expect(talks?.outletIds.sort()).toEqual(['ledger', 'wire']);
    expect(talks?.instances).toHaveLength(1);
  });

  it('"most outlets": two of three is a majority', () => {
    expect(claims.shared.length).toBeGreaterThan(0);
  });

  it('keeps facts apart when their numbers disagree', () => {
    const soldiers = claims.unique.filter((c) => c.text.includes('soldiers'));
    expect(soldiers.map((c) => c.outletId).sort()).toEqual(['ledger', 'wire']);
  });

  it('lists what only one outlet reports', () => {
    expect(claims.unique.some((c) => c.outletId === 'pass' && c.text.includes('taken aback'))).toBe(true);
  });

  it('has nothing to compare with one outlet', () => {
    expect(findClaims([articles[0]])).toEqual({ shared: [], corroborated: [], unique: [] });
  });
});
