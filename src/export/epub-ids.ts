/**
 * EPUB chapters are XML: an id must be unique in its file and a name without spaces (epubcheck rejects
 * duplicates and whitespace), while web pages repeat ids and put spaces in them. Ids are rewritten into
 * unique XML names and the article's own `#fragment` links follow them.
 */

/** Characters an id keeps; anything else (spaces, colons, quotes) becomes `_`. */
const NOT_NAME_CHAR = /[^\p{L}\p{N}_.-]/gu;

function asName(id: string): string {
  const name = id.replace(NOT_NAME_CHAR, '_');
  return /^[\p{L}_]/u.test(name) ? name : `_${name}`;
}

function decodeFragment(href: string): string {
  try {
    return decodeURIComponent(href.slice(1));
  } catch {
    return href.slice(1); // a stray "%": the fragment is taken as written
  }
}

/**
 * Makes every id in `root` a unique XML name and points `#fragment` links at the new ids. A link to a
 * repeated id goes to its first element, as it did in the browser; a link to an id the article does
 * not have loses its href (epubcheck rejects it) and keeps its text.
 */
export function fixIds(root: DocumentFragment): void {
  const taken = new Set<string>();
  const renamed = new Map<string, string>();
  // First pass: ids that are valid names keep them, once. Second: repeats and invalid ids get a free name.
  const rest: Element[] = [];
  for (const el of Array.from(root.querySelectorAll('[id]'))) {
    const id = el.getAttribute('id')!;
    if (asName(id) !== id || taken.has(id)) rest.push(el);
    else {
      taken.add(id);
      renamed.set(id, id);
    }
  }
  for (const el of rest) {
    const id = el.getAttribute('id')!;
    const base = asName(id);
    let name = base;
    for (let n = 2; taken.has(name); n++) name = `${base}-${n}`;
    taken.add(name);
    if (!renamed.has(id)) renamed.set(id, name);
    el.setAttribute('id', name);
  }
  for (const a of Array.from(root.querySelectorAll('a[href^="#"]'))) {
    const target = renamed.get(decodeFragment(a.getAttribute('href')!));
    if (target) a.setAttribute('href', `#${target}`);
    else a.removeAttribute('href');
  }
}
