import { useMemo } from 'react';
import { fillIn, useI18n, type TLocale } from './i18n';
import { deskEn, deskZh, type TDeskOnlyMessageKey } from './desk-messages';
import { en, zh, type TMessageKey } from './i18n-messages';

/**
 * The signed-in desks' words: the portal's (lib/i18n-messages, in the entry) and the desks' own
 * (lib/desk-messages). Only the desks' modules import this file, and they load lazily (app/router),
 * so the desks' words travel in the desks' chunks and never in the portal's entry script.
 */
export type TDeskMessageKey = TMessageKey | TDeskOnlyMessageKey;
export type TDeskTranslate = (key: TDeskMessageKey, values?: Record<string, string | number>) => string;

// A key in both catalogues would say two things: the type refuses it.
const _disjoint: [Extract<TDeskOnlyMessageKey, TMessageKey>] extends [never] ? true : never = true;
void _disjoint;

const DICTIONARIES: Record<TLocale, Readonly<Record<TDeskMessageKey, string>>> = {
  zh: { ...zh, ...deskZh },
  en: { ...en, ...deskEn },
};

export function translateDesk(locale: TLocale, key: TDeskMessageKey, values?: Record<string, string | number>): string {
  return fillIn(DICTIONARIES[locale][key], values);
}

/** Whether a key built at run time (e.g. `role_${role}`) names a message. */
export function isDeskMessageKey(key: string): key is TDeskMessageKey {
  return key in DICTIONARIES.zh;
}

interface TDeskI18n {
  locale: TLocale;
  t: TDeskTranslate;
  setLocale(locale: TLocale): void;
}

/** useI18n for the desks: the same locale (and language switch), every word of both catalogues. */
export function useDeskI18n(): TDeskI18n {
  const { locale, setLocale } = useI18n();
  return useMemo(() => ({ locale, setLocale, t: (key, values) => translateDesk(locale, key, values) }), [locale, setLocale]);
}
