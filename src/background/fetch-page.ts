/**
 * Fetching a page for an import: public hosts only, at every redirect hop; bounded in time and size
 * (the body is read as a stream and abandoned at the limit); HTML only; no cookies sent.
 */
import { checkPublicUrl } from '../import/public-host';
import { joinBytes } from '../shared/bytes';
import { importGuardIsOn } from './host-guard';
import { redirectVisibility, watchRedirect } from './redirect-watch';

const FETCH_TIMEOUT_MS = 30_000;
const MAX_PAGE_BYTES = 5 * 1024 * 1024;
const MAX_REDIRECTS = 10;

class FetchError extends Error {}

function refuseUnlessPublic(url: string): void {
  const verdict = checkPublicUrl(url);
  if (!verdict.ok) throw new FetchError(`refused: ${verdict.reason}`);
}

/** The page's HTML and its final URL (after redirects); throws FetchError with a reason to show. */
export async function fetchPage(url: string, timeoutMs = FETCH_TIMEOUT_MS): Promise<{ html: string; url: string }> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), timeoutMs);
  try {
    const response = await follow(url, controller.signal);
    if (!response.ok) throw new FetchError(`HTTP ${response.status}`);
    const type = response.headers.get('content-type') ?? '';
    if (type && !/html|xml/i.test(type)) throw new FetchError(`not a web page (${type.split(';')[0]})`);
    const declared = Number(response.headers.get('content-length') ?? 0);
    if (declared > MAX_PAGE_BYTES) throw new FetchError('page too large');
    const bytes = await readBounded(response, controller);
    return { html: decode(bytes, type), url: response.url || url };
  } catch (error) {
    if (error instanceof FetchError) throw error;
    if (controller.signal.aborted) throw new FetchError(`no answer within ${timeoutMs / 1000} s`);
    throw new FetchError(`could not load the page (${error instanceof Error ? error.message : String(error)})`);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Follow redirects one hop at a time (`redirect: 'manual'`), checking each target before it is asked.
 * Browsers hide a manual redirect's Location from extension code (an `opaqueredirect` response):
 * - Chromium's build learns the target from webRequest (redirect-watch.ts) and asks it itself, so a
 *   non-public hop is refused before any request goes there. Without that permission, or when the browser
 *   does not say where, the redirect is not followed (never blindly).
 * - Firefox's build lets the browser follow the rest of the chain: the import's host guard (host-guard.ts)
 *   blocks a non-public hop there, and the final address is checked before the body is read.
 */
async function follow(start: string, signal: AbortSignal): Promise<Response> {
  const redirects = await redirectVisibility();
  let url = start;
  for (let hop = 0; hop <= MAX_REDIRECTS; hop++) {
    refuseUnlessPublic(url);
    const watch = redirects === 'granted' ? watchRedirect(url) : null;
    try {
      // credentials: 'omit': an import must not act as the user on the site (no cookies, no logged-in pages).
      const response = await fetch(url, { signal, credentials: 'omit', redirect: 'manual' });
      if (response.type === 'opaqueredirect') {
        if (redirects === 'not-declared') return await followByBrowser(url, signal);
        const target = watch ? await watch.target(signal) : null;
        if (signal.aborted) throw new DOMException('aborted', 'AbortError');
        if (!target) throw new FetchError(redirects === 'missing' ? 'it redirects, and Lectern may not see where to: import it again to allow that' : 'it redirects, and the browser did not say where to');
        url = new URL(target, url).href;
        continue;
      }
      const location = response.status >= 300 && response.status < 400 ? response.headers.get('location') : null;
      if (!location) return response;
      void response.body?.cancel();
      url = new URL(location, url).href;
    } finally {
      watch?.stop();
    }
  }
  throw new FetchError(`more than ${MAX_REDIRECTS} redirects`);
}

/**
 * Firefox: the browser follows the chain, under the import's host guard; the final address is checked.
 * Only while the guard is on: without it the hops in between could reach a private host unseen.
 */
async function followByBrowser(url: string, signal: AbortSignal): Promise<Response> {
  if (!(await importGuardIsOn())) throw new FetchError('it redirects, and Lectern could not block redirects to addresses off the public web, so it did not follow it');
  const followed = await fetch(url, { signal, credentials: 'omit', redirect: 'follow' }).catch((error: unknown) => {
    if (signal.aborted) throw error;
    // The host guard (host-guard.ts) fails a hop to a non-public host as a network error.
    throw new FetchError(`could not load the page: it redirects to an address off the public web, or the site did not answer (${error instanceof Error ? error.message : String(error)})`);
  });
  refuseUnlessPublic(followed.url || url);
  return followed;
}

/** The body, read as a stream: a page that goes past the limit is abandoned there, not downloaded whole. */
async function readBounded(response: Response, controller: AbortController): Promise<Uint8Array> {
  const reader = response.body?.getReader();
  if (!reader) return new Uint8Array(await response.arrayBuffer());
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > MAX_PAGE_BYTES) {
      controller.abort();
      throw new FetchError('page too large');
    }
    chunks.push(value);
  }
  return joinBytes(chunks);
}

/** Text in the charset the server or the page declares (UTF-8 when neither does, or the label is unknown). */
function decode(bytes: Uint8Array, contentType: string): string {
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 1024));
  const label = /charset=["']?([\w-]+)/i.exec(contentType)?.[1] ?? /<meta[^>]+charset=["']?([\w-]+)/i.exec(head)?.[1] ?? 'utf-8';
  try {
    return new TextDecoder(label).decode(bytes);
  } catch {
    return new TextDecoder('utf-8').decode(bytes);
  }
}
