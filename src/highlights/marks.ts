import type { Highlight } from '../shared/highlight';
import { placeAll, type Placed } from './anchor';
import { articleText, textNodeOffsets, type TextRoot } from './text-model';

/** The attribute every painted <mark> carries: the highlight's id. Nothing else in an article has it. */
export const MARK_ATTRIBUTE = 'data-highlight-id';

/**
 * Wrap characters [start, end) of `root`'s text in <mark> elements, one per piece of a text node, so a
 * highlight may cross paragraphs, links and emphasis without moving any element: only existing
 * (sanitized) text nodes are split and wrapped, no HTML is parsed. White-space-only pieces are left
 * alone (they sit between blocks, where a <mark> would be out of place). Returns the marks in order.
 */
function wrapText(root: TextRoot, start: number, end: number, make: (doc: Document) => Element): Element[] {
  const doc = root.ownerDocument ?? document;
  const marks: Element[] = [];
  for (const { node, start: at } of textNodeOffsets(root)) {
    const from = Math.max(0, start - at);
    const to = Math.min(node.data.length, end - at);
    if (from >= to || /^\s*$/.test(node.data.slice(from, to))) continue;
    if (to < node.data.length) node.splitText(to);
    const piece = from > 0 ? node.splitText(from) : node;
    const mark = make(doc);
    piece.before(mark);
    mark.append(piece);
    marks.push(mark);
  }
  return marks;
}

/** Take every highlight mark out of `root`, leaving its text where it was (and text nodes joined again). */
export function unpaint(root: TextRoot): void {
  for (const mark of Array.from(root.querySelectorAll(`[${MARK_ATTRIBUTE}]`))) {
    const parent = mark.parentNode;
    mark.replaceWith(...Array.from(mark.childNodes));
    parent?.normalize();
  }
}

/** How a painted highlight's marks look: called for each mark, `first` for the first piece. */
type Decorate<T> = (mark: Element, highlight: T, first: boolean) => void;

/**
 * Paint `highlights` into `root` (after taking out any painted before, so painting again is safe) and
 * say where each one landed; those that could not be placed are returned with a null anchor.
 */
export function paint<T extends Highlight>(root: TextRoot, highlights: readonly T[], decorate: Decorate<T>): Placed<T>[] {
  unpaint(root);
  const placed = placeAll(articleText(root), highlights);
  for (const { highlight, anchor } of placed) {
    if (!anchor) continue;
    const marks = wrapText(root, anchor.start, anchor.end, (doc) => {
      const mark = doc.createElement('mark');
      mark.setAttribute(MARK_ATTRIBUTE, highlight.id);
      return mark;
    });
    marks.forEach((mark, i) => decorate(mark, highlight, i === 0));
  }
  return placed;
}
