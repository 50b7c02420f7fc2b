import { elementsUnder } from './walk';

/**
 * Readability turns every <h1> of the article into an <h2>, which is right for the title but
 * flattens articles that use <h1> for their sections (HTML5 sectioning, some CMS themes): their
 * <h2> sub-sections end up at the same level as the sections. The page's <h1>s are marked before
 * Readability runs (it copies attributes when it renames), and when they turn out to be section
 * headings the other headings move one level down, so the order h2 > h3 > h4 is the page's own.
 */
const MARK = 'data-lectern-h1';
const HEADING = /^H[2-6]$/;

export function markPageH1s(h1s: Element[]): void {
  for (const h1 of h1s) h1.setAttribute(MARK, '');
}

export function restoreHeadingLevels(root: Element): void {
  const headings: Element[] = [];
  const marked: Element[] = [];
  let textBeforeFirstMark = false;
  let marks = 0;
  for (const el of elementsUnder(root)) {
    const isMarked = el.hasAttribute(MARK);
    if (isMarked) marked.push(el);
    // Only a renamed <h1> counts: in the fallback's content (not Readability's) an <h1> is still one.
    if (isMarked && el.tagName === 'H2') marks++;
    else if (!marks && el.tagName === 'P') textBeforeFirstMark = true; // Readability leaves no empty <p>
    if (HEADING.test(el.tagName)) headings.push(el);
  }
  // One former <h1> at the top is the title (or a kicker): the h2 sections are already right.
  const sectional = marks > 1 || (marks === 1 && textBeforeFirstMark);
  for (const el of marked) el.removeAttribute(MARK);
  if (!sectional) return;
  for (const heading of headings) {
    if (!marked.includes(heading) && heading.tagName !== 'H6') rename(heading, `H${Number(heading.tagName[1]) + 1}`);
  }
}

function rename(el: Element, tag: string): void {
  const replacement = el.ownerDocument.createElement(tag);
  for (const attr of Array.from(el.attributes)) replacement.setAttribute(attr.name, attr.value);
  while (el.firstChild) replacement.appendChild(el.firstChild);
  el.replaceWith(replacement);
}
