/**
 * Every cleanup rule removes blocks *inside* the article. A rule that matched the article's own
 * container (WordPress puts `tag-…` and `category-…` classes on it) would throw the article away, so
 * nothing holding more than this share of the article's text is ever removed.
 */
export const MAX_REMOVED_SHARE = 0.4;

/** Length of `el`'s text. Raw, whitespace included: cheap, and only ever compared as a ratio or a bound. */
export function textLength(el: Element): number {
  return (el.textContent ?? '').length;
}

/** A remover for blocks of `root` that refuses to take away the bulk of the article. */
export function guardedRemover(root: Element): (el: Element) => boolean {
  const total = Math.max(1, textLength(root));
  return (el) => {
    if (el === root || !root.contains(el)) return false;
    if (textLength(el) > total * MAX_REMOVED_SHARE) return false;
    el.remove();
    return true;
  };
}

/** Text length without whitespace, where indentation would skew a ratio (link density). */
const visibleLength = (el: Element) => (el.textContent ?? '').replace(/\s+/g, '').length;

/** Share of `el`'s text that sits inside links (0 for an element without text). */
export function linkDensity(el: Element): number {
  const total = visibleLength(el);
  if (!total) return 0;
  let linked = 0;
  el.querySelectorAll('a').forEach((a) => (linked += visibleLength(a)));
  return Math.min(1, linked / total);
}
