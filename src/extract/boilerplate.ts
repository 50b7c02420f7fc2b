/**
 * Site furniture that sits inside the article container, where Readability keeps it: newsletter sign-up
 * boxes and ad slots. Removed from the cloned document before Readability scores it. Signals are
 * structural (class/id tokens, an e-mail field), not words of any one language.
 */
const AD_TOKEN = /(^|[\s_-])(ad|ads|advert|advertisement|advertising|adslot|ad-?slot|ad-?label|ad-?wrap|ad-?container|dfp|gpt-ad|sponsored)([\s_-]|$)/i;
const NEWSLETTER_TOKEN = /newsletter|subscribe|subscription|sign-?up|optin|opt-in/i;
/** Furniture is short: never remove a block holding more text than this. */
const MAX_FURNITURE_CHARS = 400;

const tokens = (el: Element) => `${el.getAttribute('class') ?? ''} ${el.id}`;
const textLength = (el: Element) => (el.textContent ?? '').replace(/\s+/g, ' ').trim().length;

function isAdSlot(el: Element): boolean {
  return AD_TOKEN.test(tokens(el)) && textLength(el) < 100;
}

/** A sign-up box: a form asking for an e-mail address, or a block named like one, with little text. */
function isNewsletterBox(el: Element): boolean {
  if (textLength(el) > MAX_FURNITURE_CHARS) return false;
  return NEWSLETTER_TOKEN.test(tokens(el)) || (el.tagName !== 'FORM' && !!el.querySelector('form input[type="email"]'));
}

export function removeBoilerplate(doc: Document): void {
  const body = doc.body;
  if (!body) return;
  for (const el of Array.from(body.querySelectorAll('div, section, aside, span, p, form'))) {
    if (!el.isConnected) continue;
    if (isAdSlot(el) || isNewsletterBox(el)) el.remove();
  }
}
