import { isProbablyHidden } from './hidden';

/**
 * Elements the reader can never show, with everything inside them: the sanitizer (src/sanitize/config.ts)
 * drops these tags with their contents, and Readability removes hidden elements itself. Removing them in
 * the page walk, before Readability, spares its page cache, its retries and every later pass (icons are
 * dozens of paths each), and keeps their text (icon titles, button labels, option lists) out of the
 * article's plain text, which is taken before sanitizing. Not <form> (ASP.NET pages wrap the whole page
 * in one) nor <noscript> (lazy-images.ts takes real images from it).
 */
const NEVER_SHOWN = new Set(['svg', 'math', 'TEMPLATE', 'IFRAME', 'OBJECT', 'EMBED', 'APPLET', 'BUTTON', 'SELECT', 'TEXTAREA']);

/** `tag` is `el.tagName` (the walk has it already). */
export function isUnreadable(el: Element, tag: string): boolean {
  return NEVER_SHOWN.has(tag) || isProbablyHidden(el);
}
