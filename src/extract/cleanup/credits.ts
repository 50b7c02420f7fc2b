import { guardedRemover } from './guard';
import { foldedText } from '../dom';

/**
 * Photo credits that stand on their own line inside the article ("Foto: dpa", "© AFP / Marco B.",
 * "Judy Eddy/WENN.com", "(mlharing / iStock.com)"): they belong to an image Readability may have
 * dropped, and read as noise between paragraphs. Captions in <figcaption> stay (text.ts keeps them
 * out of the running text); this takes only short lines that are nothing but a credit.
 */
const MAX_CREDIT_CHARS = 120;
const MAX_AGENCY_WORDS = 8;
const CREDIT_START = /^[\s(|]*(©|\(c\)|foto|fotos|photo|photos|bild|bilder|credit|credits|crédito|crédits?|imagen|image|quelle|source|fuente|fonte|źródło|zdjęcie|fot\.)\s*[:/]/i;
const AGENCY = /\b(getty ?images|getty|istock(photo)?|shutterstock|picture[- ]alliance|dpa|afp|reuters|imago|unsplash|pixabay|adobe ?stock|stock\.adobe\.com|thinkstock|pexels|wenn\.com|keystone|epa|ap photo|bestimage|abaca|sipa|colourbox|fotolia|123rf|depositphotos|pixelio)\b/i;
const LINE_TAGS = new Set(['P', 'DIV', 'SPAN', 'SMALL', 'CITE', 'EM', 'I']);

function isCreditLine(text: string): boolean {
  if (!text || text.length > MAX_CREDIT_CHARS) return false;
  if (CREDIT_START.test(text) || text.startsWith('©')) return true;
  // An agency name in a few words that make no sentence (no "X. Y" inside).
  return AGENCY.test(text) && text.split(' ').length <= MAX_AGENCY_WORDS && !/[.!?]\s+\p{Lu}/u.test(text);
}

/** The line a credit's text node sits in: its nearest block-ish ancestor inside `root`. */
function lineOf(node: Node, root: Element): Element | null {
  for (let el = node.parentElement; el && el !== root; el = el.parentElement) if (LINE_TAGS.has(el.tagName)) return el;
  return null;
}

/**
 * Remove short blocks inside `root` that hold nothing but a photo credit. Driven by text nodes
 * (one walk, a cheap test each): only lines whose own text could be a credit are measured.
 */
export function removeCreditLines(root: Element): void {
  const remove = guardedRemover(root);
  const hits = new Set<Element>();
  const walker = root.ownerDocument.createTreeWalker(root, 4 /* NodeFilter.SHOW_TEXT */);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const value = node.nodeValue ?? '';
    if (value.length > MAX_CREDIT_CHARS || !(CREDIT_START.test(value) || value.includes('©') || AGENCY.test(value))) continue;
    const el = lineOf(node, root);
    if (!el || hits.has(el) || el.querySelector('p, div, img')) continue;
    const text = foldedText(el);
    if (!isCreditLine(text)) continue;
    // A credit inside a longer paragraph is only its own element when that element is a small part of it.
    const parentText = el.tagName === 'P' || el.tagName === 'DIV' || !el.parentElement || el.parentElement === root ? '' : foldedText(el.parentElement);
    if (!parentText || parentText === text || parentText.length > text.length + 40) hits.add(el);
  }
  hits.forEach(remove);
}
