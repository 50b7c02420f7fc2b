/**
 * Where a redirect of the worker's own fetch points, seen before anything is asked of that address.
 *
 * Chromium hides a manual redirect's Location from extension code (`fetch(..., { redirect: 'manual' })`
 * gives an `opaqueredirect`). The non-blocking `webRequest.onBeforeRedirect` event does report the
 * extension's own requests, with the redirect's target, when the redirect arrives, whether or not the
 * fetch follows it (measured in Chromium 156: a manual fetch's 302 fires it, and the target host gets no
 * request). So the import fetches every hop with `redirect: 'manual'`, learns the next address from this
 * event, checks it with the same code as the file's URLs (public-host.ts), and asks it itself. The
 * import's host guard (host-guard.ts) is a second line: its rules cover fewer ranges, and act only on
 * hosts the extension has access to.
 *
 * `webRequest` is an optional permission of the Chrome build, asked for with the import's host access
 * and given back with it (Chrome grants it without a prompt: it has no permission warning). Firefox's
 * build does not declare it: there the browser follows the chain under the host guard, which stops a
 * non-public hop.
 */
import browser, { type WebRequest } from 'webextension-polyfill';
import { REDIRECT_PERMISSION } from '../import/host-access';

/** How long to wait for the event once the fetch has answered: it usually comes within a millisecond or two. */
const EVENT_WAIT_MS = 5_000;

export interface RedirectWatch {
  /** The target of `url`'s redirect, or null when the browser reported none in time. */
  target(signal: AbortSignal): Promise<string | null>;
  stop(): void;
}

/** Whether this build sees redirects through webRequest (declared), and whether it may right now (granted). */
export async function redirectVisibility(): Promise<'granted' | 'missing' | 'not-declared'> {
  const manifest = browser.runtime.getManifest();
  const declared = [...(manifest.permissions ?? []), ...(manifest.optional_permissions ?? [])].includes(REDIRECT_PERMISSION);
  if (!declared) return 'not-declared';
  const held = await browser.permissions.contains({ permissions: [REDIRECT_PERMISSION] }).catch(() => false);
  return held && browser.webRequest ? 'granted' : 'missing';
}

const withoutFragment = (url: string) => url.split('#')[0] ?? url;

/**
 * Start listening for the redirect of the worker's next request to `url`. Call it BEFORE the fetch, so the
 * listener is in place when the answer arrives; stop() it when done.
 */
export function watchRedirect(url: string): RedirectWatch {
  const wanted = withoutFragment(url);
  let found: string | null = null;
  let wake: (() => void) | null = null;
  const listener = (details: WebRequest.OnBeforeRedirectDetailsType) => {
    if (found !== null || withoutFragment(details.url) !== wanted) return;
    found = details.redirectUrl;
    wake?.();
  };
  // tabId -1: requests of no tab (the worker's own); xmlhttprequest: fetch().
  browser.webRequest.onBeforeRedirect.addListener(listener, { urls: ['http://*/*', 'https://*/*'], tabId: -1, types: ['xmlhttprequest'] });
  const stop = () => browser.webRequest.onBeforeRedirect.removeListener(listener);
  return {
    stop,
    async target(signal) {
      if (found === null) {
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, EVENT_WAIT_MS);
          const done = () => {
            clearTimeout(timer);
            signal.removeEventListener('abort', done);
            resolve();
          };
          wake = done;
          signal.addEventListener('abort', done);
        });
      }
      return found;
    },
  };
}
