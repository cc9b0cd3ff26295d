import { describe, expect, it } from 'vitest';
import { withinWindow } from '../../../lib/match/candidates';

describe('withinWindow', () => {
  const place = (id: string, published: number) => ({ id, published, eventId: 'e' + id, storyId: 's' + id });

  it('keeps the places within the window either side, in order, the window included', () => {
    const places = [place('a', 100), undefined, place('b', 70), place('c', 130), place('d', 131), place('e', 69)];
    expect(withinWindow(places, 100, 30).map((p) => p.id)).toEqual(['a', 'b', 'c']);
  });

  it('keeps every place found without a window', () => {
    expect(withinWindow([place('a', 0), undefined, place('b', 1e15)], 100).map((p) => p.id)).toEqual(['a', 'b']);
  });
});
