import { scanPage, type PageScan } from './scan';
import { foldedText } from './dom';

/**
 * Site furniture that sits inside the article container, where Readability keeps it: newsletter sign-up
 * boxes and ad slots. Removed from the cloned document before Readability scores it. Signals are
 * structural (class/id tokens, an e-mail field), not words of any one language.
 */
const AD_TOKEN = /(^|[\s_-])(ad|ads|advert|advertisement|advertising|adslot|ad-?slot|ad-?label|ad-?wrap|ad-?container|dfp|gpt-ad|sponsored)([\s_-]|$)/i;
const NEWSLETTER_TOKEN = /newsletter|subscribe|subscription|sign-?up|optin|opt-in/i;
/**
 * Author boxes are removed here, before Readability, and not only from its output: Readability replaces
 * a wrapper holding a single paragraph by that paragraph, and the wrapper's name goes with it.
 */
// Not `authorInfo`: Readability reads the byline from such blocks (cnet, msn lost theirs).
const AUTHOR_BOX_TOKEN = /author[-_]?(box|bio|description|card)|about[-_]?the[-_]?author/i;
/** Furniture is short: never remove a block holding more text than this. */
const MAX_FURNITURE_CHARS = 400;

const tokens = (el: Element) => `${el.getAttribute('class') ?? ''} ${el.id}`;
const textLength = (el: Element) => foldedText(el).length;

function isAdSlot(el: Element): boolean {
  return AD_TOKEN.test(tokens(el)) && textLength(el) < 100;
}

function isNamedFurniture(el: Element): boolean {
  const names = tokens(el);
  return (NEWSLETTER_TOKEN.test(names) || AUTHOR_BOX_TOKEN.test(names)) && textLength(el) <= MAX_FURNITURE_CHARS;
}

const BOX_TAGS = new Set(['DIV', 'SECTION', 'ASIDE', 'SPAN', 'P']);

/**
 * The box around an e-mail sign-up form: the outermost block above the form that still has little
 * text. Walking up from each form (instead of asking every block whether it holds one) keeps this
 * linear: text only grows going up, so the walk stops at the first block that is too long.
 */
function signupBox(form: Element): Element | null {
  let box: Element | null = null;
  for (let el = form.parentElement; el && el.tagName !== 'BODY'; el = el.parentElement) {
    if (!BOX_TAGS.has(el.tagName)) continue;
    if (textLength(el) > MAX_FURNITURE_CHARS) break;
    box = el;
  }
  return box;
}

/** `scan` is the page walk (scan.ts): only blocks whose names could match are measured. */
export function removeBoilerplate(doc: Document, scan: PageScan = scanPage(doc)): void {
  const body = doc.body;
  if (!body) return;
  for (const el of scan.named) {
    if (el.isConnected && body.contains(el) && (isAdSlot(el) || isNamedFurniture(el))) el.remove();
  }
  for (const input of scan.emailInputs) {
    const form = input.isConnected ? input.closest('form') : null;
    const box = form?.isConnected ? signupBox(form) : null;
    box?.remove();
  }
}
