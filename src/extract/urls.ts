/** Make every link and image URL in `root` absolute against `baseUrl`, so the reader (an extension page) never resolves them against itself. */
const URL_ATTRS: Array<[string, string]> = [
  ['a', 'href'],
  ['img', 'src'],
  ['source', 'src'],
  ['video', 'src'],
  ['video', 'poster'],
  ['audio', 'src'],
];

function absolute(value: string, baseUrl: string): string | null {
  try {
    return new URL(value.trim(), baseUrl).href;
  } catch {
    return null;
  }
}

/** Rewrite a srcset ("url 1x, url 2x") candidate by candidate. */
export function absoluteSrcset(srcset: string, baseUrl: string): string {
  return srcset
    .split(/,\s+(?=\S)/)
    .map((candidate) => {
      const [url, ...descriptor] = candidate.trim().split(/\s+/);
      const abs = url ? absolute(url, baseUrl) : null;
      return abs ? [abs, ...descriptor].join(' ') : '';
    })
    .filter(Boolean)
    .join(', ');
}

/** URL attributes by tag, from URL_ATTRS. */
const ATTRS_BY_TAG = new Map<string, string[]>();
for (const [tag, attr] of URL_ATTRS) ATTRS_BY_TAG.set(tag.toUpperCase(), [...(ATTRS_BY_TAG.get(tag.toUpperCase()) ?? []), attr]);

function rewrite(el: Element, baseUrl: string): void {
  for (const attr of ATTRS_BY_TAG.get(el.tagName) ?? []) {
    const value = el.getAttribute(attr);
    // In-page anchors stay as they are: they point inside the article.
    if (value === null || (attr === 'href' && value.startsWith('#'))) continue;
    const abs = absolute(value, baseUrl);
    if (abs) el.setAttribute(attr, abs);
    else el.removeAttribute(attr);
  }
  if ((el.tagName === 'IMG' || el.tagName === 'SOURCE') && el.hasAttribute('srcset')) {
    el.setAttribute('srcset', absoluteSrcset(el.getAttribute('srcset') ?? '', baseUrl));
  }
}

/** One walk over `root` by element links (seven selector queries cost more in jsdom than the rewriting). */
export function makeUrlsAbsolute(root: Element, baseUrl: string): void {
  let el = root.firstElementChild;
  while (el) {
    rewrite(el, baseUrl);
    let next = el.firstElementChild;
    for (let up: Element | null = el; !next && up && up !== root; up = up.parentElement) next = up.nextElementSibling;
    el = next;
  }
}

/** The document's base for relative URLs: its <base href> when that is http(s), else the tab URL. */
export function documentBase(doc: Document, tabUrl: string, baseElement: Element | null = doc.querySelector('base[href]')): string {
  const href = baseElement?.getAttribute('href');
  const base = href ? absolute(href, tabUrl) : null;
  return base && /^https?:/i.test(base) ? base : tabUrl;
}
