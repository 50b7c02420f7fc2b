import { scanPage, type PageScan } from './scan';

/**
 * Lazy-loading sites keep the real image URL in data attributes or a <noscript> copy and show a
 * placeholder until a script swaps it in. Readability sees the placeholder, so resolve them first.
 */
const SRC_ATTRS = ['data-src', 'data-lazy-src', 'data-original', 'data-url', 'data-hi-res-src', 'data-lazy'];
const SRCSET_ATTRS = ['data-srcset', 'data-lazy-srcset'];
const IMAGE_URL = /^\s*(https?:\/\/|\/\/|\/|\.{0,2}\/?[\w%-]+[\w./%-]*\.(jpe?g|png|gif|webp|avif))/i;

/** True when `src` is a placeholder: missing, a tiny data: URI, or a known blank gif. */
function isPlaceholder(src: string | null): boolean {
  if (!src || !src.trim()) return true;
  if (/^data:/i.test(src)) return src.length < 200 || /^data:image\/(svg|gif)/i.test(src);
  return /(^|\/)(blank|spacer|placeholder|pixel|transparent|lazy[\w-]*)\.(gif|png|svg)/i.test(src);
}

function firstAttr(el: Element, names: string[]): string | null {
  for (const name of names) {
    const value = el.getAttribute(name);
    if (value && value.trim()) return value.trim();
  }
  return null;
}

function resolveElement(el: Element): void {
  const lazySrc = firstAttr(el, SRC_ATTRS);
  if (lazySrc && IMAGE_URL.test(lazySrc) && (el.tagName !== 'IMG' || isPlaceholder(el.getAttribute('src')))) {
    el.setAttribute('src', lazySrc);
  }
  const lazySrcset = firstAttr(el, SRCSET_ATTRS);
  if (lazySrcset && !el.getAttribute('srcset')) el.setAttribute('srcset', lazySrcset);
}

/**
 * The one image inside a <noscript>, or null. With scripting on (a browser) its content is raw text
 * and is parsed; with scripting off (jsdom) it is already elements, used as they are.
 */
function onlyImage(noscript: Element, doc: Document): Element | null {
  let holder: Element | null = noscript;
  if (!noscript.children.length) {
    // Parsed apart from the page: a DOMParser document has no browsing context and loads nothing.
    const Parser = doc.defaultView?.DOMParser ?? (globalThis as { DOMParser?: typeof DOMParser }).DOMParser;
    holder = Parser ? new Parser().parseFromString(noscript.textContent ?? '', 'text/html').body : null;
  }
  const images = holder?.getElementsByTagName('img');
  const image = images?.length === 1 ? images.item(0) : null;
  return image ? doc.adoptNode(image) : null;
}

/**
 * Replace a placeholder <img> directly before a <noscript> with the image inside it, or unwrap the
 * <noscript> image when there is no placeholder at all (some sites ship only the <noscript> copy).
 */
function resolveNoscript(noscript: Element, doc: Document): void {
  const real = onlyImage(noscript, doc);
  if (!real) return;
  const prev = noscript.previousElementSibling;
  const placeholder = prev?.tagName === 'IMG' ? prev : prev?.querySelector?.('img');
  if (placeholder && isPlaceholder(placeholder.getAttribute('src')) && !firstAttr(placeholder, SRC_ATTRS)) {
    placeholder.replaceWith(real);
    noscript.remove();
  } else if (!placeholder) {
    noscript.replaceWith(real);
  }
}

/**
 * Resolve lazy images in `doc` in place. `scan` (scan.ts) lists only the images and sources that have
 * data- attributes, where every lazy source lives: most images have none.
 */
export function resolveLazyImages(doc: Document, scan: PageScan = scanPage(doc)): void {
  scan.lazy.forEach(resolveElement);
  // Only a <noscript> that holds an image is worth re-parsing (pages have dozens for trackers). The
  // others go: Readability would parse each of them again looking for an image, then remove them all.
  scan.noscripts.forEach((ns) => {
    if (!ns.isConnected) return;
    if (ns.querySelector('img') || /<img[\s>]/i.test(ns.textContent ?? '')) resolveNoscript(ns, doc);
    else ns.remove();
  });
}
