import { scanPage, type PageScan } from './scan';
import { withinTags } from './dom';

/**
 * The standfirst (dek) under a headline is part of the article, but Readability often treats it as the
 * page's description and leaves it out of the content. Find it before Readability runs, and put it back
 * at the top of the content if the content does not already have it.
 */
const DEK_TOKEN = /(^|[\s_-])(dek|deck|standfirst|subtitle|subheadline|sub-headline|summary|lede|lead|leader|leadtext|intro|introduction|teaser|teaser-text|abstract|excerpt|kicker-text|chapo|vorspann)([\s_-]|$)/i;
const MAX_DEK_CHARS = 600;
const MIN_H2_DEK_CHARS = 80;
const MAX_CANDIDATES = 40;
const squash = (s: string | null | undefined) => (s ?? '').replace(/\s+/g, ' ').trim();

/**
 * Paragraphs and divs after an <h1>, paragraphs in a <header>, and [itemprop=description], from the
 * page walk (scan.ts): the selector `h1 ~ p, h1 ~ div` cost jsdom's selector engine ~14 ms on a news
 * page. Only the first MAX_CANDIDATES in document order are ever tested, so each source stops there.
 */
function candidates(scan: PageScan): Element[] {
  const out: Element[] = [];
  for (const h1 of scan.h1s) {
    let n = 0;
    for (let el = h1.nextElementSibling; el && n < MAX_CANDIDATES; el = el.nextElementSibling) {
      if (el.tagName !== 'P' && el.tagName !== 'DIV') continue;
      out.push(el);
      n++;
    }
  }
  for (const header of scan.headers) {
    out.push(...Array.from(header.getElementsByTagName('p')).slice(0, MAX_CANDIDATES));
    out.push(...Array.from(header.getElementsByTagName('div')).slice(0, MAX_CANDIDATES).filter(isNamedDek));
    out.push(...Array.from(header.getElementsByTagName('h2')).slice(0, MAX_CANDIDATES));
  }
  out.push(...scan.descriptions.slice(0, MAX_CANDIDATES));
  // Document order, as the selector gave it: the first dek on the page wins.
  return [...new Set(out)].filter((el) => el.isConnected).sort((a, b) => (a.compareDocumentPosition(b) & 4 ? -1 : 1));
}

const names = (el: Element | null) => (el ? `${el.getAttribute('class') ?? ''} ${el.id}` : '');
/** Named like a dek, or the only paragraph of a block named like one (`<div class="teaser"><p>…</p></div>`). */
function isNamedDek(el: Element): boolean {
  return DEK_TOKEN.test(names(el)) || el.getAttribute('itemprop') === 'description' || (el.tagName === 'P' && DEK_TOKEN.test(names(el.parentElement)) && el.parentElement?.getElementsByTagName('p').length === 1);
}

/** Whether a <p> or <div> is inside `el` (walked by hand: a selector query per candidate costs jsdom a scan). */
function hasBlockInside(el: Element): boolean {
  for (let child = el.firstElementChild; child; child = child.nextElementSibling) {
    if (child.tagName === 'P' || child.tagName === 'DIV' || hasBlockInside(child)) return true;
  }
  return false;
}

const FURNITURE_TAGS = new Set(['NAV', 'FOOTER', 'ASIDE', 'FORM']);
const inFurniture = (el: Element) => withinTags(el, FURNITURE_TAGS);

/** The dek's text: an element named like one, or a paragraph repeating the page description, near the top. */
export function findStandfirst(doc: Document, description: string | null | undefined, scan: PageScan = scanPage(doc)): string | null {
  const desc = squash(description);
  // The dek sits near the top: the first few dozen candidates are enough, and bound the cost.
  const found = candidates(scan).slice(0, MAX_CANDIDATES);
  for (const el of found) {
    // Cheap tests first: a dek is a leaf block named like one, or (with a description) any leaf block.
    const named = isNamedDek(el);
    if ((!named && !desc && el.tagName !== 'H2') || hasBlockInside(el) || inFurniture(el)) continue;
    const text = squash(el.textContent);
    if (text.length < 40 || text.length > MAX_DEK_CHARS) continue;
    // A subtitle sentence in the article's header (`<header><h1>…</h1><h2>…</h2>`) is a dek too; a short h2 is a heading.
    if (named || text === desc || (el.tagName === 'H2' && text.length >= MIN_H2_DEK_CHARS)) return text;
  }
  return null;
}

export function restoreStandfirst(content: Element, standfirst: string | null): void {
  if (!standfirst || squash(content.textContent).includes(standfirst)) return;
  const p = content.ownerDocument.createElement('p');
  p.textContent = standfirst;
  const first = content.firstElementChild;
  // Readability wraps the content in a page div: the paragraph belongs inside it.
  const parent = first && first.id.startsWith('readability-page') ? first : content;
  parent.insertBefore(p, parent.firstChild);
}
