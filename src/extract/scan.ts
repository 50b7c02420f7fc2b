import { isDeclaredBody } from './declared-body';
import { isPageFurniture } from './furniture';
import { isUnreadable } from './unreadable';

/**
 * One walk over the page that finds everything the pre-passes need (lazy images, named furniture,
 * sign-up forms, headline neighbours, meta tags). In jsdom each whole-document selector query was a
 * scan of its own that wrapped every element (~3–9 ms a page each, 20–30 % of Readability's time on
 * the benchmark); a browser is faster, but still pays one pass per query.
 */
export interface PageScan {
  /** Elements on the page (below <html>). */
  elements: number;
  /** Blocks whose class or id could name furniture (ads, newsletters, author boxes): tested later. */
  named: Element[];
  emailInputs: Element[];
  /** <img>/<source> with data- attributes (where lazy loaders keep the real URL). */
  lazy: Element[];
  noscripts: Element[];
  h1s: Element[];
  headers: Element[];
  descriptions: Element[];
  /** Blocks the page marks as its article body (declared-body.ts). */
  declaredBodies: Element[];
  metas: Element[];
  /** <figure>s (captioned ones are copied: Readability may drop them). */
  figures: Element[];
  /** <script type="application/ld+json"> (Readability removes scripts; the author is read from these). */
  jsonLd: Element[];
  /** The first <link rel=canonical> and <base href>. */
  canonical: Element | null;
  base: Element | null;
}

/** Any name that could match one of the furniture tests: one cheap regex rules out almost every block. */
const MAYBE_FURNITURE = /ad|dfp|sponsor|newsletter|subscri|sign-?up|opt-?in|author/i;
const NAMED_TAGS = new Set(['DIV', 'SECTION', 'ASIDE', 'SPAN', 'P', 'FORM']);
/** Intro blocks after the headline (standfirst.ts decides): named so, not images or teaser cards. */
const DEK_NAME = /(^|[\s_-])(intro|introduction|lead|leader|leadtext|standfirst|dek|summary|abstract|chapo|vorspann|subtitle|teaser-text)([\s_-]|$)/i;
const NOT_DEK = /image|img|photo|media|figure|video|card|item|list/i;
const BODY_TAGS = new Set(['DIV', 'SECTION', 'ARTICLE', 'MAIN', 'TD']);

function hasDataAttribute(el: Element): boolean {
  for (const attr of el.attributes) if (attr.name.startsWith('data-')) return true;
  return false;
}

function visit(el: Element, tag: string, scan: PageScan): void {
  // Most elements carry no attribute at all, and only the tag-only lists below can want them.
  const attributed = el.hasAttributes();
  if (attributed && BODY_TAGS.has(tag) && isDeclaredBody(el)) scan.declaredBodies.push(el);
  // A standfirst marked `itemprop="description"` sits on a <p>, <div> or <h2>.
  if (NAMED_TAGS.has(tag)) {
    if (!attributed) return;
    const names = `${el.getAttribute('class') ?? ''} ${el.id}`;
    if (MAYBE_FURNITURE.test(names)) scan.named.push(el);
    if ((tag === 'P' || tag === 'DIV') && (el.getAttribute('itemprop') === 'description' || (scan.h1s.length > 0 && DEK_NAME.test(names) && !NOT_DEK.test(names)))) {
      scan.descriptions.push(el);
    }
  } else if (tag === 'IMG' || tag === 'SOURCE') {
    if (attributed && hasDataAttribute(el)) scan.lazy.push(el);
  } else if (tag === 'INPUT') {
    if ((el.getAttribute('type') ?? '').toLowerCase() === 'email') scan.emailInputs.push(el);
  } else if (tag === 'NOSCRIPT') scan.noscripts.push(el);
  else if (tag === 'H1') scan.h1s.push(el);
  else if (tag === 'HEADER') scan.headers.push(el);
  else if (tag === 'META') scan.metas.push(el);
  else if (tag === 'FIGURE') scan.figures.push(el);
  else if (tag === 'SCRIPT') {
    if (/ld\+json/i.test(el.getAttribute('type') ?? '')) scan.jsonLd.push(el);
  }
  else if (tag === 'LINK') {
    if (!scan.canonical && /(^|\s)canonical(\s|$)/i.test(el.getAttribute('rel') ?? '')) scan.canonical = el;
  } else if (tag === 'BASE') {
    if (!scan.base && el.hasAttribute('href')) scan.base = el;
  }
  else if (tag === 'H2' && el.getAttribute('itemprop') === 'description') scan.descriptions.push(el);
}

/**
 * Walk `doc` once, in document order, by element links (no selector engine, no live collections), and
 * remove what the reader can never show (unreadable.ts): Readability, which caches and re-parses the
 * page on each retry, and every later pass then work on a smaller page.
 */
export function scanPage(doc: Document): PageScan {
  const scan: PageScan = { elements: 0, named: [], emailInputs: [], lazy: [], noscripts: [], h1s: [], headers: [], descriptions: [], declaredBodies: [], metas: [], figures: [], jsonLd: [], canonical: null, base: null };
  const root = doc.documentElement;
  let el: Element | null = root?.firstElementChild ?? null;
  while (el) {
    scan.elements++;
    const tag = el.tagName;
    const gone = el.parentElement !== root && (isUnreadable(el, tag) || isPageFurniture(el, tag));
    // Nothing is looked for inside what goes (or inside an <svg>): count it, do not walk it.
    let next: Element | null = null;
    if (gone || tag === 'svg') scan.elements += el.getElementsByTagName('*').length;
    else {
      visit(el, tag, scan);
      next = el.firstElementChild;
    }
    let from: Element | null = el;
    while (!next && from && from !== root) {
      next = from.nextElementSibling;
      if (!next) from = from.parentElement;
    }
    if (gone) el.remove();
    el = next;
  }
  return scan;
}
