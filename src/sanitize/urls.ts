/**
 * URL rules for sanitized article HTML. Pure functions: the WHATWG URL parser does the
 * normalising, so we judge a URL exactly the way the browser will later interpret it.
 */

/** What a URL-bearing attribute is used for; each kind allows different schemes. */
export type UrlKind = 'link' | 'image' | 'media';

// Links may open web pages or compose mail; anything else (javascript:, data:, vbscript:,
// file:, chrome-extension:, blob: …) either runs code or reaches into places a page must not.
const LINK_PROTOCOLS = new Set(['http:', 'https:', 'mailto:']);
// Audio/video and posters are fetched as resources: web URLs only.
const WEB_PROTOCOLS = new Set(['http:', 'https:']);
// Raster data: images are inert and common for inlined thumbnails. SVG is excluded because an
// SVG document can carry script and external references.
const SAFE_DATA_IMAGE = /^data:image\/(?:png|gif|jpeg|jpg|webp|avif)[;,]/i;

/**
 * Only http(s) bases are honoured. A relative URL resolved against anything else (above all the
 * extension's own origin, which is the document's base on reader pages) would point into the
 * extension, so without a web base relative URLs are dropped instead.
 */
export function webBase(baseUrl?: string): URL | null {
  if (!baseUrl) return null;
  try {
    const base = new URL(baseUrl);
    return WEB_PROTOCOLS.has(base.protocol) ? base : null;
  } catch {
    return null;
  }
}

/**
 * Returns the absolute, normalised URL when `raw` is allowed for `kind`, else null.
 * `new URL` strips leading/trailing C0 controls and spaces and removes tabs/newlines inside the
 * scheme (`java\tscript:`), and lowercases the scheme — the same normalisation the browser
 * applies on navigation, so obfuscated schemes cannot slip past the check. Entities were already
 * decoded by the HTML parser before the attribute value reached us.
 */
export function safeUrl(raw: string, kind: UrlKind, base: URL | null): string | null {
  let url: URL;
  try {
    url = base ? new URL(raw, base) : new URL(raw);
  } catch {
    return null; // relative without a base, or unparseable
  }
  if (kind === 'link') return LINK_PROTOCOLS.has(url.protocol) ? url.href : null;
  if (WEB_PROTOCOLS.has(url.protocol)) return url.href;
  if (kind === 'image' && url.protocol === 'data:' && SAFE_DATA_IMAGE.test(url.href)) return url.href;
  return null;
}

/**
 * Splits a srcset into [url, descriptors] candidates (HTML spec's parsing, simplified): a URL runs to the
 * next whitespace, so a data: URL's commas do not split it. Also used by the saved reader's image policy.
 */
export function parseSrcset(srcset: string): Array<[string, string]> {
  const candidates: Array<[string, string]> = [];
  let i = 0;
  while (i < srcset.length) {
    while (i < srcset.length && /[\s,]/.test(srcset.charAt(i))) i++;
    const start = i;
    while (i < srcset.length && !/\s/.test(srcset.charAt(i))) i++;
    let url = srcset.slice(start, i);
    if (!url) break;
    let descriptors = '';
    if (url.endsWith(',')) {
      url = url.replace(/,+$/, ''); // "a.jpg," has no descriptors
    } else {
      const end = srcset.indexOf(',', i);
      descriptors = srcset.slice(i, end === -1 ? srcset.length : end).trim();
      i = end === -1 ? srcset.length : end + 1;
    }
    candidates.push([url, descriptors]);
  }
  return candidates;
}

/** Keeps only the srcset candidates whose URL is a safe image URL; null when none remain. */
export function safeSrcset(srcset: string, base: URL | null): string | null {
  const kept = parseSrcset(srcset)
    .map(([url, descriptors]) => [safeUrl(url, 'image', base), descriptors] as const)
    .filter(([url]) => url !== null)
    .map(([url, descriptors]) => (descriptors ? `${url} ${descriptors}` : `${url}`));
  return kept.length ? kept.join(', ') : null;
}
