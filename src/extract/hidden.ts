/**
 * Readability 0.6.0's `_isProbablyVisible`, answered from attributes. The original reads `node.style`
 * for every element it walks, and jsdom builds a CSSStyleDeclaration (parsing the inline CSS) for each:
 * 2–3 % of Readability's time. Only a style attribute that could hide (it says `none` or `hidden`, or
 * escapes something) is handed to the CSS parser, so the answer is the original's.
 */
const MAY_HIDE = /none|hidden|\\/i;

function hiddenByStyle(el: Element): boolean {
  const style = el.getAttribute('style');
  if (!style || !MAY_HIDE.test(style)) return false;
  const declared = (el as HTMLElement).style;
  return !!declared && (declared.display === 'none' || declared.visibility === 'hidden');
}

/** `aria-hidden="true"`, except on Wikimedia's `fallback-image` math images (Readability keeps those). */
function ariaHidden(el: Element): boolean {
  if (el.getAttribute('aria-hidden') !== 'true') return false;
  const names: unknown = el.className; // an SVGAnimatedString on <svg> elements, not a string
  return !(typeof names === 'string' && names.includes('fallback-image'));
}

/** True when Readability would remove `el` as hidden (`hidden`, `aria-hidden`, inline display/visibility). */
export function isProbablyHidden(el: Element): boolean {
  // Many elements (p, li, em, span …) have no attributes at all: one test instead of three lookups.
  return el.hasAttributes() && (el.hasAttribute('hidden') || ariaHidden(el) || hiddenByStyle(el));
}
