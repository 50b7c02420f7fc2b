import browser from 'webextension-polyfill';
import type { ExtractionResult, NoArticleReason } from '../shared/article';
import { unreadableReason } from '../shared/restricted';

/** The bundled content script; see src/content/extract-page.ts. */
const EXTRACT_SCRIPT = 'content/extract-page.js';

/** Map the browser's refusal to inject into a reason the user can act on. */
function injectionFailure(url: string | undefined, error: unknown): ExtractionResult {
  const detail = error instanceof Error ? error.message : String(error);
  let reason: NoArticleReason = 'no-permission';
  if (url?.startsWith('file:')) reason = 'file-access';
  else if (/No tab with id|Invalid tab ID|tab was closed/i.test(detail)) reason = 'tab-gone';
  // Chrome: "The extensions gallery cannot be scripted", "Cannot access a chrome:// URL";
  // Firefox: "Missing host permission for the tab" on about: and AMO pages.
  else if (/cannot be scripted|chrome:\/\/|about:|PDF|restricted/i.test(detail)) reason = 'restricted';
  return { ok: false, reason, detail };
}

/**
 * Extract the article of tab `tabId`: inject the extractor (activeTab grants this after the user's click
 * or shortcut; e2e builds have host permissions for localhost instead), then run it with the tab's URL.
 */
export async function extractTab(tabId: number): Promise<ExtractionResult> {
  let url: string | undefined;
  try {
    url = (await browser.tabs.get(tabId)).url;
  } catch (error) {
    return { ok: false, reason: 'tab-gone', detail: String(error) };
  }
  const refused = unreadableReason(url);
  if (refused && refused !== 'no-permission') return { ok: false, reason: refused, detail: url };
  try {
    await browser.scripting.executeScript({ target: { tabId }, files: [EXTRACT_SCRIPT] });
    const [injection] = await browser.scripting.executeScript({
      target: { tabId },
      func: (tabUrl: string | null) => globalThis.lecternExtract!(tabUrl ?? location.href),
      args: [url ?? null],
    });
    const result = injection?.result as ExtractionResult | undefined;
    return result ?? { ok: false, reason: 'error', detail: 'The page returned no result.' };
  } catch (error) {
    return injectionFailure(url, error);
  }
}
