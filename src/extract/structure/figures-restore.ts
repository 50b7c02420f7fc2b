import { elementsUnder } from './walk';

/**
 * Captioned figures Readability throws away: a gallery div (more images than paragraphs, "bad p to
 * img ratio"), a figure named like furniture (`header-image`, `media`), a wrapper inside a figure
 * with a negative class weight. Each captioned figure of the page is copied before Readability runs,
 * with the text of the paragraph before it; after Readability, a figure whose image is missing from
 * the article goes back after that paragraph — only when the paragraph itself is in the article, so
 * figures from outside it never come in. Measured on trafilatura-eval, whose annotators count captions
 * as boilerplate: lead images above the text, credit-only or label captions, and credits inside
 * captions cost precision and bring nothing to a reader, so they stay out.
 */
export interface FigureCopy {
  copy: Element;
  images: string[];
  before: string | null;
}

const MAX_FIGURES = 40;
const MAX_STEPS = 300;
const MIN_PARAGRAPH = 25;
const MIN_CAPTION = 25;
const UI = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'BUTTON', 'svg', 'TEMPLATE', 'FORM']);
const OUTSIDE_STORY = new Set(['NAV', 'ASIDE', 'FOOTER', 'A']);
/** Figures that are not part of the story's flow: the lead image above it, portraits, promotions. */
const NOT_IN_FLOW = /(^|[^a-z])(lead|hero|header|cover|teaser|contact|avatar|author|profile|thumb|thumbnail|logo|promo|related|ad|ads|sponsor)([^a-z]|$)/i;
/** Photo credits and sources: not the caption (and boilerplate for the reader, as for the benchmark's annotators). */
const CREDIT_NAME = /(^|[^a-z])(credit|credits|copyright|photographer|attribution|source|quelle|fotograf|byline|courtesy|rights)([^a-z]|$)/i;
const CREDIT_TEXT = /^\s*(©|\(c\)|copyright|fotos?|photos?|bild|bilder|quelle|source|credits?|źródło|fot\.|imagen|imagem|créditos?|getty images|picture alliance|reuters|afp|dpa|epa|ap photo)(?![\p{L}])/iu;
const MAX_CREDIT = 100;
const squash = (s: string | null | undefined) => (s ?? '').replace(/\s+/g, ' ').trim();

/** An image's file name: the same image whether its URL is relative, absolute or carries a resize query. */
function imageKey(img: Element): string {
  return (img.getAttribute('src') ?? '').replace(/[?#].*$/, '').split('/').pop() ?? '';
}

function imageKeys(figure: Element): string[] {
  return Array.from(figure.getElementsByTagName('img')).map(imageKey).filter(Boolean);
}

function captionText(figure: Element): string {
  const caption = figure.getElementsByTagName('figcaption')[0];
  return squash(caption?.textContent);
}

/** The figure's caption with credits taken out (in the copy), or '' when nothing else is left. */
function stripCredits(copy: Element): string {
  const caption = copy.getElementsByTagName('figcaption')[0];
  if (!caption) return '';
  for (const el of Array.from(caption.getElementsByTagName('*'))) {
    if (!caption.contains(el)) continue; // inside a credit removed before it
    const text = squash(el.textContent);
    if (CREDIT_NAME.test(`${el.getAttribute('class') ?? ''} ${el.id}`) || (text.length < MAX_CREDIT && CREDIT_TEXT.test(text))) el.remove();
  }
  for (const node of Array.from(caption.childNodes)) {
    if (node.nodeType === 3 && CREDIT_TEXT.test(node.nodeValue ?? '') && squash(node.nodeValue).length < MAX_CREDIT) node.remove();
  }
  return squash(caption.textContent);
}

function linkShare(el: Element): number {
  const total = squash(el.textContent).length || 1;
  return Array.from(el.getElementsByTagName('a')).reduce((n, a) => n + squash(a.textContent).length, 0) / total;
}

/** The text of the nearest paragraph before `el` in document order, within a bounded walk. */
function previousParagraph(el: Element): string | null {
  const walker = el.ownerDocument.createTreeWalker(el.ownerDocument.body ?? el.ownerDocument.documentElement, 1);
  walker.currentNode = el;
  for (let i = 0; i < MAX_STEPS; i++) {
    const node = walker.previousNode() as Element | null;
    if (!node) return null;
    if (node.tagName === 'P' && !el.contains(node)) {
      const text = squash(node.textContent);
      if (text.length >= MIN_PARAGRAPH) return text;
    }
  }
  return null;
}

/** Whether an ancestor of `el` has one of `tags` (closest() with a selector is slow in jsdom). */
function insideOf(el: Element, tags: Set<string>): boolean {
  for (let up = el.parentElement; up; up = up.parentElement) if (tags.has(up.tagName)) return true;
  return false;
}

/** Copies of the page's captioned figures (before Readability, which may drop them). */
export function copyFigures(figures: Element[]): FigureCopy[] {
  const copies: FigureCopy[] = [];
  for (const figure of figures) {
    if (copies.length >= MAX_FIGURES) break;
    const caption = figure.getElementsByTagName('figcaption')[0];
    if (!figure.isConnected || !figure.getElementsByTagName('img').length || !caption || !captionText(figure)) continue;
    // Teaser cards are figures too: a linked caption is a headline, not a caption.
    if (linkShare(caption) > 0.5 || insideOf(figure, OUTSIDE_STORY)) continue;
    if (NOT_IN_FLOW.test(`${figure.getAttribute('class') ?? ''} ${figure.id}`)) continue;
    const copy = figure.cloneNode(true) as Element;
    for (const el of Array.from(elementsUnder(copy))) if (UI.has(el.tagName)) el.remove();
    // A caption that is only a credit or a label ("Getty Images", a name) does not bring a figure back.
    if (stripCredits(copy).length < MIN_CAPTION) continue;
    copies.push({ copy, images: imageKeys(figure), before: previousParagraph(figure) });
  }
  return copies;
}

/** Put back, next to their paragraph, the copied figures whose images the article lost. */
export function restoreFigures(content: Element, copies: FigureCopy[]): void {
  if (!copies.length) return;
  const paragraphs = new Map<string, Element>();
  const images = new Set<string>();
  for (const el of elementsUnder(content)) {
    if (el.tagName === 'P') paragraphs.set(squash(el.textContent), el);
    else if (el.tagName === 'IMG') images.add(imageKey(el));
  }
  const lastAfter = new Map<Element, Element>();
  for (const { copy, images: keys, before } of copies) {
    // Without a file name there is no telling whether the article already has the image.
    if (!keys.length || keys.some((k) => images.has(k))) continue;
    const previous = before ? paragraphs.get(before) : undefined;
    if (!previous) continue;
    (lastAfter.get(previous) ?? previous).after(copy);
    lastAfter.set(previous, copy);
    keys.forEach((k) => images.add(k));
  }
}
