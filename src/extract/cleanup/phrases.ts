import { guardedRemover, linkDensity, textLength } from './guard';
import { foldedText } from '../dom';

/**
 * Short blocks that announce boilerplate in words rather than in markup: "Mehr zum Thema", "Auch
 * interessant", "Read more", "À lire aussi" headings with their link lists, "Anzeige" labels and
 * "share this article" prompts. Matched only on short blocks and at their start, in the languages
 * of the pages Lectern is measured on (German, English, French, Italian, Spanish, Polish, Dutch).
 */
const RELATED = new RegExp(
  '^(mehr zum thema|mehr dazu|auch interessant|das könnte (sie|dich) (auch )?interessieren|das thema könnte (sie|dich) auch interessieren|' +
    'lesen sie (auch|hier|mehr)|weiterlesen|weitere (artikel|beiträge|themen|nachrichten)|ähnliche (artikel|beiträge)|verwandte (artikel|beiträge)|' +
    'zum weiterlesen|passend (dazu|zum thema)|vorschau auf den nächsten artikel|weitere informationen|weitere infos|weiterführende (links|informationen|artikel)|' +
    'siehe auch|mehr lesen|empfohlene (beiträge|artikel)|über den autor|über die autorin|das könnte (sie|dich) auch interessieren|' +
    'könnten (sie|dich) (auch|ebenfalls) interessieren|about the author|schon gelesen|artikel und videos zum thema|' +
    'inhaltsverzeichnis|table of contents|dowiedz się więcej|czytaj więcej|\\[czytaj więcej\\]|' +
    'related( (articles?|posts?|stories|content|coverage|reading))?|read (more|also|next)|more (on this|from|stories|articles)|' +
    'you (may|might) (also )?like|recommended( for you)?|further reading|see also|' +
    'à lire aussi|lire aussi|sur le même sujet|leggi anche|potrebbe interessarti|lee también|te puede interesar|' +
    'zobacz (też|także|również)|czytaj (też|także|również)|lees ook|meer over)(?![\\p{L}\\p{N}])',
  'iu',
);
const AD_LABEL = /^[\s\-–—|:*[\]()]*(anzeige|advertisement|advertising|werbung|sponsored|gesponsert|publicité|publicidad|pubblicità|reklama|advertentie|ad)[\s\-–—|:*[\]()]*$/i;
/** A label's first word in its own text node ("- Anzeige -" may be split around decoration). */
const AD_LABEL_START = /^[\s\-–—|:*[\]()]*(anzeige|advertisement|werbung|sponsored|gesponsert|publicité|publicidad|pubblicità|reklama)/i;
const SHARE = /^(vergrößern|bild vergrößern|enlarge|teilen|artikel teilen|diesen artikel teilen|den artikel mit anderen teilen|möchten sie (den|diesen) artikel teilen|share( this)?( (article|story|post|page))?|partager|condividi|compartir|udostępnij|war (der|dieser) artikel (nützlich|hilfreich))(?![\p{L}\p{N}])/iu;

const BLOCKS = 'h1, h2, h3, h4, h5, h6, p, div, li, span, strong, b, small, center, section, header';
const MAX_LABEL_CHARS = 90;

/** The next element sibling that carries text, skipping empty wrappers. */
function nextWithText(el: Element): Element | null {
  let next = el.nextElementSibling;
  while (next && !textLength(next) && !next.querySelector('img')) next = next.nextElementSibling;
  return next;
}

/** Remove a "related" heading and the link list that follows it (lists, or runs of link-only lines). */
function removeRelated(el: Element, remove: (el: Element) => boolean): void {
  let next = nextWithText(el);
  const heading = /^H\d$/.test(el.tagName) || el.tagName === 'STRONG' || el.tagName === 'B';
  const host = heading && el.parentElement?.tagName === 'P' && foldedText(el.parentElement) === foldedText(el) ? el.parentElement : el;
  if (host !== el) next = nextWithText(host);
  remove(host);
  while (next && linkDensity(next) > 0.5 && !/^H\d$/.test(next.tagName)) {
    const after = nextWithText(next);
    remove(next);
    next = after;
  }
}

/** A phrase starts some text node: a cheap test on short strings that spares measuring every block. */
function startsWithPhrase(text: string): boolean {
  const t = text.trim();
  return t.length > 0 && t.length <= MAX_LABEL_CHARS && (RELATED.test(t) || SHARE.test(t) || AD_LABEL.test(t) || AD_LABEL_START.test(t));
}

/** The outermost block around `node` whose whole text is still short (the label's own box). */
function labelBlock(node: Node, root: Element): Element | null {
  let found: Element | null = null;
  for (let el = node.parentElement; el && el !== root; el = el.parentElement) {
    if (!el.matches(BLOCKS)) continue;
    if (foldedText(el).length > MAX_LABEL_CHARS) break;
    found = el;
  }
  return found;
}

export function removeAnnouncedBoilerplate(root: Element): void {
  const remove = guardedRemover(root);
  const walker = root.ownerDocument.createTreeWalker(root, 4 /* NodeFilter.SHOW_TEXT */);
  const hits: Node[] = [];
  for (let node = walker.nextNode(); node; node = walker.nextNode()) if (startsWithPhrase(node.nodeValue ?? '')) hits.push(node);
  for (const node of hits) {
    const el = labelBlock(node, root);
    if (!el || !root.contains(el)) continue;
    const text = foldedText(el);
    if (AD_LABEL.test(text) || SHARE.test(text)) remove(el);
    else if (RELATED.test(text)) removeRelated(el, remove);
  }
}
