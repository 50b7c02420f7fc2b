import { cleanArticle } from './cleanup';
import { linkDensity } from './cleanup/guard';
import { preferMarked } from './marked';
import { elementToText } from './text';

/** What a reader never shows, and page furniture that can sit inside a marked body. */
const FURNITURE = 'script, style, noscript, template, nav, footer, aside, form, iframe, button, input, select, textarea, svg, header';
/** A marked body that is mostly links is a list of teasers, not an article. */
const MAX_LINK_DENSITY = 0.3;

/** The marked body as an article: the detached copy, furniture removed, the same cleanup as Readability's output. */
export function markedContent(doc: Document, copy: Element): Element {
  copy.querySelectorAll(FURNITURE).forEach((el) => el.remove());
  const wrapper = doc.createElement('div');
  wrapper.appendChild(copy);
  cleanArticle(wrapper);
  return wrapper;
}

/**
 * The marked body (`copy`, taken before Readability changed the page) when it should replace
 * Readability's article (`text`, marked.ts says when), cleaned; null to keep Readability's.
 * The cheap test runs first: most pages agree, and the copy is only cleaned when it is used.
 */
export function chooseMarked(doc: Document, copy: Element, text: string, minChars: number): { content: Element; text: string } | null {
  if (!preferMarked(elementToText(copy), text)) return null;
  const content = markedContent(doc, copy);
  const markedText = elementToText(content);
  if (markedText.length < minChars || linkDensity(content) >= MAX_LINK_DENSITY || !preferMarked(markedText, text)) return null;
  return { content, text: markedText };
}
