import { elementsUnder } from './walk';

/**
 * In-page links (footnotes `#fn1`, their back-references `#fnref1`, a table of contents) keep working
 * in the reader: a link whose fragment names an element of the article becomes `#fragment` again.
 * Readability resolves links against the page's base (`https://cdn.site/#fn1` when the page has a
 * <base>), and a link that leaves the reader for the page is not a footnote. Old-style targets
 * (`<a name="fn1">`) get the id a fragment looks for. The sanitizer prefixes ids and these hrefs alike.
 * Fragment links whose target is not in the article stay links to the page, where the target is.
 * Ids no link points at are dropped.
 */
/** `pageUrls`: the tab's URL first, then the page's base (Readability resolves against either). */
export function keepInPageLinks(content: Element, pageUrls: [tabUrl: string, ...bases: string[]]): void {
  const withId: Element[] = [];
  const links: Element[] = [];
  for (const el of elementsUnder(content)) {
    if (el.tagName === 'A' && el.hasAttribute('name') && !el.id) el.id = el.getAttribute('name') ?? '';
    if (el.id) withId.push(el);
    if (el.tagName === 'A' && el.hasAttribute('href')) links.push(el);
  }
  const ids = new Set(withId.map((el) => el.id));
  const pages = new Set(pageUrls.map(withoutFragment));
  const targets = new Set<string>();
  for (const link of links) {
    const fragment = inPageFragment(link.getAttribute('href') ?? '', pages);
    if (fragment === null) continue;
    if (ids.has(fragment)) targets.add(fragment);
    // Not in the article: the link goes to the page, where its target is.
    link.setAttribute('href', ids.has(fragment) ? `#${encodeURI(fragment)}` : `${withoutFragment(pageUrls[0])}#${encodeURI(fragment)}`);
  }
  // The other ids are page styling and script hooks: nothing in the reader needs them.
  for (const el of withId) if (!targets.has(el.id)) el.removeAttribute('id');
}

function withoutFragment(url: string): string {
  return url.replace(/#.*$/, '');
}

/** The decoded fragment when `href` points into the page itself (`#x`, or the page's URL + `#x`). */
function inPageFragment(href: string, pages: Set<string>): string | null {
  const hash = href.indexOf('#');
  if (hash < 0 || hash === href.length - 1) return null;
  if (hash > 0 && !pages.has(absolute(href.slice(0, hash)))) return null;
  try {
    return decodeURIComponent(href.slice(hash + 1));
  } catch {
    return href.slice(hash + 1);
  }
}

function absolute(url: string): string {
  try {
    return new URL(url).href;
  } catch {
    return url;
  }
}
