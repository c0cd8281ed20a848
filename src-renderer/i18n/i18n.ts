// Locale state and message lookup. Components call `useT()`; the chosen language is remembered.
import { create } from 'zustand';
import { localStorageOrNull } from '../platform/local-storage';
import { catalogEn } from './catalog-en';
import { catalogId, type MessageKey } from './catalog-id';

export type Locale = 'id' | 'en';
export const locales: readonly Locale[] = ['id', 'en'];

const catalogs: Record<Locale, Record<MessageKey, string>> = { id: catalogId, en: catalogEn };
const STORAGE_KEY = 'posko.locale';

export type MessageParams = Readonly<Record<string, string | number>>;

/** Formats a catalogue message, replacing `{name}` with params; unknown params stay visible. */
export function translate(locale: Locale, key: MessageKey, params?: MessageParams): string {
  const template = catalogs[locale][key];
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = params[name];
    return value === undefined ? whole : String(value);
  });
}

function readStoredLocale(): Locale {
  const stored = localStorageOrNull()?.getItem(STORAGE_KEY);
  return stored === 'en' ? 'en' : 'id';
}

interface LocaleState {
  locale: Locale;
  setLocale: (locale: Locale) => void;
}

export const initialLocaleState = (): Pick<LocaleState, 'locale'> => ({
  locale: readStoredLocale(),
});

export const useLocaleStore = create<LocaleState>()((set) => ({
  ...initialLocaleState(),
  setLocale(locale) {
    localStorageOrNull()?.setItem(STORAGE_KEY, locale);
    document.documentElement.lang = locale;
    set({ locale });
  },
}));

/** Whether the catalogue has `key` (reason keys arrive as strings from the sync worker). */
export function isMessageKey(key: string): key is MessageKey {
  return Object.prototype.hasOwnProperty.call(catalogId, key);
}

export type Translate = (key: MessageKey, params?: MessageParams) => string;

export function useT(): Translate {
  const locale = useLocaleStore((s) => s.locale);
  return (key, params) => translate(locale, key, params);
}

export type { MessageKey };
