import browser from 'webextension-polyfill';
import type { ExtractionResult } from '../shared/article';
import type { OffscreenRequest } from '../shared/offscreen-messages';

/**
 * The browser a bundle is built for, set by build.mjs (esbuild `define`): the branch the other browser runs
 * drops out of the bundle, with all it imports (Readability and the extractor are not in Chrome's worker).
 * Undefined in unit tests, where the offscreen API being there or not decides, as a browser would.
 */
declare const __FIREFOX__: boolean | undefined;

/** The bits of `chrome.offscreen` used here (Chrome 109+; Firefox has no such API, and needs none). */
interface OffscreenApi {
  createDocument(p: { url: string; reasons: string[]; justification: string }): Promise<void>;
  hasDocument?: () => Promise<boolean>;
}
const offscreenApi = (): OffscreenApi | undefined => (globalThis as { chrome?: { offscreen?: OffscreenApi } }).chrome?.offscreen;

let ready: Promise<void> | null = null;

/**
 * One offscreen document (Chrome allows one), created once per worker: every caller waits on the same
 * promise, since a document that exists may not have loaded its script yet (hasDocument() says true
 * before its listener is registered).
 */
function ensureOffscreen(api: OffscreenApi): Promise<void> {
  ready ??= (async () => {
    if (api.hasDocument && (await api.hasDocument())) return;
    await api.createDocument({ url: 'offscreen.html', reasons: ['DOM_PARSER'], justification: 'Extract articles from pages fetched for an import' });
  })().catch((error: unknown) => {
    ready = null;
    throw error;
  });
  return ready;
}

/** Ask the offscreen document; if its listener is not there yet (it is still loading), ask again shortly. */
async function askOffscreen(request: OffscreenRequest, tries = 20): Promise<ExtractionResult> {
  try {
    return await browser.runtime.sendMessage<OffscreenRequest, ExtractionResult>(request);
  } catch (error) {
    if (tries <= 1 || !String(error).includes('Receiving end does not exist')) throw error;
    await new Promise((resolve) => setTimeout(resolve, 250));
    return askOffscreen(request, tries - 1);
  }
}

/**
 * Extract fetched HTML with a DOM. Chrome's service worker has none, so Chrome hands the HTML to an
 * offscreen document (https://developer.chrome.com/docs/extensions/reference/api/offscreen); Firefox's
 * background page is a page, with DOMParser of its own.
 */
export async function extractHtml(html: string, url: string): Promise<ExtractionResult> {
  // Written as one condition on the define so that esbuild drops the whole block (and its import) for Chrome.
  if (typeof __FIREFOX__ === 'boolean' ? __FIREFOX__ : !offscreenApi()) {
    const { extractFromHtml } = await import('../import/extract-html');
    return extractFromHtml(html, url);
  }
  const api = offscreenApi();
  if (!api) throw new Error('chrome.offscreen is missing: Lectern needs Chrome 109 or newer');
  await ensureOffscreen(api);
  return askOffscreen({ target: 'offscreen', type: 'extractHtml', data: { html, url } });
}
