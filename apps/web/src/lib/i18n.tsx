import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';
import { en, zh, type TMessageKey } from './i18n-messages';

export type TLocale = 'zh' | 'en';
export type TTranslate = (key: TMessageKey, values?: Record<string, string | number>) => string;

const DICTIONARIES: Record<TLocale, Record<TMessageKey, string>> = { zh, en };
const STORAGE_KEY = 'bf.locale';

/** A message with its `{name}` marks filled in from `values` (a mark without a value stays). */
export function fillIn(message: string, values: Record<string, string | number> = {}): string {
  return message.replace(/\{(\w+)\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole));
}

export function translate(
  locale: TLocale,
  key: TMessageKey,
  values: Record<string, string | number> = {},
): string {
  return fillIn(DICTIONARIES[locale][key], values);
}

interface TI18n {
  locale: TLocale;
  t: TTranslate;
  setLocale(locale: TLocale): void;
}

const I18nContext = createContext<TI18n>({
  locale: 'zh',
  t: (key, values) => translate('zh', key, values),
  setLocale: () => undefined,
});

function storedLocale(): TLocale {
  try {
    return localStorage.getItem(STORAGE_KEY) === 'en' ? 'en' : 'zh';
  } catch {
    return 'zh';
  }
}

/** Chinese unless the person switched to English (remembered in this browser). */
export function I18nProvider({ children, initial }: { children: ReactNode; initial?: TLocale }) {
  const [locale, setLocaleState] = useState<TLocale>(() => initial ?? storedLocale());
  const setLocale = useCallback((next: TLocale) => {
    setLocaleState(next);
    document.documentElement.lang = next === 'zh' ? 'zh-CN' : 'en';
    try {
      localStorage.setItem(STORAGE_KEY, next);
    } catch {
      // private mode: the choice lasts for this page only
    }
  }, []);
  const value = useMemo<TI18n>(
    () => ({ locale, setLocale, t: (key, values) => translate(locale, key, values) }),
    [locale, setLocale],
  );
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): TI18n {
  return useContext(I18nContext);
}
