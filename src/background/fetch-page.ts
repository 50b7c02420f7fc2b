/** Fetching a page for an import: bounded in time and size, HTML only, no cookies sent. */
const FETCH_TIMEOUT_MS = 30_000;
const MAX_PAGE_BYTES = 5 * 1024 * 1024;

class FetchError extends Error {}

/** The page's HTML and its final URL (after redirects); throws FetchError with a reason to show. */
export async function fetchPage(url: string, timeoutMs = FETCH_TIMEOUT_MS): Promise<{ html: string; url: string }> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), timeoutMs);
  try {
    // credentials: 'omit': an import must not act as the user on the site (no cookies, no logged-in pages).
    const response = await fetch(url, { signal: controller.signal, credentials: 'omit', redirect: 'follow' });
    if (!response.ok) throw new FetchError(`HTTP ${response.status}`);
    const type = response.headers.get('content-type') ?? '';
    if (type && !/html|xml/i.test(type)) throw new FetchError(`not a web page (${type.split(';')[0]})`);
    const declared = Number(response.headers.get('content-length') ?? 0);
    if (declared > MAX_PAGE_BYTES) throw new FetchError('page too large');
    const html = await response.text();
    if (html.length > MAX_PAGE_BYTES) throw new FetchError('page too large');
    return { html, url: response.url || url };
  } catch (error) {
    if (controller.signal.aborted) throw new FetchError(`no answer within ${timeoutMs / 1000} s`);
    if (error instanceof FetchError) throw error;
    throw new FetchError(`could not load the page (${error instanceof Error ? error.message : String(error)})`);
  } finally {
    clearTimeout(timer);
  }
}
