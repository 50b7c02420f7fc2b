import { extractArticle } from '../extract/extract';
import type { ExtractionResult } from '../shared/article';

/**
 * Injected on demand (scripting.executeScript under activeTab) into the page the user is reading. It
 * extracts from a clone of the live DOM, so the page itself is never changed, and leaves one function
 * for the injector's next call to run: executeScript({ func: () => globalThis.lecternExtract() }).
 * The tab URL comes from the injector, which got it from the browser, not from the page.
 */
declare global {
  var lecternExtract: ((tabUrl: string) => ExtractionResult) | undefined;
}

globalThis.lecternExtract = (tabUrl: string): ExtractionResult => {
  try {
    const clone = document.cloneNode(true) as Document;
    return extractArticle(clone, tabUrl);
  } catch (error) {
    return { ok: false, reason: 'error', detail: String(error) };
  }
};
