/**
 * The key that says two URLs are the same article: scheme, `www.`, fragment, tracking parameters,
 * parameter order and a trailing slash do not matter. Null for anything but http(s).
 */

// Parameters that only tell the site where a click came from.
const TRACKING = /^(utm_\w+|fbclid|gclid|dclid|msclkid|mc_cid|mc_eid|igshid|yclid|_hsenc|_hsmi|mkt_tok|ref_src|ncid|cmpid)$/i;

export function urlKey(url: string): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url.trim());
  } catch {
    return null;
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return null;
  const params = Array.from(parsed.searchParams).filter(([name]) => !TRACKING.test(name));
  params.sort(([a, x], [b, y]) => (a === b ? (x < y ? -1 : x > y ? 1 : 0) : a < b ? -1 : 1));
  const query = params.length ? `?${new URLSearchParams(params)}` : '';
  const host = parsed.hostname.replace(/^www\./, '');
  const port = parsed.port ? `:${parsed.port}` : '';
  const path = parsed.pathname.length > 1 ? parsed.pathname.replace(/\/+$/, '') : '';
  return `${host}${port}${path}${query}`;
}

/** Keys under which a record is known: its URL and, when it has one, its canonical URL. */
export function recordKeys(record: { url: string; canonicalUrl?: string }): string[] {
  const keys = [urlKey(record.url), record.canonicalUrl ? urlKey(record.canonicalUrl) : null];
  return [...new Set(keys.filter((k): k is string => k !== null))];
}
