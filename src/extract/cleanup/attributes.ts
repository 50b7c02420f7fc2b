import { guardedRemover, MAX_REMOVED_SHARE, textLength } from './guard';

/**
 * Boilerplate that sites label as such in class, id, role or aria-label: share bars, related-article
 * lists, newsletter boxes, ads, author boxes, comment sections, breadcrumbs, tag lists, post meta.
 * Readability's own "unlikely" test skips any block whose names also say "content" or "article"
 * (`related-content`, `article-share`), and it only applies while it chooses the container, not
 * inside it. Names are split into words (`mvp-author-box`, `TestReport__AuthorBox`,
 * `akismet_comment_form`) and matched word by word, so `shared` or `header` never match `share`/`ad`.
 * Not here: `nav`, `menu`, `widget`, `readmore` — ids of headings (`nav_section_2`), page builders
 * (`elementor-widget`) and collapsed text (`js_readmore`) use them for content.
 */
const WORDS = new Set([
  'share', 'shares', 'sharing', 'sharer', 'social', 'socials', 'sociallinks',
  'related', 'relatedposts', 'recommended', 'recommendations', 'recommendation', 'morelinks',
  'newsletter', 'subscribe', 'subscription', 'signup', 'abo', 'paywall', 'outbrain', 'taboola', 'plista',
  'author', 'authors', 'autor', 'byline', 'comment', 'comments', 'kommentare', 'respond', 'disqus',
  'breadcrumb', 'breadcrumbs', 'tagcloud', 'taglist', 'postmeta', 'postmetadata',
  'cookie', 'cookies', 'consent', 'gdpr', 'borlabs', 'wishlist',
  'nextstory', 'prevnext', 'sharedaddy', 'addtoany', 'shariff', 'yarpp',
]);
/**
 * Words that also name layout slots holding real text (`TestReport__Section--Ads` is a whole chapter
 * of a review that may carry an ad): they count only on short blocks.
 */
const SHORT_WORDS = new Set([
  'ad', 'ads', 'advert', 'adverts', 'advertisement', 'advertising', 'anzeige', 'werbung', 'sponsored', 'sponsor',
  'tag', 'tags', 'keywords', 'meta', 'utility', 'dateline', 'bio', 'follow', 'rating', 'ratings',
  'print', 'toolbar', 'tools', 'actions', 'reactions', 'popup', 'modal', 'overlay', 'loading', 'spinner',
  'alert', 'notice', 'banner', 'pagination', 'pager',
]);
const SHORT_BLOCK_CHARS = 200;
const ROLES = new Set(['navigation', 'complementary', 'contentinfo', 'banner', 'search', 'dialog', 'alert', 'menu', 'toolbar']);

/** The words of a class/id value: split on separators and at lower→upper case changes. */
export function nameWords(value: string): string[] {
  return value
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
}

export function isBoilerplateByName(el: Element): boolean {
  const role = el.getAttribute('role');
  if (role && ROLES.has(role.trim().toLowerCase())) return true;
  const words = nameWords(`${el.getAttribute('class') ?? ''} ${el.id} ${el.getAttribute('aria-label') ?? ''}`);
  if (words.some((w) => WORDS.has(w))) return true;
  return words.some((w) => SHORT_WORDS.has(w)) && textLength(el) < SHORT_BLOCK_CHARS;
}

/**
 * Remove named boilerplate blocks inside the article root. Blocks that share one name are weighed
 * together: a live blog's entries (`live-match-comment`) or a forum's posts are each short, but
 * together they are the article, so a name whose blocks hold that much of the text is spared.
 */
export function removeNamedBoilerplate(root: Element): void {
  const remove = guardedRemover(root);
  const groups = new Map<string, { blocks: Element[]; chars: number }>();
  // Walked by element links, skipping matched subtrees: cheaper than a selector query in jsdom.
  let el = root.firstElementChild;
  while (el) {
    if (el.hasAttributes() && isBoilerplateByName(el)) {
      const name = `${el.tagName} ${el.getAttribute('class') ?? ''}`;
      const group = groups.get(name) ?? { blocks: [], chars: 0 };
      group.blocks.push(el);
      group.chars += textLength(el);
      groups.set(name, group);
      el = nextOutside(el, root);
      continue;
    }
    el = el.firstElementChild ?? nextOutside(el, root);
  }
  const limit = Math.max(1, textLength(root)) * MAX_REMOVED_SHARE;
  for (const { blocks, chars } of groups.values()) {
    if (blocks.length > 1 && chars > limit) continue;
    blocks.forEach(remove);
  }
}

/** The element after `el`'s subtree in document order, inside `root`. */
function nextOutside(el: Element, root: Element): Element | null {
  for (let up: Element | null = el; up && up !== root; up = up.parentElement) {
    if (up.nextElementSibling) return up.nextElementSibling;
  }
  return null;
}
