/**
 * The one sanitizer for article HTML. Every `dangerouslySetInnerHTML` takes its output.
 * Needs a DOM (extension page, content script, or jsdom): the Chrome MV3 service worker has none.
 */
import DOMPurify, { type DOMPurify as Purifier, type UponSanitizeAttributeHookEvent } from 'dompurify';
import { ID_PREFIX, PURIFY_CONFIG, URL_ATTRS } from './config';
import { safeSrcset, safeUrl, webBase, type UrlKind } from './urls';

/** Sanitizes untrusted article HTML; relative URLs resolve against `baseUrl` or are dropped. */
export function sanitize(html: string, baseUrl?: string): string {
  return purifierFor(window, baseUrl).sanitize(html, PURIFY_CONFIG);
}

/** `sanitize` with another window's DOM (Node tools run it in a jsdom window). */
export function sanitizeIn(win: Window, html: string, baseUrl?: string): string {
  return purifierFor(win, baseUrl).sanitize(html, PURIFY_CONFIG);
}

/** Same rules as `sanitize`, returned as a fragment owned by the current document. */
export function sanitizeToFragment(html: string, baseUrl?: string): DocumentFragment {
  return purifierFor(window, baseUrl).sanitize(html, { ...PURIFY_CONFIG, RETURN_DOM_FRAGMENT: true });
}

/**
 * A fresh DOMPurify instance per call, bound to the current window. Hooks are global to an
 * instance and ours close over `baseUrl`, so sharing one instance would let one call's base URL
 * (or a hook added elsewhere) leak into the next call; a throwaway instance cannot.
 */
function purifierFor(win: Window, baseUrl?: string): Purifier {
  const purifier = DOMPurify(win as unknown as Parameters<typeof DOMPurify>[0]);
  const base = webBase(baseUrl);
  purifier.addHook('uponSanitizeAttribute', (node, data) => checkAttribute(node, data, base));
  purifier.addHook('afterSanitizeAttributes', (node) => finishElement(node));
  return purifier;
}

function checkAttribute(el: Element, data: UponSanitizeAttributeHookEvent, base: URL | null): void {
  const tag = el.nodeName.toLowerCase();
  if (data.attrName === 'class') return keepOrDrop(data, languageClass(tag, data.attrValue));
  if (!URL_ATTRS.has(data.attrName)) return;
  if (data.attrName === 'href' && tag === 'a' && data.attrValue.startsWith('#')) return keepOrDrop(data, inPageHref(data.attrValue));
  if (data.attrName === 'srcset') {
    return keepOrDrop(data, tag === 'img' || tag === 'source' ? safeSrcset(data.attrValue, base) : null);
  }
  const kind = urlKind(tag, data.attrName);
  keepOrDrop(data, kind ? safeUrl(data.attrValue, kind, base) : null);
}

/** Which URL rule applies to an attribute on a tag; null when the pair is not allowed at all. */
function urlKind(tag: string, attr: string): UrlKind | null {
  if (attr === 'href') return tag === 'a' ? 'link' : null;
  if (attr === 'poster') return tag === 'video' ? 'media' : null;
  if (tag === 'img') return 'image';
  return tag === 'video' || tag === 'audio' || tag === 'source' ? 'media' : null;
}

/** Code highlighting needs `language-xyz` on code/pre; every other class is page styling we drop. */
function languageClass(tag: string, value: string): string | null {
  if (tag !== 'code' && tag !== 'pre') return null;
  const kept = value.split(/\s+/).filter((c) => /^language-[\w+#.-]+$/.test(c));
  return kept.length ? kept.join(' ') : null;
}

/**
 * A link to an element of the article (a footnote, its back-reference) stays in the reader. Ids are
 * prefixed by DOMPurify (SANITIZE_NAMED_PROPS), so that the page cannot clobber the reader's globals
 * or ids; the href gets the same prefix. A bare `#` leads nowhere and is dropped.
 */
function inPageHref(value: string): string | null {
  const fragment = value.slice(1);
  if (!fragment) return null;
  return fragment.startsWith(ID_PREFIX) ? value : `#${ID_PREFIX}${fragment}`;
}

function keepOrDrop(data: UponSanitizeAttributeHookEvent, value: string | null): void {
  if (value === null) data.keepAttr = false;
  else data.attrValue = value;
}

function finishElement(el: Element): void {
  const tag = el.nodeName.toLowerCase();
  if (tag === 'a' && el.hasAttribute('href') && !el.getAttribute('href')?.startsWith('#')) {
    // Links leave the reader: a new tab, and no window.opener / Referer pointing back at it.
    el.setAttribute('target', '_blank');
    el.setAttribute('rel', 'noopener noreferrer');
  } else if (tag === 'video' || tag === 'audio') {
    // The reader never plays or downloads media on its own: the user starts it.
    el.setAttribute('controls', '');
    el.setAttribute('preload', 'none');
  }
}
