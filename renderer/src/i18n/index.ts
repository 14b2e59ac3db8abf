import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { en, nl, validationEn } from './catalog';

export const LANGUAGES = ['nl', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];
const STORAGE_KEY = 'teamchef.language';

export function storedLanguage(): Language {
  const saved = globalThis.localStorage?.getItem(STORAGE_KEY);
  return saved === 'en' ? 'en' : 'nl';
}

void i18next.use(initReactI18next).init({
  resources: { nl: { translation: nl }, en: { translation: en } },
  lng: storedLanguage(),
  fallbackLng: 'nl',
  interpolation: { escapeValue: false },
  returnNull: false,
});

export function setLanguage(lng: Language): void {
  globalThis.localStorage?.setItem(STORAGE_KEY, lng);
  void i18next.changeLanguage(lng);
  document.documentElement.lang = lng;
}

/** A validation message from the contract (Dutch) in the current language. */
export function translateValidation(message: string): string {
  return i18next.language === 'en' ? (validationEn[message] ?? message) : message;
}

export default i18next;
