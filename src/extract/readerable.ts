import { isProbablyReaderable } from '@mozilla/readability';

/**
 * Readability's own visibility test reads `node.style`, which makes jsdom (and costs browsers a
 * little) parse every candidate's inline style; on the benchmark that was a tenth of the whole
 * extraction. The inline style attribute is all `node.style` sees anyway, so test its text.
 */
function isVisible(node: Node): boolean {
  const el = node as Element;
  if (el.hasAttribute('hidden')) return false;
  if (/display\s*:\s*none/i.test(el.getAttribute('style') ?? '')) return false;
  // Wikimedia marks math images aria-hidden and shows them as the fallback image: Readability keeps them.
  return el.getAttribute('aria-hidden') !== 'true' || (el.getAttribute('class') ?? '').includes('fallback-image');
}

/**
 * Readability's "is this an article?" test (enough long paragraphs) with the cheaper visibility check.
 * It only queries its argument, so it also runs on the extracted content alone, after Readability,
 * and only when a result looks like a listing: the whole page need not be scanned up front.
 */
export function isReaderable(root: Document | Element): boolean {
  return isProbablyReaderable(root as Document, { visibilityChecker: isVisible });
}
