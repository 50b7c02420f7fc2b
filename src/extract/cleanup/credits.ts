import { guardedRemover } from './guard';

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

const clean = (el: Element) => (el.textContent ?? '').replace(/\s+/g, ' ').trim();

function isCreditLine(text: string): boolean {
  if (!text || text.length > MAX_CREDIT_CHARS) return false;
  if (CREDIT_START.test(text) || text.startsWith('©')) return true;
  // An agency name in a few words that make no sentence (no "X. Y" inside).
  return AGENCY.test(text) && text.split(' ').length <= MAX_AGENCY_WORDS && !/[.!?]\s+\p{Lu}/u.test(text);
}

/** Remove short blocks inside `root` that hold nothing but a photo credit. */
export function removeCreditLines(root: Element): void {
  const remove = guardedRemover(root);
  const hits: Element[] = [];
  const walker = root.ownerDocument.createTreeWalker(root, 1 /* NodeFilter.SHOW_ELEMENT */);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const el = node as Element;
    // A credit line is a leaf-ish block: its text is its own, not a paragraph's around it.
    if (!LINE_TAGS.has(el.tagName) || el.querySelector('p, div, img')) continue;
    const parentText = el.parentElement && el.parentElement !== root ? clean(el.parentElement) : '';
    const text = clean(el);
    if (isCreditLine(text) && (el.tagName === 'P' || el.tagName === 'DIV' || parentText.length > text.length + 40 || parentText === text)) hits.push(el);
  }
  hits.forEach(remove);
}
