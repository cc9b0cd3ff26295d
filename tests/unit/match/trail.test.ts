import { describe, expect, it } from 'vitest';
import { articlesByDay, dotImportance, happenedDay, rankDots, referencesByDay } from '../../../lib/match/trail';

const DAY = 86_400_000;
const at = (day: number) => day * DAY + 12 * 3_600_000;

describe('referencesByDay', () => {
  it('counts later articles referring back to a day, once per article, the next day at half weight', () => {
    const refs = referencesByDay([
      { published: at(110), dateRefs: [100, 100, 105] },
      { published: at(101), dateRefs: [100] },
      // Its own day and a day after it are a dateline and an announcement, not a look back.
      { published: at(100), dateRefs: [100, 102] },
      { published: at(120) },
    ]);
    expect(refs.get(100)).toBe(1.5);
    expect(refs.get(105)).toBe(1);
    expect(refs.has(102)).toBe(false);
  });
});

describe('articlesByDay', () => {
  it('counts the articles published on each day', () => {
    const days = articlesByDay([{ published: at(7) }, { published: at(7) + 3_600_000 }, { published: at(8) }]);
    expect([...days]).toEqual([[7, 2], [8, 1]]);
  });
});

describe('dotImportance', () => {
  it('grows with references, with the day coverage (sub-linearly) and with outlets', () => {
    const base = { references: 1, dayArticles: 4, outlets: 1 };
    expect(dotImportance({ ...base, references: 3 })).toBeGreaterThan(dotImportance(base));
    expect(dotImportance({ ...base, outlets: 2 })).toBeGreaterThan(dotImportance(base));
    const gain4 = dotImportance(base) - dotImportance({ ...base, dayArticles: 1 });
    const gain16 = dotImportance({ ...base, dayArticles: 16 }) - dotImportance(base);
    expect(gain16 / 12).toBeLessThan(gain4 / 3);
  });
});

describe('rankDots', () => {
  it('ranks the dots up to the reader’s article first, by importance, then the later ones', () => {
    const rank = rankDots(
      [
        { eventId: 'old-small', date: at(10), importance: 2 },
        { eventId: 'old-big', date: at(11), importance: 5 },
        { eventId: 'current', date: at(20), importance: 3 },
        { eventId: 'later-huge', date: at(30), importance: 50 },
        { eventId: 'tie-older', date: at(9), importance: 2 },
      ],
      at(20) + 3_600_000,
    );
    expect(['old-big', 'current', 'old-small', 'tie-older', 'later-huge'].map((id) => rank.get(id))).toEqual([1, 2, 3, 4, 5]);
  });
});

describe('happenedDay', () => {
  it('moves a dot to the day before when at least half of its first reports recall that day', () => {
    expect(happenedDay(50, [{ dateRefs: [49] }, { dateRefs: [30, 49] }, { dateRefs: [] }], new Set([50]))).toBe(49);
    expect(happenedDay(50, [{ dateRefs: [49] }, {}, { dateRefs: [48] }], new Set([50]))).toBe(50);
    expect(happenedDay(50, [], new Set([50]))).toBe(50);
  });

  it('keeps the first report’s day when another event of the story starts the day before', () => {
    expect(happenedDay(50, [{ dateRefs: [49] }], new Set([49, 50]))).toBe(50);
  });
});
