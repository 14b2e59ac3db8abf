import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';

export const LANGUAGES = ['nl', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];
const STORAGE_KEY = 'teamchef.language';

export function storedLanguage(): Language {
  const saved = globalThis.localStorage?.getItem(STORAGE_KEY);
  return saved === 'en' ? 'en' : 'nl';
}

/** Every text of the interface, per language; assembled by the app from the features' texts. */
export interface Catalog {
  nl: object;
  en: object;
  /** English for the contract's Dutch validation messages, keyed by the Dutch text. */
  validationEn: Record<string, string>;
}

let validationEn: Record<string, string> = {};

/**
 * Starts i18next with the app's catalogue. The app calls this once before its first render; this
 * layer stays below the features, so the catalogue (which gathers every feature's texts) is passed in.
 */
export function initI18n(catalog: Catalog): void {
  validationEn = catalog.validationEn;
  void i18next.use(initReactI18next).init({
    resources: { nl: { translation: catalog.nl }, en: { translation: catalog.en } },
    lng: storedLanguage(),
    fallbackLng: 'nl',
    interpolation: { escapeValue: false },
    returnNull: false,
  });
}

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
