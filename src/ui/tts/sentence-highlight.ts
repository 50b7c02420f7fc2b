/**
 * Marks the sentence being read. With the CSS Custom Highlight API the DOM is not touched at all; without
 * it, one <span class="tts-current"> is wrapped around a sentence that sits in a single text node (only
 * existing, sanitized text is moved, never HTML re-parsed), else the block gets the class.
 */
const NAME = 'lectern-tts';
let marked: Element | null = null;

type HighlightRegistry = { set(name: string, h: unknown): void; delete(name: string): void };
type HighlightCtor = new (...ranges: Range[]) => unknown;

function registry(): { highlights: HighlightRegistry; Highlight: HighlightCtor } | null {
  const highlights = (globalThis.CSS as unknown as { highlights?: HighlightRegistry } | undefined)?.highlights;
  const Highlight = (globalThis as unknown as { Highlight?: HighlightCtor }).Highlight;
  return highlights && Highlight ? { highlights, Highlight } : null;
}

function unmark() {
  if (!marked) return;
  if (marked.classList.contains('tts-span')) marked.replaceWith(...marked.childNodes);
  else {
    marked.classList.remove('tts-current');
    if (marked.classList.length === 0) marked.removeAttribute('class'); // leave the article as it was
  }
  marked = null;
}

/**
 * Highlight the range `locate()` gives (null clears); returns the element to scroll into view. The range
 * is located only after the previous mark is undone, since undoing it moves text nodes.
 */
export function highlightRange(locate: () => Range | null, block: Element | null): Element | null {
  const api = registry();
  unmark();
  const range = locate();
  if (api) {
    if (range) api.highlights.set(NAME, new api.Highlight(range));
    else api.highlights.delete(NAME);
    return range ? (range.startContainer.parentElement ?? block) : null;
  }
  if (!range || !block) return null;
  if (range.startContainer === range.endContainer && range.startContainer.nodeType === Node.TEXT_NODE) {
    const span = block.ownerDocument.createElement('span');
    span.className = 'tts-span tts-current';
    range.surroundContents(span);
    marked = span;
  } else {
    block.classList.add('tts-current');
    marked = block;
  }
  return marked;
}

/** Bring the sentence into view without jumping when it is already visible; no animation if motion is reduced. */
export function keepInView(el: Element | null) {
  if (!el || typeof el.scrollIntoView !== 'function') return;
  const rect = el.getBoundingClientRect();
  if (rect.top >= 0 && rect.bottom <= window.innerHeight && rect.height > 0) return;
  const reduce = window.matchMedia?.('(prefers-reduced-motion: reduce)').matches;
  el.scrollIntoView({ block: 'center', behavior: reduce ? 'auto' : 'smooth' });
}
