import browser from 'webextension-polyfill';

/**
 * Every UI string comes from _locales via browser.i18n. A missing key shows the key itself, loudly, so a
 * forgotten translation is visible in tests instead of rendering as an empty string.
 */
export function t(key: string, substitutions?: string | string[]): string {
  return browser.i18n.getMessage(key, substitutions) || `⟦${key}⟧`;
}

/** The browser UI's language, for formatting dates and numbers the way the user reads them. */
export function uiLanguage(): string {
  return browser.i18n.getUILanguage();
}

/** 'rtl' when the browser UI's language is written right to left; the UI (not the article) follows it. */
export function uiDir(): 'ltr' | 'rtl' {
  return browser.i18n.getMessage('@@bidi_dir') === 'rtl' ? 'rtl' : 'ltr';
}
