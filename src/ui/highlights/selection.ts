import { describeRange } from '../../highlights/describe';
import type { TextPosition, TextQuote } from '../../shared/highlight';

/** The reader's current selection inside the article body, as selectors; null when there is none there. */
export function selectedInArticle(root: HTMLElement | null): { quote: TextQuote; position: TextPosition } | null {
  const selection = root?.ownerDocument.getSelection();
  if (!root || !selection || selection.isCollapsed || selection.rangeCount === 0) return null;
  const range = selection.getRangeAt(0);
  // A selection that starts or ends outside the article (in the title, say) is cut to the article's part.
  const inside = range.cloneRange();
  if (!root.contains(range.startContainer)) inside.setStart(root, 0);
  if (!root.contains(range.endContainer)) inside.setEnd(root, root.childNodes.length);
  if (inside.collapsed || !range.intersectsNode(root)) return null;
  return describeRange(root, inside);
}

/** Where to show the Highlight button: just below the end of the selection, in viewport coordinates. */
export function selectionAnchorPoint(): { top: number; left: number } | null {
  const selection = document.getSelection();
  if (!selection || selection.isCollapsed || selection.rangeCount === 0) return null;
  const range = selection.getRangeAt(0);
  const rects = typeof range.getClientRects === 'function' ? range.getClientRects() : null; // jsdom has none
  const last = rects?.[rects.length - 1];
  if (!rects) return { top: 8, left: 8 };
  if (!last) return null;
  return { top: last.bottom + 6, left: Math.min(Math.max(8, last.right - 40), window.innerWidth - 120) };
}
