import { cleanArticle } from './cleanup';
import { linkDensity } from './cleanup/guard';
import { preferMarked } from './marked';
import { foldedText } from './dom';
import { blockAsArticle } from './fallback';
import { elementToText } from './text';

/** A marked body that is mostly links is a list of teasers, not an article. */
const MAX_LINK_DENSITY = 0.3;

/** The marked body as an article: the detached copy, furniture removed, the same cleanup as Readability's output. */
function markedContent(doc: Document, copy: Element): Element {
  const wrapper = blockAsArticle(doc, copy);
  cleanArticle(wrapper);
  return wrapper;
}

const SAMPLES = 5;
const SAMPLE_CHARS = 40;

/**
 * The cheapest test, for the common case where Readability took the marked body: a few pieces of the
 * marked text, spread over it, all found in Readability's text (whitespace folded in both).
 */
function mostlyContained(copy: Element, text: string): boolean {
  const marked = foldedText(copy);
  if (marked.length < SAMPLES * SAMPLE_CHARS) return false;
  const folded = text.replace(/\s+/g, ' ');
  const step = Math.floor((marked.length - SAMPLE_CHARS) / (SAMPLES - 1));
  for (let i = 0; i < SAMPLES; i++) {
    if (!folded.includes(marked.slice(i * step, i * step + SAMPLE_CHARS))) return false;
  }
  return true;
}

/**
 * The marked body (`copy`, taken before Readability changed the page) when it should replace
 * Readability's article (`text`, marked.ts says when), cleaned; null to keep Readability's.
 * The cheap test runs first: most pages agree, and the copy is only cleaned when it is used.
 */
export function chooseMarked(doc: Document, copy: Element, text: string, minChars: number): { content: Element; text: string } | null {
  if (mostlyContained(copy, text) || !preferMarked(elementToText(copy), text)) return null;
  const content = markedContent(doc, copy);
  const markedText = elementToText(content);
  if (markedText.length < minChars || linkDensity(content) >= MAX_LINK_DENSITY || !preferMarked(markedText, text)) return null;
  return { content, text: markedText };
}
