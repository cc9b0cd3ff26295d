import { describe, expect, it } from 'vitest';
import { validateOutlet, OUTLET_LIMITS } from '../../../lib/outlets/validate';

const valid = {
  id: 'demo-daily', name: 'Demo Daily', domains: ['www.demo-daily.example'], country: 'pk', language: 'en',
  ownership: 'private', stateAffiliated: false, feeds: ['https://demo-daily.example/feed'],
};

describe('validateOutlet', () => {
  it('cleans a valid outlet (mirror prefix, country case)', () => {
    expect(validateOutlet(valid)).toEqual({ outlet: { ...valid, domains: ['demo-daily.example'], country: 'PK' }, errors: [] });
  });

  it('rejects an outlet without identity', () => {
    expect(validateOutlet({ ...valid, id: '' }).outlet).toBeUndefined();
    expect(validateOutlet({ ...valid, name: '   ' }).outlet).toBeUndefined();
    expect(validateOutlet({ ...valid, domains: ['not a domain', 'javascript:alert(1)'] }).outlet).toBeUndefined();
    expect(validateOutlet(null).outlet).toBeUndefined();
    expect(validateOutlet('dawn').outlet).toBeUndefined();
  });

  it('drops non-http(s) feeds and reports them', () => {
    const { outlet, errors } = validateOutlet({ ...valid, feeds: ['javascript:alert(1)', 'file:///etc/passwd', 'ftp://x.example/f', 'https://ok.example/rss', 42] });
    expect(outlet?.feeds).toEqual(['https://ok.example/rss']);
    expect(errors).toHaveLength(4);
  });

  it('drops a lean without its source', () => {
    const { outlet, errors } = validateOutlet({ ...valid, lean: { value: 'center' } });
    expect(outlet?.lean).toBeUndefined();
    expect(errors[0]).toMatch(/lean dropped/);
    expect(validateOutlet({ ...valid, lean: { value: 'center', source: 'AllSides Media Bias Rating' } }).outlet?.lean).toEqual({ value: 'center', source: 'AllSides Media Bias Rating' });
  });

  it('bounds every field', () => {
    const huge = 'x'.repeat(100_000);
    const { outlet } = validateOutlet({
      ...valid, name: huge, domains: Array.from({ length: 100 }, (_, i) => `d${i}.example`),
      feeds: Array.from({ length: 100 }, (_, i) => `https://f.example/${i}`), lean: { value: huge, source: huge }, language: huge, country: huge,
    });
    expect(outlet?.name.length).toBe(OUTLET_LIMITS.name);
    expect(outlet?.domains).toHaveLength(OUTLET_LIMITS.domains);
    expect(outlet?.feeds).toHaveLength(OUTLET_LIMITS.feeds);
    expect(outlet?.lean?.value.length).toBe(OUTLET_LIMITS.leanValue);
    expect(outlet?.language).toBe('');
    expect(outlet?.country).toBe('');
  });

  it('removes control characters from text fields', () => {
    expect(validateOutlet({ ...valid, name: 'Demo\u0000 Daily\u001b' }).outlet?.name).toBe('Demo Daily');
  });

  it('maps unknown ownership to "unknown" and reads stateAffiliated strictly', () => {
    const { outlet } = validateOutlet({ ...valid, ownership: 'owned-by-aliens', stateAffiliated: 'yes' });
    expect(outlet?.ownership).toBe('unknown');
    expect(outlet?.stateAffiliated).toBe(false);
  });
});
