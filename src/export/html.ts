/**
 * One article as a self-contained HTML file: inline CSS, no script can run (CSP), metadata set as
 * text, body sanitized. Needs a DOM (an extension page).
 */
import { sanitizeToFragment } from '../sanitize/sanitize';
import { EXPORT_CSS } from './html-styles';
import { cleanText } from './text';
import { markHighlights } from './highlights-marks';
import type { Exportable } from './types';

// No script, no plugin, no form, no base; images and media may load from the web (the file has no
// copy of them), styles only from the inline block.
export const EXPORT_CSP =
  "default-src 'none'; script-src 'none'; object-src 'none'; base-uri 'none'; form-action 'none'; " +
  "img-src http: https: data:; media-src http: https:; style-src 'unsafe-inline'";

export interface HtmlExportOptions {
  /** Label before the source link in the footer (from the UI's locale). */
  sourceLabel?: string;
}

/** The complete HTML file (doctype included) for `article`. */
export function articleToHtml(article: Exportable, options: HtmlExportOptions = {}): string {
  const doc = document.implementation.createHTMLDocument('');
  const html = doc.documentElement;
  if (article.lang && /^[a-z]{2,3}(-[a-z0-9]{1,8})*$/i.test(article.lang)) html.lang = article.lang;
  if (article.dir) html.dir = article.dir;
  fillHead(doc, article);
  doc.body.append(header(doc, article));
  const main = el(doc, 'main');
  const body = sanitizeToFragment(article.content, article.url);
  markHighlights(body, article.highlights);
  main.append(doc.importNode(body, true));
  doc.body.append(main, footer(doc, article, options.sourceLabel ?? 'Source:'));
  return `<!DOCTYPE html>\n${html.outerHTML}\n`;
}

function fillHead(doc: Document, article: Exportable): void {
  doc.head.replaceChildren(); // createHTMLDocument's <title> goes: the CSP must come first
  const csp = el(doc, 'meta') as HTMLMetaElement;
  csp.httpEquiv = 'Content-Security-Policy';
  csp.content = EXPORT_CSP;
  const charset = el(doc, 'meta');
  charset.setAttribute('charset', 'utf-8');
  const referrer = meta(doc, 'referrer', 'no-referrer');
  const viewport = meta(doc, 'viewport', 'width=device-width, initial-scale=1');
  doc.head.append(charset, csp, referrer, viewport, el(doc, 'title', article.title), el(doc, 'style', EXPORT_CSS));
  if (article.byline) doc.head.append(meta(doc, 'author', article.byline));
}

function header(doc: Document, article: Exportable): HTMLElement {
  const head = el(doc, 'header');
  head.append(el(doc, 'h1', article.title));
  const line = [article.byline, article.siteName, article.publishedTime?.slice(0, 10)].filter(Boolean).join(' · ');
  if (line) head.append(el(doc, 'p', line, 'meta'));
  return head;
}

function footer(doc: Document, article: Exportable, label: string): HTMLElement {
  const foot = el(doc, 'footer');
  const p = el(doc, 'p', `${label} `);
  p.append(webLink(doc, article.url));
  foot.append(p);
  return foot;
}

/** A link only for http(s) URLs; anything else is shown as inert text. */
function webLink(doc: Document, url: string): Node {
  if (!/^https?:\/\//i.test(url)) return doc.createTextNode(url);
  const a = el(doc, 'a', url) as HTMLAnchorElement;
  a.href = url;
  return a;
}

function el(doc: Document, tag: string, text?: string, className?: string): HTMLElement {
  const node = doc.createElement(tag);
  if (text !== undefined) node.textContent = cleanText(text);
  if (className) node.className = className;
  return node;
}

function meta(doc: Document, name: string, content: string): HTMLMetaElement {
  const node = el(doc, 'meta') as HTMLMetaElement;
  node.name = name;
  node.content = content;
  return node;
}
