import { t, uiLanguage } from './i18n';

/** "18 October 2016" in the user's language; null for a missing or unparseable date. */
export function formatDate(iso: string | null | undefined): string | null {
  if (!iso) return null;
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return null;
  return new Intl.DateTimeFormat(uiLanguage(), { dateStyle: 'long' }).format(date);
}

export function formatReadingTime(minutes: number): string {
  return t('readingMinutes', String(minutes));
}

/** The host name shown when a page has no site name. */
export function hostOf(url: string): string {
  try {
    return new URL(url).hostname.replace(/^www\./, '');
  } catch {
    return url;
  }
}
