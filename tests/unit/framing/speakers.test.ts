import { describe, expect, it } from 'vitest';
import { mergeSpeakers, parseSpeaker, speakerKey } from '../../../lib/framing/speakers';

describe('parseSpeaker', () => {
  it.each([
    ['Khawaja Asif', 'person', 'Khawaja Asif'],
    ["Pakistan's Defence Minister Khawaja Asif", 'person', 'Khawaja Asif'],
    ['Taliban spokesman Zabihullah Mujahid', 'person', 'Zabihullah Mujahid'],
    ['Senator Sherry Nawaz of the ruling coalition', 'person', 'Sherry Nawaz'],
    ['Majed al-Ansari', 'person', 'Majed al-Ansari'],
    ['a senior Pakistani official', 'description', 'a senior Pakistani official'],
    ['the Pakistani delegation', 'description', 'the Pakistani delegation'],
    ['The Foreign Office', 'organisation', 'The Foreign Office'],
    ['he', 'pronoun', 'he'],
  ])('%s → %s', (phrase, kind, name) => {
    const parsed = parseSpeaker(phrase);
    expect(parsed.kind).toBe(kind);
    expect(parsed.name).toBe(name);
  });

  it('keys descriptions without their determiner', () => {
    expect(speakerKey('the Pakistani delegation')).toBe(speakerKey('Pakistani delegation'));
    expect(speakerKey('an unnamed source')).not.toBe(speakerKey('a senior official'));
  });
});

describe('mergeSpeakers', () => {
  it('merges full name, middle name, title + surname and bare surname', () => {
    const groups = mergeSpeakers(['Khawaja Asif', 'Khawaja Muhammad Asif', 'Defence Minister Asif', 'Asif']);
    expect(groups).toHaveLength(1);
    expect(groups[0].name).toBe('Khawaja Muhammad Asif');
    expect(groups[0].aliases).toHaveLength(4);
  });

  it('keeps two people with one surname apart', () => {
    const groups = mergeSpeakers(['Shehbaz Sharif', 'Nawaz Sharif']);
    expect(groups).toHaveLength(2);
  });

  it('treats "Al-Thani", "Al Thani" and "Thani" as one surname', () => {
    expect(mergeSpeakers(['Sheikh Mohammed bin Abdulrahman Al-Thani', 'Mohammed Al Thani'])).toHaveLength(1);
  });

  it('does not merge organisations of different countries', () => {
    expect(mergeSpeakers(["Pakistan's foreign ministry", "Qatar's foreign ministry"])).toHaveLength(2);
  });

  it('is deterministic whatever the input order', () => {
    const names = ['Asif', 'Khawaja Asif', 'a source', 'Fidan', 'Hakan Fidan', 'the source'];
    const normalise = (gs: ReturnType<typeof mergeSpeakers>) => gs.map((g) => [g.key, g.name, g.aliases]).sort();
    expect(normalise(mergeSpeakers(names))).toEqual(normalise(mergeSpeakers([...names].reverse())));
  });

  it('drops empty names and pronouns', () => {
    expect(mergeSpeakers(['', 'he', '  '])).toEqual([]);
  });
});
