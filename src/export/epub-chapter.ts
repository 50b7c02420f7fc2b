/**
 * One article as an EPUB XHTML chapter. The body is the sanitized fragment, reshaped for EPUB,
 * imported into a real XHTML document and written by XMLSerializer: well-formed by construction.
 */
import { sanitizeToFragment } from '../sanitize/sanitize';
import { prepareForEpub, type ImagePlacer } from './epub-content';
import { cleanText } from './text';
import type { Exportable } from './types';
import { escapeXml, languageTag, xmlChars } from './xml';

const XHTML_NS = 'http://www.w3.org/1999/xhtml';

export function chapterXhtml(article: Exportable, placeImage: ImagePlacer, fallbackTitle: string): string {
  const lang = languageTag(article.lang) ?? 'und';
  const title = chapterTitle(article, fallbackTitle);
  const skeleton = `<html xmlns="${XHTML_NS}" lang="${lang}" xml:lang="${lang}"><head><title>${escapeXml(title)}</title>` +
    '<link rel="stylesheet" type="text/css" href="style.css"/></head><body/></html>';
  const doc = new DOMParser().parseFromString(skeleton, 'application/xhtml+xml');
  const body = doc.getElementsByTagNameNS(XHTML_NS, 'body')[0] ?? doc.documentElement;
  if (article.dir) body.setAttribute('dir', article.dir);
  body.append(header(doc, article, title));
  const fragment = sanitizeToFragment(article.content, article.url);
  prepareForEpub(fragment, placeImage);
  body.append(doc.importNode(fragment, true));
  const xml = new XMLSerializer().serializeToString(doc.documentElement);
  return `<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE html>\n${xmlChars(xml)}\n`;
}

export function chapterTitle(article: Exportable, fallbackTitle: string): string {
  return cleanText(article.title).replace(/\s+/g, ' ').trim() || fallbackTitle;
}

function header(doc: Document, article: Exportable, title: string): Element {
  const head = xhtml(doc, 'header');
  head.append(xhtml(doc, 'h1', title));
  const line = [article.byline, article.siteName, article.publishedTime?.slice(0, 10)].filter(Boolean).join(' · ');
  if (line) head.append(xhtml(doc, 'p', cleanText(line), 'meta'));
  const url = webUrl(article.url);
  if (url) {
    const p = xhtml(doc, 'p', undefined, 'meta');
    const a = xhtml(doc, 'a', url);
    a.setAttribute('href', url);
    p.append(a);
    head.append(p);
  }
  return head;
}

function xhtml(doc: Document, tag: string, text?: string, className?: string): Element {
  const el = doc.createElementNS(XHTML_NS, tag);
  if (text !== undefined) el.textContent = xmlChars(text);
  if (className) el.setAttribute('class', className);
  return el;
}

/** The URL in the form the URL parser writes it (percent-encoded), when it is a web URL. */
export function webUrl(url: string): string | null {
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed.href : null;
  } catch {
    return null;
  }
}
