import type { SaveResult } from '../shared/messages';
import { saveArticle, StorageWriteError } from '../storage';
import { extractTab } from './extract-tab';
import { keepImagesLater } from './offline-images';

/**
 * Extract tab `tabId` here, in the worker's own injection, and save what it returns. Nothing a page sends
 * by message is ever saved: the article comes from our extractor's return value for that tab.
 */
export async function saveTab(tabId: number): Promise<SaveResult> {
  const extraction = await extractTab(tabId);
  if (!extraction.ok) return extraction;
  try {
    const saved = await saveArticle(extraction.article);
    keepImagesLater(saved.id);
    return { ok: true, ...saved };
  } catch (error) {
    if (error instanceof StorageWriteError) return { ok: false, reason: error.reason === 'quota' ? 'quota' : 'storage', detail: error.message };
    return { ok: false, reason: 'error', detail: error instanceof Error ? error.message : String(error) };
  }
}
