import { foldedText } from './dom';

/**
 * When Readability finds nothing (it gives up on some pages whose text sits in many small blocks,
 * or whose markup it cannot score), the article is taken from the block holding the most paragraph
 * text, cleaned of the obvious page furniture. The reader marks such an article as a fallback.
 */
const FURNITURE = 'script, style, noscript, template, nav, header, footer, aside, form, iframe, button, input, select, textarea, svg';
/** Below this much paragraph text there is nothing worth showing. */
const MIN_PARAGRAPH_CHARS = 140;

/** The element whose <p> children hold the most text (one pass over the paragraphs). */
function paragraphParent(doc: Document): Element | null {
  const scores = new Map<Element, number>();
  for (const p of Array.from(doc.getElementsByTagName('p'))) {
    const parent = p.parentElement;
    if (!parent || p.closest('nav, header, footer, aside, form')) continue;
    const length = foldedText(p).length;
    scores.set(parent, (scores.get(parent) ?? 0) + length);
  }
  let best: Element | null = null;
  let bestScore = MIN_PARAGRAPH_CHARS - 1;
  for (const [el, score] of scores) {
    if (score > bestScore) [best, bestScore] = [el, score];
  }
  return best;
}

/** A detached block taken as the article (this fallback, or the page's declared body): furniture out, in a wrapper. */
export function blockAsArticle(doc: Document, copy: Element): Element {
  copy.querySelectorAll(FURNITURE).forEach((el) => el.remove());
  const wrapper = doc.createElement('div');
  wrapper.appendChild(copy);
  return wrapper;
}

/** A cleaned copy of the page's main text block, or null when the page has no paragraph text. */
export function fallbackContent(doc: Document): Element | null {
  const block = paragraphParent(doc);
  return block ? blockAsArticle(doc, block.cloneNode(true) as Element) : null;
}
