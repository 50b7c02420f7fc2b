import { JSDOM, VirtualConsole } from 'jsdom';
import { extractArticle } from '../extract/extract';
import { sanitizeIn } from '../sanitize/sanitize';
import type { Article, ExtractionResult } from '../shared/article';

export type { Article, ExtractionResult, NoArticleReason } from '../shared/article';

/**
 * Parse `html` as a browser would at `url` (no scripts run, no resources loaded) and run the same
 * extraction the extension runs: the article, or `{ ok: false, reason }` saying why there is none.
 */
export function extractResult(html: string, url: string): ExtractionResult {
  // Pages are full of CSS jsdom cannot parse; its complaints are noise here.
  const dom = new JSDOM(html, { url, virtualConsole: new VirtualConsole() });
  try {
    return extractArticle(dom.window.document, url);
  } catch (error) {
    return { ok: false, reason: 'error', detail: String(error) };
  } finally {
    dom.window.close();
  }
}

/**
 * The extraction alone, on a document the caller already parsed (and owns: it is mutated). The
 * accuracy benchmark times this, so that jsdom's parse does not drown the difference it measures.
 */
export function extractDocument(doc: Document, url: string): ExtractionResult {
  try {
    return extractArticle(doc, url);
  } catch (error) {
    return { ok: false, reason: 'error', detail: String(error) };
  }
}

/** The article the extension would show for `html` at `url`, or null (`extractResult` says why). */
export function extract(html: string, url: string): Article | null {
  const result = extractResult(html, url);
  return result.ok ? result.article : null;
}

/** The article body exactly as the reader renders it: through the one sanitizer. */
export function sanitizedContent(article: Article): string {
  const { window } = new JSDOM('', { url: 'about:blank' });
  try {
    return sanitizeIn(window as unknown as Window, article.content, article.url);
  } finally {
    window.close();
  }
}
