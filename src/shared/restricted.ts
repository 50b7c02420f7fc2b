import type { NoArticleReason } from './article';

/** Hosts of the extension stores, where browsers forbid extensions from running scripts. */
const STORE_HOSTS = new Set([
  'chrome.google.com', // https://developer.chrome.com/docs/extensions/reference/api/scripting (store pages blocked)
  'chromewebstore.google.com',
  'addons.mozilla.org', // Firefox's restricted domains: extensions.webextensions.restrictedDomains
  'accounts-static.cdn.mozilla.net',
  'accounts.firefox.com',
  'content-signature-2.cdn.mozilla.net',
  'install.mozilla.org',
  'oauth.accounts.firefox.com',
  'profile.accounts.firefox.com',
  'support.mozilla.org',
  'sync.services.mozilla.com',
  'microsoftedge.microsoft.com',
]);

const READABLE_SCHEMES = new Set(['http:', 'https:', 'file:']);

/**
 * Why a URL cannot be read before even trying, or null when it may be. `undefined` means the browser did
 * not tell us the tab's URL, which happens when the extension has no access to that tab.
 */
export function unreadableReason(url: string | undefined): NoArticleReason | null {
  if (url === undefined || url === '') return 'no-permission';
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return 'restricted';
  }
  if (!READABLE_SCHEMES.has(parsed.protocol)) return 'restricted';
  if (STORE_HOSTS.has(parsed.hostname)) return 'restricted';
  // Chrome's PDF viewer keeps the PDF's own URL; its content is not a DOM we can read.
  if (/\.pdf$/i.test(parsed.pathname)) return 'restricted';
  return null;
}
