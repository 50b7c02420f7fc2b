import { nameWords } from './cleanup/attributes';
import { foldedText, withinTags } from './dom';

/**
 * The block a site marks as its article body — `itemprop="articleBody"`, WordPress's `entry-content`,
 * Drupal's `field--name-body`, `article-body`, `post-content`, `story-body` … — is a second opinion
 * on where the article is. Readability scores text and links and picks wrong on pages whose article
 * is short or split in many small blocks (recipes, shop pages, press releases, live blogs) while a
 * teaser list or a service box nearby scores higher; the markup then still says where the text is.
 */
const BODY_NAMES = new Set([
  'articlebody', 'article-body', 'article-content', 'article-text', 'article__body', 'article__content', 'article__text',
  'articletext', 'articlecontent', 'article-body-content', 'story-body', 'story-content', 'storycontent', 'story-text',
  'entry-content', 'entry-body', 'entry-text', 'entrytext', 'entry', 'post-content', 'post-body', 'post-text', 'post-entry',
  'postcontent', 'postbody', 'posttext', 'postentry', 'post_content', 'post_text', 'post_body', 'single-content',
  'field--name-body', 'field-name-body', 'field-item', 'text-content', 'body-text', 'bodytext', 'rich-text', 'richtext',
  'wysiwyg-content', 'news-text', 'newstext', 'news-content', 'content-text', 'blog-content', 'blog-post-content',
]);
const BODY_TAGS = new Set(['DIV', 'SECTION', 'ARTICLE', 'MAIN', 'TD']);
const MAYBE_DECLARED = /body|content|text|entry|post|field-item|richtext|rich-text/i;

/** Names as they appear (lower-cased, separators kept), so `entry-content` does not match `entry` + `content` apart. */
function classNames(el: Element): string[] {
  return `${el.getAttribute('class') ?? ''} ${el.id}`.toLowerCase().split(/\s+/).filter(Boolean);
}

/** How strongly the page marks `el` as its article body: 2 for schema.org's articleBody, 1 for a class or id, 0 for none. */
export function declaredBodyRank(el: Element): number {
  if (!BODY_TAGS.has(el.tagName)) return 0;
  const itemprop = el.getAttribute('itemprop');
  if (itemprop && /(^|\s)articleBody(\s|$)/.test(itemprop)) return 2;
  // Every block of the page passes here (scan.ts): one cheap test rules out almost all of them.
  if (!MAYBE_DECLARED.test(`${el.getAttribute('class') ?? ''} ${el.id}`)) return 0;
  return classNames(el).some((name) => BODY_NAMES.has(name) || nameWords(name).join('') === 'articlebody') ? 1 : 0;
}

export const isDeclaredBody = (el: Element) => declaredBodyRank(el) > 0;


/**
 * Page furniture a declared body may sit in (a CMS marks its footer text block like an article body).
 * Not <aside>: some sites put the whole article in one.
 */
const FURNITURE_TAGS = new Set(['HEADER', 'FOOTER', 'NAV']);
const inFurniture = (el: Element) => withinTags(el.parentElement, FURNITURE_TAGS);

/**
 * The page's declared article body, if one clearly stands out: among the strongest marks, the block
 * with the most text, narrowed to a declared block inside it that still holds most of that text.
 * Several declared blocks of similar size (a blog's front page: one `entry-content` per post; teasers
 * with `post_text`) mark no single article.
 */
export function findDeclaredBody(candidates: Element[]): Element | null {
  const usable = candidates.filter((el) => el.isConnected && !inFurniture(el));
  const rank = Math.max(0, ...usable.map(declaredBodyRank));
  const sized = usable
    .filter((el) => declaredBodyRank(el) === rank)
    .map((el) => ({ el, chars: foldedText(el).length }))
    .filter((c) => c.chars > 0);
  sized.sort((a, b) => b.chars - a.chars);
  let [best] = sized;
  if (!best) return null;
  const largest = best;
  const rivals = sized.filter((c) => !c.el.contains(largest.el) && !largest.el.contains(c.el));
  if (rivals[0] && rivals[0].chars * 2 > best.chars) return null;
  if (rivals.length > 1 && rivals.reduce((sum, c) => sum + c.chars, 0) > best.chars) return null;
  for (const c of sized) {
    if (c !== best && best.el.contains(c.el) && c.chars >= best.chars * 0.7) best = c;
  }
  return best.el;
}

/** Paragraph-sized blocks of `text` (as elementToText separates them), long enough to recognise. */
function paragraphs(text: string): string[] {
  return text.split('\n\n').filter((p) => p.length >= 60);
}

/**
 * Share of the declared body's paragraphs that Readability's text also has: near 1 when Readability
 * found the same article (or more of it), near 0 when it chose another part of the page.
 */
function agreement(declaredText: string, readabilityText: string): number {
  const blocks = paragraphs(declaredText);
  if (!blocks.length) return 1;
  const found = blocks.filter((p) => readabilityText.includes(p.slice(0, 60))).length;
  return found / blocks.length;
}

/**
 * Whether to show the declared body instead of Readability's choice: when Readability took another
 * part of the page (few of either's paragraphs in the other), or only a small part of the declared
 * body (one section of an article split by headings or boxes). When Readability took most of the
 * declared body, or more than it, its own cleaning is the better cut.
 */
export function preferDeclaredBody(declaredText: string, readabilityText: string): boolean {
  if (agreement(declaredText, readabilityText) >= 0.5) return false;
  return agreement(readabilityText, declaredText) < 0.5 || readabilityText.length < declaredText.length * 0.6;
}
