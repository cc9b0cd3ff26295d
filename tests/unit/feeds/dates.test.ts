import { describe, expect, it } from 'vitest';
import { parseFeedDate } from '../../../lib/feeds/dates';

describe('parseFeedDate', () => {
  it.each([
    ['Sun, 19 Oct 2025 09:30:00 +0500', '2025-10-19T09:30:00+05:00'],
    ['19 Oct 2025 09:30 GMT', '2025-10-19T09:30:00Z'],
    ['Sunday, 19 October 2025 09:30:00 EDT', '2025-10-19T09:30:00-04:00'],
    ['Sun, 19 Oct 25 09:30:00 +0430', '2025-10-19T09:30:00+04:30'],
    ['Sun, 5 Oct 2025 9:05:00 -0300', '2025-10-05T09:05:00-03:00'],
    ['2025-10-19T09:30:00+05:00', '2025-10-19T09:30:00+05:00'],
    ['2025-10-19T09:30:00.123Z', '2025-10-19T09:30:00Z'],
    ['2025-10-19T09:30Z', '2025-10-19T09:30:00Z'],
    ['2025-10-19 09:30:00', '2025-10-19T09:30:00Z'],
    ['2025-10-19', '2025-10-19T00:00:00Z'],
    ['2024-02-29T12:00:00Z', '2024-02-29T12:00:00Z'],
    ['  2025-10-19T09:30:00+0500 ', '2025-10-19T09:30:00+05:00'],
  ])('%s → %s', (raw, expected) => {
    expect(parseFeedDate(raw)).toBe(expected);
  });

  it.each([
    'Mon, 31 Feb 2025 10:00:00 +0000',
    '2025-02-29T00:00:00Z',
    '2025-13-01T00:00:00Z',
    '2025-10-19T24:00:00Z',
    'Tue, 21 Oct 2025 25:61:00 +0000',
    '0001-01-01T00:00:00Z',
    'Fri, 31 Dec 9999 23:59:59 GMT',
    '2025-10-19T09:30:00+15:00',
    '19 Foo 2025 10:00 GMT',
    '19 Oct 2025 10:00 XYZ',
    'yesterday',
    '1729330200',
    '',
    'x'.repeat(1000),
  ])('rejects %s', (raw) => {
    expect(parseFeedDate(raw)).toBeUndefined();
  });

  it('rejects non-strings', () => {
    expect(parseFeedDate(undefined)).toBeUndefined();
    expect(parseFeedDate(1729330200)).toBeUndefined();
    expect(parseFeedDate({})).toBeUndefined();
  });

  it('rejects dates after notAfter', () => {
    const notAfter = Date.UTC(2025, 9, 20);
    expect(parseFeedDate('2025-10-19T23:00:00-02:00', notAfter)).toBeUndefined();
    expect(parseFeedDate('2025-10-19T23:00:00+02:00', notAfter)).toBe('2025-10-19T23:00:00+02:00');
  });
});
