import { describe, expect, it } from 'vitest';
import { countCues } from '../../../lib/framing/cues';

describe('countCues', () => {
  const [cues] = countCues([{ outletId: 'x', dek: '', body: [
    'Asif said the talks had failed.',
    'Kabul claimed the delegation had insisted on new terms.',
    'A senior official, speaking on condition of anonymity, told reporters the text was ready.',
    'The strikes reportedly killed five people.',
    'The weather was fine.',
  ].join(' ') }]);

  it('counts neutral attribution with the sentences behind it', () => {
    expect(cues.neutral.count).toBe(2);
    expect(cues.neutral.sentences[0]).toBe('Asif said the talks had failed.');
  });

  it('counts loaded verbs, per verb', () => {
    expect(cues.loaded.count).toBe(2);
    expect(cues.loaded.verbs).toEqual({ claimed: 1, insisted: 1 });
  });

  it('counts unnamed sources and hedges', () => {
    expect(cues.unnamedSources.count).toBe(1);
    expect(cues.hedges.count).toBe(1);
    expect(cues.hedges.sentences).toEqual(['The strikes reportedly killed five people.']);
  });

  it('counts sentences', () => {
    expect(cues.sentences).toBe(5);
  });
});
