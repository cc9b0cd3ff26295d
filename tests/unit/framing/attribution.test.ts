import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { passiveBefore } from '../../../lib/framing/attribution';

describe('passiveBefore', () => {
  const PASSIVE_BEFORE = /\b(was|were|is|are|been|being|be)\s*$/u;
  const pieces = ['was', 'were', 'is', 'are', 'been', 'being', 'be', 'Was', 'xbe', 'abeing', 'this', ' ', '  ', '\n', '\u00a0', '\u2003', 'told', ',', '.', '_', 'é', '9'];
  const text = fc.array(fc.constantFrom(...pieces), { maxLength: 20 }).map((p) => p.join(''));

  it('tests only the end of the text as the regex tests the whole prefix', () => {
    fc.assert(fc.property(text, fc.nat(), (t, k) => {
      const end = t.length === 0 ? 0 : k % (t.length + 1);
      return passiveBefore(t, end) === PASSIVE_BEFORE.test(t.slice(0, end));
    }), { numRuns: 5000 });
  });

  it('reads "was told" as passive', () => {
    expect(passiveBefore('Asif was told', 'Asif was '.length)).toBe(true);
    expect(passiveBefore('Asif told', 'Asif '.length)).toBe(false);
  });
});
