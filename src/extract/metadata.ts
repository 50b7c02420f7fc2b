/** Metadata Readability does not give (or gives only sometimes), read from the page's own markup. */

function meta(doc: Document, ...names: string[]): string | null {
  for (const name of names) {
    const el = doc.querySelector(`meta[property="${name}"], meta[name="${name}"], meta[itemprop="${name}"]`);
    const content = el?.getAttribute('content')?.trim();
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
export function findPublishedTime(doc: Document, fromReadability: string | null | undefined): string | null {
  return (
    normalizeDate(fromReadability) ??
    normalizeDate(meta(doc, 'article:published_time', 'datePublished', 'date', 'dc.date', 'DC.date.issued', 'pubdate')) ??
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
export function findLeadImage(doc: Document, content: Element, baseUrl: string): string | null {
  return (
    httpUrl(meta(doc, 'og:image', 'og:image:url', 'twitter:image', 'twitter:image:src'), baseUrl) ??
    httpUrl(content.querySelector('img[src]')?.getAttribute('src'), baseUrl)
  );
}

/** The page's canonical URL, when it is http(s) and on the same site as the tab (a page may not claim another site's URL). */
export function findCanonicalUrl(doc: Document, tabUrl: string): string | undefined {
  const canonical = httpUrl(doc.querySelector('link[rel~="canonical"]')?.getAttribute('href'), tabUrl);
  if (!canonical) return undefined;
  const site = (u: string) => new URL(u).hostname.replace(/^www\./, '');
  return site(canonical) === site(tabUrl) ? canonical : undefined;
}

export function normalizeDir(value: string | null | undefined): 'ltr' | 'rtl' | null {
  const dir = value?.trim().toLowerCase();
  return dir === 'rtl' || dir === 'ltr' ? dir : null;
}

/** The article's language: Readability's answer, else <html lang>, else the content-language meta. */
export function findLang(doc: Document, fromReadability: string | null | undefined): string | null {
  const lang = fromReadability || doc.documentElement.getAttribute('lang') || meta(doc, 'og:locale', 'language');
  const cleaned = lang?.trim().replace(/_/g, '-');
  return cleaned && /^[a-z]{2,3}(-[a-z0-9]{2,8})*$/i.test(cleaned) ? cleaned : null;
}
