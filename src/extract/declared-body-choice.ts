import { cleanArticle } from './cleanup';
import { linkDensity } from './cleanup/guard';
import { preferDeclaredBody } from './declared-body';
import { foldedText } from './dom';
import { blockAsArticle } from './fallback';
import { elementToText } from './text';

/** A declared body that is mostly links is a list of teasers, not an article. */
const MAX_LINK_DENSITY = 0.3;

/** The declared body as an article: the detached copy, furniture removed, the same cleanup as Readability's output. */
function declaredBodyAsArticle(doc: Document, copy: Element): Element {
  const wrapper = blockAsArticle(doc, copy);
  cleanArticle(wrapper);
  return wrapper;
}

const SAMPLES = 5;
const SAMPLE_CHARS = 40;

/**
 * The cheapest test, for the common case where Readability took the declared body: a few pieces of the
 * declared text, spread over it, all found in Readability's text (whitespace folded in both).
 */
function mostlyContained(copy: Element, text: string): boolean {
  const declared = foldedText(copy);
  if (declared.length < SAMPLES * SAMPLE_CHARS) return false;
  const folded = text.replace(/\s+/g, ' ');
  const step = Math.floor((declared.length - SAMPLE_CHARS) / (SAMPLES - 1));
  for (let i = 0; i < SAMPLES; i++) {
    if (!folded.includes(declared.slice(i * step, i * step + SAMPLE_CHARS))) return false;
  }
  return true;
}

/**
 * The declared body (`copy`, taken before Readability changed the page) when it should replace
 * Readability's article (`text`, declared-body.ts says when), cleaned; null to keep Readability's.
 * The cheap test runs first: most pages agree, and the copy is only cleaned when it is used.
 */
export function chooseDeclaredBody(doc: Document, copy: Element, text: string, minChars: number): { content: Element; text: string } | null {
  if (mostlyContained(copy, text) || !preferDeclaredBody(elementToText(copy), text)) return null;
  const content = declaredBodyAsArticle(doc, copy);
  const declaredText = elementToText(content);
  if (declaredText.length < minChars || linkDensity(content) >= MAX_LINK_DENSITY || !preferDeclaredBody(declaredText, text)) return null;
  return { content, text: declaredText };
}
