/**
 * The text a highlight is anchored in: the `textContent` of the sanitized article body as the reader
 * renders it (`.reader-content`, or the fragment `sanitizeToFragment` gives the exporters — the same
 * nodes, so the same text). Offsets are UTF-16 code units into that string, the unit of
 * TextPositionSelector here. <mark> elements added by the painter change no text, so offsets hold
 * whether or not highlights are painted.
 */
export type TextRoot = Element | DocumentFragment;

export const articleText = (root: TextRoot): string => root.textContent ?? '';

function* textNodes(root: TextRoot): Generator<Text> {
  const walker = (root.ownerDocument ?? document).createTreeWalker(root, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) yield node as Text;
}

/** Each text node under `root` with its start offset in `articleText(root)`. */
export function textNodeOffsets(root: TextRoot): { node: Text; start: number }[] {
  const out: { node: Text; start: number }[] = [];
  let seen = 0;
  for (const node of textNodes(root)) {
    out.push({ node, start: seen });
    seen += node.data.length;
  }
  return out;
}

/** The offset in `articleText(root)` of a DOM boundary point (container, offset), as a Range holds it. */
function offsetOf(root: TextRoot, container: Node, offset: number): number | null {
  const doc = root.ownerDocument ?? document;
  if (container !== root && !root.contains(container)) return null;
  // Every text character that comes before the point: a range from the root's start to the point.
  const before = doc.createRange();
  before.setStart(root, 0);
  before.setEnd(container, offset);
  return before.toString().length;
}

/** The character offsets of `range` within `root`, or null when the range is not inside it. */
export function offsetsOfRange(root: TextRoot, range: Range): { start: number; end: number } | null {
  const start = offsetOf(root, range.startContainer, range.startOffset);
  const end = offsetOf(root, range.endContainer, range.endOffset);
  return start === null || end === null || end <= start ? null : { start, end };
}

/** A Range over characters [start, end) of `articleText(root)`; null when out of bounds. */
export function rangeOfOffsets(root: TextRoot, start: number, end: number): Range | null {
  const doc = root.ownerDocument ?? document;
  const range = doc.createRange();
  let started = false;
  for (const { node, start: at } of textNodeOffsets(root)) {
    const len = node.data.length;
    if (!started && start < at + len) {
      range.setStart(node, start - at);
      started = true;
    }
    if (started && end <= at + len) {
      range.setEnd(node, end - at);
      return range;
    }
  }
  return null;
}
