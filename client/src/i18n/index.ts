import { createI18n } from 'vue-i18n';
import type { PrimeVueConfiguration } from 'primevue/config';
import de from './locales/de.json';
import { applyPrimeVueLocale } from './primevue-locale';

export const SUPPORTED_LOCALES = ['de', 'en'] as const;
export type AppLocale = (typeof SUPPORTED_LOCALES)[number];
export type MessageSchema = typeof de;

const STORAGE_KEY = 'schulverwaltung.locale';

// German is bundled; other languages are separate chunks fetched when chosen.
const LOADERS: Record<Exclude<AppLocale, 'de'>, () => Promise<{ default: MessageSchema }>> = {
  en: () => import('./locales/en.json'),
};

export const i18n = createI18n({
  legacy: false,
  locale: 'de',
  fallbackLocale: 'de',
  messages: { de } as Record<string, MessageSchema>,
});

export function currentLocale(): AppLocale {
  const locale = i18n.global.locale.value;
  return isAppLocale(locale) ? locale : 'de';
}

let primeVueConfig: PrimeVueConfiguration | undefined;

/** PrimeVue's own strings follow the app language; main.ts hands over its config once. */
export function bindPrimeVueLocale(config: PrimeVueConfiguration): void {
  primeVueConfig = config;
  applyPrimeVueLocale(config, currentLocale());
}

export function isAppLocale(value: unknown): value is AppLocale {
  return typeof value === 'string' && (SUPPORTED_LOCALES as readonly string[]).includes(value);
}

export async function setLocale(locale: AppLocale): Promise<void> {
  if (locale !== 'de' && !i18n.global.availableLocales.includes(locale)) {
    const messages = await LOADERS[locale]();
    i18n.global.setLocaleMessage(locale, messages.default);
  }
  i18n.global.locale.value = locale;
  document.documentElement.lang = locale;
  if (primeVueConfig) applyPrimeVueLocale(primeVueConfig, locale);
  localStorage.setItem(STORAGE_KEY, locale);
}

/** The language chosen on this device earlier, if any. */
export function storedLocale(): AppLocale | undefined {
  const value = localStorage.getItem(STORAGE_KEY);
  return isAppLocale(value) ? value : undefined;
}
