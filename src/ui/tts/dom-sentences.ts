import { type Span, splitSentences } from './sentences';

/** One sentence of the rendered article: a span of the text of one block element. */
export interface DomSentence extends Span {
  block: Element;
}

const BLOCKS = 'p, li, h1, h2, h3, h4, h5, h6, blockquote, figcaption, dt, dd, th, td, pre';

/** Blocks that hold no other block, so nested lists and quotes are read once, in document order. */
function leafBlocks(root: Element): Element[] {
  return [...root.querySelectorAll(BLOCKS)].filter((el) => !el.querySelector(BLOCKS));
}

/** The sentences of the rendered (already sanitized) article body, in reading order. */
export function collectSentences(root: Element, lang: string | null): DomSentence[] {
  return leafBlocks(root).flatMap((block) => splitSentences(block.textContent ?? '', lang).map((s) => ({ ...s, block })));
}

/**
 * A Range over one sentence, computed from the block's text nodes when needed (not kept), so it stays
 * right even after the fallback highlighter split a text node.
 */
export function sentenceRange(s: DomSentence): Range | null {
  const doc = s.block.ownerDocument;
  const walker = doc.createTreeWalker(s.block, NodeFilter.SHOW_TEXT);
  const range = doc.createRange();
  let seen = 0;
  let started = false;
  for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
    const len = node.data.length;
    if (!started && s.start < seen + len) {
      range.setStart(node, s.start - seen);
      started = true;
    }
    if (started && s.end <= seen + len) {
      range.setEnd(node, s.end - seen);
      return range;
    }
    seen += len;
  }
  return null;
}
