import browser from 'webextension-polyfill';
import { extractFromHtml } from '../import/extract-html';
import type { ExtractionResult } from '../shared/article';
import type { OffscreenRequest } from '../shared/offscreen-messages';

/** The bits of `chrome.offscreen` used here (Chrome 109+; Firefox has no such API, and needs none). */
interface OffscreenApi {
  createDocument(p: { url: string; reasons: string[]; justification: string }): Promise<void>;
  hasDocument?: () => Promise<boolean>;
}
const offscreenApi = (): OffscreenApi | undefined => (globalThis as { chrome?: { offscreen?: OffscreenApi } }).chrome?.offscreen;

let creating: Promise<void> | null = null;

/** One offscreen document at a time (Chrome allows one); creating it twice at once throws, so share the promise. */
async function ensureOffscreen(api: OffscreenApi): Promise<void> {
  if (api.hasDocument && (await api.hasDocument())) return;
  creating ??= api
    .createDocument({ url: 'offscreen.html', reasons: ['DOM_PARSER'], justification: 'Extract articles from pages fetched for an import' })
    .catch((error: unknown) => {
      // Another call created it first: that is what we wanted.
      if (!String(error).includes('Only a single offscreen')) throw error;
    })
    .finally(() => (creating = null));
  await creating;
}

/**
 * Extract fetched HTML with a DOM. Chrome's service worker has none, so Chrome hands the HTML to an
 * offscreen document (https://developer.chrome.com/docs/extensions/reference/api/offscreen); Firefox's
 * background page is a page, with DOMParser of its own.
 */
export async function extractHtml(html: string, url: string): Promise<ExtractionResult> {
  const api = offscreenApi();
  if (!api) return extractFromHtml(html, url);
  await ensureOffscreen(api);
  const request: OffscreenRequest = { target: 'offscreen', type: 'extractHtml', data: { html, url } };
  return (await browser.runtime.sendMessage(request)) as ExtractionResult;
}
