/**
 * Sanitized article HTML reshaped into what EPUB 3 readers and epubcheck accept: no remote images
 * or media (kept as links unless an offline copy is supplied), no attribute values the XHTML schema
 * rejects, and no block element where only phrasing content is allowed.
 */
import { fixIds } from './epub-ids';
import { languageTag } from './xml';

/** An image the book can carry, returned by the caller for an image URL it has offline. */
export interface EpubImage {
  bytes: Uint8Array;
  mediaType: string;
}

/** Image types every EPUB 3.2 reader must support; anything else would need a fallback. */
export const CORE_IMAGE_TYPES: Record<string, string> = { 'image/jpeg': 'jpg', 'image/png': 'png', 'image/gif': 'gif' };

/** Maps an image URL to its path inside the book, or null when the book cannot carry it. */
export type ImagePlacer = (url: string) => string | null;

// Inline (phrasing) elements among those the sanitizer lets through.
const PHRASING = new Set(['A', 'ABBR', 'B', 'BDI', 'BDO', 'BR', 'CITE', 'CODE', 'DEL', 'DFN', 'EM', 'I', 'IMG', 'INS',
  'KBD', 'MARK', 'Q', 'RP', 'RT', 'RUBY', 'S', 'SAMP', 'SMALL', 'SPAN', 'STRONG', 'SUB', 'SUP', 'TIME', 'U', 'VAR', 'WBR']);
// Elements whose children must be phrasing: the inline ones that have content, and these blocks.
const PHRASING_PARENTS = new Set([...PHRASING, 'P', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'PRE', 'DT', 'SUMMARY']);
for (const tag of ['A', 'DEL', 'INS', 'BR', 'WBR', 'IMG']) PHRASING_PARENTS.delete(tag); // transparent or void
const TRANSPARENT = new Set(['A', 'DEL', 'INS']);

/** Reshapes `root` (a sanitized fragment) in place. */
export function prepareForEpub(root: DocumentFragment, placeImage: ImagePlacer): void {
  for (const el of Array.from(root.querySelectorAll('picture'))) el.replaceWith(...Array.from(el.querySelectorAll('img')));
  for (const el of Array.from(root.querySelectorAll('audio, video'))) replaceMedia(el);
  for (const img of Array.from(root.querySelectorAll('img'))) placeOrLink(img, placeImage);
  for (const el of Array.from(root.querySelectorAll('*'))) cleanAttributes(el);
  for (const el of Array.from(root.querySelectorAll('*'))) fixPlacement(el);
  fixIds(root);
}

function replaceMedia(el: Element): void {
  const src = el.getAttribute('src') ?? el.querySelector('source[src]')?.getAttribute('src');
  el.replaceWith(src ? paragraphLink(el.ownerDocument, src, src) : '');
}

function placeOrLink(img: Element, placeImage: ImagePlacer): void {
  const src = img.getAttribute('src') ?? '';
  const alt = img.getAttribute('alt') ?? '';
  const local = src ? placeImage(src) : null;
  for (const name of ['srcset', 'sizes']) img.removeAttribute(name);
  if (local) {
    img.setAttribute('src', local);
    img.setAttribute('alt', alt);
  } else if (/^https?:/i.test(src) && !img.closest('a')) {
    img.replaceWith(link(img.ownerDocument, src, alt.trim() || src));
  } else {
    img.replaceWith(alt); // inside a link already (no nested links), or not a web image
  }
}

const POSITIVE = /^[1-9]\d{0,3}$/;
const RULES: Record<string, (value: string, tag: string) => boolean> = {
  width: (v) => /^\d{1,5}$/.test(v),
  height: (v) => /^\d{1,5}$/.test(v),
  colspan: (v) => POSITIVE.test(v),
  rowspan: (v) => /^\d{1,4}$/.test(v),
  span: (v) => POSITIVE.test(v),
  start: (v) => /^-?\d{1,9}$/.test(v),
  scope: (v) => ['row', 'col', 'rowgroup', 'colgroup'].includes(v),
  dir: (v) => ['ltr', 'rtl', 'auto'].includes(v),
  lang: (v) => languageTag(v) !== null,
  type: (v, tag) => tag === 'OL' && ['1', 'a', 'A', 'i', 'I'].includes(v),
};
// Values the schema checks strictly and articles rarely need: datetime formats, IDREFs to ids
// the sanitizer removed, media queries and sizes of dropped sources.
const DROPPED = ['datetime', 'headers', 'media', 'sizes', 'srcset', 'poster', 'controls', 'muted', 'loop', 'preload'];

function cleanAttributes(el: Element): void {
  for (const name of DROPPED) el.removeAttribute(name);
  for (const attr of Array.from(el.attributes)) {
    const rule = RULES[attr.name];
    if (rule && !rule(attr.value.trim(), el.nodeName)) el.removeAttribute(attr.name);
  }
}

/** Block elements in phrasing-only parents become spans; list/figure/details parts out of place become divs. */
function fixPlacement(el: Element): void {
  const parent = meaningfulParent(el);
  if (parent && PHRASING_PARENTS.has(parent.nodeName) && !PHRASING.has(el.nodeName)) return void rename(el, 'span');
  const tag = el.nodeName;
  const parentTag = el.parentElement?.nodeName;
  const misplaced =
    (tag === 'LI' && parentTag !== 'UL' && parentTag !== 'OL') ||
    ((tag === 'DT' || tag === 'DD') && parentTag !== 'DL') ||
    (tag === 'FIGCAPTION' && !isFigureCaption(el)) ||
    (tag === 'SUMMARY' && (parentTag !== 'DETAILS' || el.previousElementSibling));
  if (misplaced) rename(el, 'div');
}

/** A figure has at most one caption, as its first or last child. */
function isFigureCaption(el: Element): boolean {
  if (el.parentElement?.nodeName !== 'FIGURE') return false;
  const siblings = Array.from(el.parentElement.children);
  const first = siblings.find((s) => s.nodeName === 'FIGCAPTION');
  return first === el && (siblings[0] === el || siblings[siblings.length - 1] === el);
}

function meaningfulParent(el: Element): Element | null {
  let parent = el.parentElement;
  while (parent && TRANSPARENT.has(parent.nodeName)) parent = parent.parentElement;
  return parent;
}

function rename(el: Element, tag: string): void {
  const replacement = el.ownerDocument.createElement(tag);
  for (const attr of Array.from(el.attributes)) {
    if (['class', 'lang', 'dir', 'title'].includes(attr.name)) replacement.setAttribute(attr.name, attr.value);
  }
  replacement.append(...Array.from(el.childNodes));
  el.replaceWith(replacement);
}

function link(doc: Document, href: string, text: string): Element {
  const a = doc.createElement('a');
  a.setAttribute('href', href);
  a.textContent = text;
  return a;
}

function paragraphLink(doc: Document, href: string, text: string): Element {
  const p = doc.createElement('p');
  p.append(link(doc, href, text));
  return p;
}
