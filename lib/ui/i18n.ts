// The views' translator: browser.i18n in the extension (the reader's language), with the bundled
// English messages as the fallback for keys a locale lacks.
import { browser } from 'wxt/browser';
import { createI18n, type I18n } from '@/components/i18n';

export function browserI18n(): I18n {
  let locale = 'en';
  try {
    locale = browser.i18n.getUILanguage() || navigator.language || 'en';
  } catch {
    locale = navigator.language || 'en';
  }
  return createI18n(locale, (key, subs) => {
    try {
      // WXT types getMessage against the generated locale keys; ours are checked in components/i18n.tsx.
      return (browser.i18n.getMessage as (name: string, substitutions?: string[]) => string)(key, subs);
    } catch {
      return '';
    }
  });
}
