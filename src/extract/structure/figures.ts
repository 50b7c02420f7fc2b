import { elementsUnder } from './walk';

/**
 * Image captions in the shape a reader understands: `<figure>` with the image, then `<figcaption>`.
 * WordPress's classic editor (still most of WordPress) writes `<div class="wp-caption"><img><p
 * class="wp-caption-text">`; other CMSs a div with an image and a `*-caption` element. Readability
 * keeps those as plain blocks, so the caption reads as a paragraph of the article.
 */
const CAPTION_CLASS = /^(wp-caption-text|caption|caption-text|image-caption|img-caption|photo-caption|media-caption|figure-caption|gallery-caption)$/i;
const squash = (s: string | null | undefined) => (s ?? '').replace(/\s+/g, '');

const isCaption = (el: Element) => (el.getAttribute('class') ?? '').split(/\s+/).some((c) => CAPTION_CLASS.test(c));

/** The block around `caption` when it holds one image and no other text: a figure in all but name. */
function figureLike(caption: Element, root: Element): Element | null {
  for (let box = caption.parentElement; box && box !== root; box = box.parentElement) {
    if (box.tagName === 'FIGURE') return null;
    if (box.tagName !== 'DIV' && box.tagName !== 'P') continue; // Readability turns a div of phrasing content into a <p>
    if (box.getElementsByTagName('img').length !== 1) return null;
    return squash(box.textContent) === squash(caption.textContent) ? box : null;
  }
  return null;
}

function toFigure(box: Element, caption: Element): void {
  const doc = box.ownerDocument;
  const figure = doc.createElement('figure');
  const figcaption = doc.createElement('figcaption');
  while (caption.firstChild) figcaption.appendChild(caption.firstChild);
  caption.remove();
  while (box.firstChild) figure.appendChild(box.firstChild);
  figure.appendChild(figcaption);
  box.replaceWith(figure);
}

// Tag lookups, not querySelector: jsdom's selector engine costs more than the rest of this file.
const hasMedia = (el: Element) => ['img', 'picture', 'video'].some((tag) => el.getElementsByTagName(tag).length > 0);

/** wp-caption and its relatives become figures; a figcaption placed before its image moves after it. */
export function normalizeFigures(root: Element): void {
  const captions: Element[] = [];
  const figures: Element[] = [];
  for (const el of elementsUnder(root)) {
    if (el.tagName === 'FIGURE') figures.push(el);
    else if (el.hasAttribute('class') && isCaption(el)) captions.push(el);
  }
  for (const caption of captions) {
    const box = figureLike(caption, root);
    if (box && squash(caption.textContent)) toFigure(box, caption);
  }
  for (const figure of figures) {
    const first = figure.firstElementChild;
    if (first?.tagName === 'FIGCAPTION' && hasMedia(figure)) figure.appendChild(first);
  }
}
