/**
 * The keys under which import and restore recognise a saved article. There is one URL key function,
 * the library's (src/storage/canonical.ts): the article id is derived from it, so an imported or
 * restored article and a later save of the same page meet on the same record.
 */
import type { UrlParts } from '../shared/web-url';
import { urlKey } from '../storage/canonical';

const isHttp = (url: string) => /^https?:\/\//i.test(url.trim());

/** Keys under which a record is known: its URL and, when it has one, its canonical URL (http(s) only). */
export function recordKeys(record: { url: string; canonicalUrl?: string }): string[] {
  // Two keys at most, the URL's first: no list, filter or Set made per record (the plan keys the whole library).
  const { url, canonicalUrl } = record;
  const first = url && isHttp(url) ? urlKey(url) : null;
  const second = canonicalUrl && isHttp(canonicalUrl) ? urlKey(canonicalUrl) : null;
  if (first === null) return second === null ? [] : [second];
  return second === null || second === first ? [first] : [first, second];
}

/** The key of one item's URL, or null for anything but http(s). */
export function itemKey(url: string): string | null {
  return isHttp(url) ? urlKey(url.trim()) : null;
}

/** Whether `key`, computed by the reader from `parsed`, is the one itemKey(url) gives (an http(s) URL both ways). */
export const isItemKey = (url: string, parsed: UrlParts) =>
  (parsed.protocol === 'http:' || parsed.protocol === 'https:') && (url === parsed.href || isHttp(url)); // an http(s) href starts with `http(s)://`
