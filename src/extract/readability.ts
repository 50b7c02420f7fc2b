import { Readability } from '@mozilla/readability';
import { isProbablyHidden } from './hidden';

/**
 * The private methods of Readability 0.6.0 (the pinned version, package.json) that LecternReadability
 * replaces. tests/unit/extract/readability.test.ts fails if an upgrade renames or drops one of them,
 * which would silently bypass the replacement.
 */
export const OVERRIDDEN = ['_isProbablyVisible', '_isValidByline', '_isElementWithoutContent'] as const;

interface Internals {
  REGEXPS: { byline: RegExp };
  _isValidByline(node: Element, matchString: string): boolean;
  _isElementWithoutContent(node: Element): boolean;
}
const original = Readability.prototype as unknown as Internals;

const SHOW_TEXT = 4; // NodeFilter.SHOW_TEXT (no NodeFilter global in Node)

function hasText(node: Element): boolean {
  const walker = node.ownerDocument.createTreeWalker(node, SHOW_TEXT);
  for (let text = walker.nextNode(); text; text = walker.nextNode()) {
    if (/\S/.test((text as Text).data)) return true;
  }
  return false;
}

/**
 * Readability with cheaper equivalents of three tests it runs on every element of the page, on every
 * attempt (profile over 120 trafilatura-eval pages, BENCHMARKS.md): same answers, less work.
 */
export class LecternReadability<T> extends Readability<T> {
  /** Attribute tests; the inline style is parsed only when it could hide (hidden.ts). */
  _isProbablyVisible(node: Element): boolean {
    return !isProbablyHidden(node);
  }

  /**
   * 0.6.0 measures `textContent.trim()` of every element before it tests rel/itemprop/class (until a
   * byline is found): a walk of the whole page below each element. Test the names first.
   */
  _isValidByline(node: Element, matchString: string): boolean {
    const itemprop = node.getAttribute('itemprop');
    const named = node.getAttribute('rel') === 'author' || !!itemprop?.includes('author') || original.REGEXPS.byline.test(matchString);
    return named && original._isValidByline.call(this, node, matchString);
  }

  /**
   * Asked of every div, section, header and heading on each attempt; the original measures the
   * whole `textContent` (of the page's outermost wrappers too) to learn whether there is any text.
   * The first text that is not whitespace answers it (`\S` and `trim()` agree on what whitespace is).
   */
  _isElementWithoutContent(node: Element): boolean {
    return !hasText(node) && original._isElementWithoutContent.call(this, node);
  }
}
