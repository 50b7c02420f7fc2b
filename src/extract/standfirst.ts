/**
 * The standfirst (dek) under a headline is part of the article, but Readability often treats it as the
 * page's description and leaves it out of the content. Find it before Readability runs, and put it back
 * at the top of the content if the content does not already have it.
 */
const DEK_TOKEN = /(^|[\s_-])(dek|deck|standfirst|subtitle|subheadline|sub-headline|summary|lede|lead|intro|teaser)([\s_-]|$)/i;
const squash = (s: string | null | undefined) => (s ?? '').replace(/\s+/g, ' ').trim();

/** The dek's text: an element named like one, or a paragraph repeating the page description, near the top. */
export function findStandfirst(doc: Document, description: string | null | undefined): string | null {
  const desc = squash(description);
  const candidates = Array.from(doc.querySelectorAll('h1 ~ p, h1 ~ div, header p, [itemprop="description"]'));
  for (const el of candidates) {
    if (el.closest('nav, footer, aside, form')) continue;
    const text = squash(el.textContent);
    if (text.length < 40 || text.length > 400) continue;
    const named = DEK_TOKEN.test(`${el.getAttribute('class') ?? ''} ${el.id}`) || el.getAttribute('itemprop') === 'description';
    if ((named && !el.querySelector('p, div')) || (desc && text === desc)) return text;
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
