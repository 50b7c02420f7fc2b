import browser from 'webextension-polyfill';

/**
 * Every UI string comes from _locales via browser.i18n. A missing key shows the key itself, loudly, so a
 * forgotten translation is visible in tests instead of rendering as an empty string.
 */
export function t(key: string, substitutions?: string | string[]): string {
  return browser.i18n.getMessage(key, substitutions) || `⟦${key}⟧`;
}

/**
 * The language Lectern's UI is shown in, for lang attributes and for formatting dates: the browser's UI
 * language (with its region, for date order) when Lectern has that translation, else the language of
 * the messages the browser fell back to, so a page never says lang="fr" over English text.
 */
export function uiLanguage(): string {
  const browserLang = browser.i18n.getUILanguage();
  const shown = browser.i18n.getMessage('uiLocale');
  if (!shown || browserLang.toLowerCase().split('-')[0] === shown.toLowerCase().split('-')[0]) return browserLang;
  return shown;
}

/** 'rtl' when the browser UI's language is written right to left; the UI (not the article) follows it. */
export function uiDir(): 'ltr' | 'rtl' {
  return browser.i18n.getMessage('@@bidi_dir') === 'rtl' ? 'rtl' : 'ltr';
}
