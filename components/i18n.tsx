// Every user-facing string goes through `t`. The entrypoints build it from browser.i18n.getMessage
// (with the bundled English as the fallback); tests build it from the English file directly.
// Message files use Chrome's format: "$NAME$" placeholders whose content is "$1", "$2"…
import { createContext, type ComponentChildren } from 'preact';
import { useContext } from 'preact/hooks';
import english from './locales/en/messages.json';

export type MessageKey = keyof typeof english;
/** Keys that come in plural forms: "dots" for "dots_one" / "dots_other". */
export type PluralKey = { [K in MessageKey]: K extends `${infer Base}_other` ? Base : never }[MessageKey];
export type Substitutions = string | number | ReadonlyArray<string | number>;

interface MessageEntry {
  message: string;
  placeholders?: Record<string, { content: string }>;
}

export interface I18n {
  locale: string;
  t(key: MessageKey, substitutions?: Substitutions): string;
  /** The plural form of `key` for `count`, with `count` as the first substitution. */
  tn(key: PluralKey, count: number, more?: ReadonlyArray<string | number>): string;
}

/** Chrome's substitution rules: named placeholders first, then $1…$9, "$$" is a dollar sign. */
export function formatMessage(entry: MessageEntry | undefined, substitutions?: Substitutions): string {
  if (!entry) return '';
  const subs = substitutions === undefined ? [] : Array.isArray(substitutions) ? substitutions.map(String) : [String(substitutions)];
  const named = new Map(Object.entries(entry.placeholders ?? {}).map(([k, v]) => [k.toLowerCase(), v.content]));
  return entry.message
    .replace(/\$([A-Za-z0-9_@]+)\$/g, (whole, name: string) => named.get(name.toLowerCase()) ?? whole)
    .replace(/\$(\$|[1-9])/g, (_, d: string) => (d === '$' ? '$' : (subs[Number(d) - 1] ?? '')));
}

type Lookup = (key: MessageKey, substitutions: string[]) => string;

/** An I18n over a lookup function (browser.i18n.getMessage), falling back to English. */
export function createI18n(locale: string, lookup?: Lookup): I18n {
  const messages = english as Record<string, MessageEntry>;
  const rules = new Intl.PluralRules(locale);
  const numbers = new Intl.NumberFormat(locale);
  const t = (key: MessageKey, substitutions?: Substitutions): string => {
    const subs = substitutions === undefined ? [] : Array.isArray(substitutions) ? substitutions.map(String) : [String(substitutions)];
    const found = lookup?.(key, subs);
    return found || formatMessage(messages[key], subs) || key;
  };
  const tn = (key: PluralKey, count: number, more: ReadonlyArray<string | number> = []): string => {
    const formatted = numbers.format(count);
    const form = `${key}_${rules.select(count)}`;
    const chosen = (form in messages ? form : `${key}_other`) as MessageKey;
    return t(chosen, [formatted, ...more]);
  };
  return { locale, t, tn };
}

/** English, for tests and as the default when no provider is mounted. */
export const englishI18n: I18n = createI18n('en');

const I18nContext = createContext<I18n>(englishI18n);

export function I18nProvider({ i18n, children }: { i18n: I18n; children: ComponentChildren }) {
  return <I18nContext.Provider value={i18n}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  return useContext(I18nContext);
}
