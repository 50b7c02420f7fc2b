import { withinTags } from './dom';

/**
 * The page's own navigation and footer: menus, sitemaps, imprint and copyright blocks. Readability
 * scores them like any block (and removes <footer>/<aside> from its article only afterwards), so
 * taking them out in the page walk gives it a smaller page to cache, re-parse and score, and fewer
 * wrong containers to pick. <nav>, <aside> (Readability drops asides from its article anyway) and the
 * page-level <footer> (not an article's own footer, whose text Readability's cleanup handles); never
 * a block that holds an article or its declared body (one site puts its whole article in an <aside>).
 */
const FURNITURE_TAGS = new Set(['NAV', 'FOOTER', 'ASIDE']);

const ARTICLE_TAGS = new Set(['ARTICLE', 'MAIN']);
const insideArticle = (el: Element) => withinTags(el.parentElement, ARTICLE_TAGS);

/** `tag` is `el.tagName` (the walk has it already). */
export function isPageFurniture(el: Element, tag: string): boolean {
  if (!FURNITURE_TAGS.has(tag)) return false;
  if (tag === 'FOOTER' && insideArticle(el)) return false;
  // Nor one holding the byline: Readability reads it from the page while it walks (a blog's author in its sidebar).
  return !el.querySelector('article, main, [itemprop~="articleBody"], [rel~="author"], [itemprop~="author"], [class*="byline"]');
}
