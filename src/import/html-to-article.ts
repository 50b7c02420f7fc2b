/**
 * Extraction of a fetched page's HTML, wherever a DOM is at hand: an extension page, Firefox's
 * background page, or Chrome's offscreen document (its service worker has no DOMParser).
 */
import { extractArticle } from '../extract/extract';
import type { ExtractionResult } from '../shared/article';

export function extractFromHtml(html: string, url: string, parser: DOMParser = new DOMParser()): ExtractionResult {
  const doc = parser.parseFromString(html, 'text/html');
  // A parsed document's base URL is the extension's own: relative links must resolve against the page.
  // A <base> the page declared itself stays first, as the browser would have used it.
  if (!doc.querySelector('base[href]')) {
    const base = doc.createElement('base');
    base.setAttribute('href', url);
    doc.head.prepend(base);
  }
  return extractArticle(doc, url);
}
