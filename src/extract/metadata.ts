/** Metadata Readability does not give (or gives only sometimes), read from the page's own markup. */

/** The page's <meta> tags by property, name and itemprop (the first of each wins, as a selector would pick it). */
export type MetaIndex = Map<string, string>;

export function indexMetas(metas: Iterable<Element>): MetaIndex {
  const index: MetaIndex = new Map();
  for (const el of metas) {
    const content = el.getAttribute('content') ?? '';
    for (const attr of ['property', 'name', 'itemprop']) {
      const key = el.getAttribute(attr);
      if (key && !index.has(key)) index.set(key, content);
    }
  }
  return index;
}

/** One lookup table instead of a selector query per name (each one a scan of the whole page). */
export function meta(source: Document | MetaIndex, ...names: string[]): string | null {
  const index = source instanceof Map ? source : indexMetas(Array.from(source.getElementsByTagName('meta')));
  for (const name of names) {
    const content = index.get(name)?.trim();
    if (content) return content;
  }
  return null;
}

/** ISO 8601 string for a date the page states, or null if it does not parse. */
export function normalizeDate(value: string | null | undefined): string | null {
  if (!value) return null;
  const time = Date.parse(value.trim());
  return Number.isNaN(time) ? null : new Date(time).toISOString();
}

/** Published date: Readability's (JSON-LD, article:published_time) first, then other common markup. */
export function findPublishedTime(doc: Document, fromReadability: string | null | undefined, metas: MetaIndex | Document = doc): string | null {
  return (
    normalizeDate(fromReadability) ??
    normalizeDate(meta(metas, 'article:published_time', 'datePublished', 'date', 'dc.date', 'DC.date.issued', 'pubdate')) ??
    normalizeDate(doc.querySelector('[itemprop="datePublished"]')?.getAttribute('datetime')) ??
    normalizeDate(doc.querySelector('article time[datetime], time[pubdate][datetime]')?.getAttribute('datetime'))
  );
}

function httpUrl(value: string | null | undefined, baseUrl: string): string | null {
  if (!value) return null;
  try {
    const url = new URL(value.trim(), baseUrl);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
  } catch {
    return null;
  }
}

/** Lead image: the page's social-card image, else the first image of the article. */
export function findLeadImage(doc: Document, content: Element, baseUrl: string, metas: MetaIndex | Document = doc): string | null {
  return (
    httpUrl(meta(metas, 'og:image', 'og:image:url', 'twitter:image', 'twitter:image:src'), baseUrl) ??
    httpUrl(content.querySelector('img[src]')?.getAttribute('src'), baseUrl)
  );
}

/** The page's canonical URL, when it is http(s) and on the same site as the tab (a page may not claim another site's URL). */
export function findCanonicalUrl(doc: Document, tabUrl: string, link: Element | null = doc.querySelector('link[rel~="canonical"]')): string | undefined {
  const canonical = httpUrl(link?.getAttribute('href'), tabUrl);
  if (!canonical) return undefined;
  const site = (u: string) => new URL(u).hostname.replace(/^www\./, '');
  return site(canonical) === site(tabUrl) ? canonical : undefined;
}

export function normalizeDir(value: string | null | undefined): 'ltr' | 'rtl' | null {
  const dir = value?.trim().toLowerCase();
  return dir === 'rtl' || dir === 'ltr' ? dir : null;
}

/** The article's language: Readability's answer, else <html lang>, else the content-language meta. */
export function findLang(doc: Document, fromReadability: string | null | undefined, metas: MetaIndex | Document = doc): string | null {
  const lang = fromReadability || doc.documentElement?.getAttribute('lang') || meta(metas, 'og:locale', 'language');
  const cleaned = lang?.trim().replace(/_/g, '-');
  return cleaned && /^[a-z]{2,3}(-[a-z0-9]{2,8})*$/i.test(cleaned) ? cleaned : null;
}
