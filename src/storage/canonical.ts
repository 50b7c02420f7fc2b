import { parseWebUrl, type UrlParts } from '../shared/web-url';

/**
 * Query parameters that only say where a click came from. Removing them makes two links to the same
 * article compare equal. Exact names, plus every `utm_*` parameter.
 */
const TRACKING_PARAMS = new Set([
  'fbclid', 'gclid', 'gclsrc', 'dclid', 'gbraid', 'wbraid', 'msclkid', 'twclid', 'ttclid', 'li_fat_id', 'igshid',
  'yclid', 'mc_cid', 'mc_eid', '_hsenc', '_hsmi', 'mkt_tok', 'vero_id', 'oly_anon_id', 'oly_enc_id', 'rb_clickid',
  's_cid', 'wt_mc', 'ref', 'ref_src', 'ref_url', 'referrer', 'cmpid', 'ncid', 'sr_share', 'at_medium',
  'at_campaign', 'spm', 'guccounter', '__twitter_impression', 'ito', 'xtor',
]);

const isTracking = (name: string) => {
  const lower = name.toLowerCase();
  return lower.startsWith('utm_') || TRACKING_PARAMS.has(lower);
};

/**
 * A query of tracking parameters only, each name written literally (ASCII, any case; no `%` or `+`, so it
 * decodes to itself): the common `?utm_source=pocket`, told in one test with no string made per pair.
 */
const TRACKING_NAME = `(?:utm_[^&=%+]*|${[...TRACKING_PARAMS].join('|')})(?:=[^&]*)?`;
const ONLY_TRACKING = new RegExp(`^\\?${TRACKING_NAME}(?:&${TRACKING_NAME})*$`, 'i');

/**
 * The key that identifies an article: the canonical URL (when the page declared one) without tracking
 * parameters, the fragment, a default port or `www.`; remaining parameters sorted. Not a URL to open.
 * A route fragment (`#!…`, `#/…`) stays: on single-page sites (Google Groups, old Twitter) it is the
 * page, and two threads must not become one article. src/import/url-key.ts keys imports with this too.
 */
export function urlKey(url: string, canonicalUrl?: string | null): string {
  const parsed = parseWebUrl(canonicalUrl || url);
  return parsed ? urlKeyOf(parsed) : url;
}

/** urlKey of a URL already parsed: an import parses each row's URL once (parseWebUrl) and keys it from that. */
export function urlKeyOf(parsed: UrlParts): string {
  // Built from the parts rather than through the URL setters: each setter re-serialises the whole URL,
  // which made keying a 50,000-row import take seconds. Character tests rather than regular expressions
  // and no string made for a part that stays as it is (50,000-row imports).
  const { href, protocol, username, pathname } = parsed;
  const path = withoutTrailingSlashes(pathname);
  const www = parsed.host.startsWith('www.');
  const hash = isRoute(parsed.hash) ? parsed.hash : '';
  const web = protocol === 'http:' || protocol === 'https:';
  // An http(s) URL without user or password is written origin, path, query, fragment: its origin is the
  // key's when `www.` is not dropped, and its href starts with that origin and the path.
  const plain = web && !www && !username && !parsed.password;
  const origin = plain ? parsed.origin
    : web || parsed.host ? `${protocol}//${username ? `${username}${parsed.password ? `:${parsed.password}` : ''}@` : ''}${www ? parsed.host.slice(4) : parsed.host}` : protocol;
  const search = keptSearch(parsed.search);
  // Most keys are the start of href (nothing dropped but the query or fragment): a slice of it, not a
  // new string of four parts, which the import's duplicate check would hash and keep 50,000 times.
  const head = origin.length + path.length;
  if (!search && !hash && (plain || (href.length >= head && href.startsWith(origin) && href.startsWith(path, origin.length)))) return href.slice(0, head);
  return `${origin}${path}${search}${hash}`;
}

/** A path without its trailing slashes (`/` for one made only of them). */
function withoutTrailingSlashes(pathname: string): string {
  let end = pathname.length;
  while (end > 1 && pathname.charCodeAt(end - 1) === 0x2f) end--;
  return end === pathname.length ? pathname || '/' : pathname.slice(0, end);
}

/** A route fragment (`#!…`, `#/…`): on single-page sites it is the page. */
const isRoute = (hash: string) => hash.charCodeAt(0) === 0x23 && (hash.charCodeAt(1) === 0x21 || hash.charCodeAt(1) === 0x2f);

/** The query without tracking parameters, the rest sorted by name. */
function keptSearch(search: string): string {
  if (!search) return '';
  // Fast path for the common `?utm_source=pocket`: nothing is kept. Saves URLSearchParams (50,000-row imports).
  if (ONLY_TRACKING.test(search)) return '';
  const kept = [...new URLSearchParams(search)].filter(([name]) => !isTracking(name));
  kept.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return kept.length ? `?${new URLSearchParams(kept).toString()}` : '';
}

/** A stable article id from its URL key (SHA-256, 20 hex digits): saving twice names the same record. */
export async function articleIdFor(key: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(key));
  return [...new Uint8Array(digest).slice(0, 10)].map((b) => b.toString(16).padStart(2, '0')).join('');
}
