// Labels for outlet axes and their values, in the reader's language.
import type { Axis } from '@/lib/framing/types';
import { countryName } from './format';
import type { I18n } from './i18n';

export function axisLabel(axis: Axis, { t }: I18n): string {
  switch (axis) {
    case 'country': return t('axisCountry');
    case 'lean': return t('axisLean');
    case 'ownership': return t('axisOwnership');
    case 'stateAffiliated': return t('axisStateAffiliated');
  }
}

export function ownershipLabel(value: string, { t }: I18n): string {
  switch (value) {
    case 'public-broadcaster': return t('ownershipPublicBroadcaster');
    case 'state-owned': return t('ownershipStateOwned');
    case 'private': return t('ownershipPrivate');
    case 'nonprofit': return t('ownershipNonprofit');
    case 'cooperative': return t('ownershipCooperative');
    default: return t('ownershipUnknown');
  }
}

export function leanLabel(value: string, { t }: I18n): string {
  switch (value.replace(/^lean-/, 'lean ').toLowerCase()) {
    case 'left': return t('leanLeft');
    case 'lean left': return t('leanLeanLeft');
    case 'center': case 'centre': return t('leanCenter');
    case 'lean right': return t('leanLeanRight');
    case 'right': return t('leanRight');
    default: return value;
  }
}

export function countryLabel(code: string, i18n: I18n): string {
  if (!code) return i18n.t('countryUnknown');
  if (code === 'INT') return i18n.t('countryInternational');
  return countryName(code, i18n.locale);
}

/** The label of one value on one axis ("PK" → "Pakistan", "state-owned" → "State-owned"). */
export function axisValueLabel(axis: Axis, value: string, i18n: I18n): string {
  switch (axis) {
    case 'country': return countryLabel(value, i18n);
    case 'ownership': return ownershipLabel(value, i18n);
    case 'lean': return leanLabel(value, i18n);
    case 'stateAffiliated': return value === 'true' ? i18n.t('stateAffiliatedYes') : i18n.t('stateAffiliatedNo');
  }
}
