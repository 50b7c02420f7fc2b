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

export function makeUrlsAbsolute(root: Element, baseUrl: string): void {
  for (const [tag, attr] of URL_ATTRS) {
    root.querySelectorAll(`${tag}[${attr}]`).forEach((el) => {
      const value = el.getAttribute(attr) ?? '';
      // In-page anchors stay as they are: they point inside the article.
      if (attr === 'href' && value.startsWith('#')) return;
      const abs = absolute(value, baseUrl);
      if (abs) el.setAttribute(attr, abs);
      else el.removeAttribute(attr);
    });
  }
  root.querySelectorAll('img[srcset], source[srcset]').forEach((el) => {
    el.setAttribute('srcset', absoluteSrcset(el.getAttribute('srcset') ?? '', baseUrl));
  });
}

/** The document's base for relative URLs: its <base href> when that is http(s), else the tab URL. */
export function documentBase(doc: Document, tabUrl: string, baseElement: Element | null = doc.querySelector('base[href]')): string {
  const href = baseElement?.getAttribute('href');
  const base = href ? absolute(href, tabUrl) : null;
  return base && /^https?:/i.test(base) ? base : tabUrl;
}
