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
 * The key that identifies an article: the canonical URL (when the page declared one) without tracking
 * parameters, the fragment, a default port or `www.`; remaining parameters sorted. Not a URL to open.
 */
export function urlKey(url: string, canonicalUrl?: string | null): string {
  let parsed: URL;
  try {
    parsed = new URL(canonicalUrl || url);
  } catch {
    return url;
  }
  parsed.hash = '';
  parsed.hostname = parsed.hostname.replace(/^www\./, '');
  const kept = [...parsed.searchParams].filter(([name]) => !isTracking(name));
  kept.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  parsed.search = new URLSearchParams(kept).toString();
  if (parsed.pathname.length > 1) parsed.pathname = parsed.pathname.replace(/\/+$/, '');
  return parsed.toString();
}

/** A stable article id from its URL key (SHA-256, 20 hex digits): saving twice names the same record. */
export async function articleIdFor(key: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(key));
  return [...new Uint8Array(digest).slice(0, 10)].map((b) => b.toString(16).padStart(2, '0')).join('');
}
