import type { Article, ExtractionResult } from '../shared/article';
import { readingStats } from '../shared/reading-time';
import { findByline } from './author';
import { removeBoilerplate } from './boilerplate';
import { cleanArticle } from './cleanup';
import { linkDensity } from './cleanup/guard';
import { fallbackContent } from './fallback';
import { resolveLazyImages } from './lazy-images';
import { findCanonicalUrl, findLang, findLeadImage, findPublishedTime, indexMetas, meta, normalizeDir, type MetaIndex } from './metadata';
import { findDeclaredBody } from './declared-body';
import { chooseDeclaredBody } from './declared-body-choice';
import { LecternReadability } from './readability';
import { isReaderable } from './readerable';
import { scanPage } from './scan';
import { findStandfirst, restoreStandfirst } from './standfirst';
import { copyFigures, markPageH1s, repairStructure, restoreFigures } from './structure';
import { elementToText } from './text';
import { documentBase, makeUrlsAbsolute } from './urls';

/**
 * Pages with more elements than this are refused (reason 'too-large') before any work: the content
 * script runs on the page's own thread, and Readability's cost grows faster than the page. Measured
 * (BENCHMARKS.md, bench/accuracy-huge*.mjs): Readability alone takes ~0.6 s in Chromium on a
 * 44k-element page and over a second past 50k; no page of either corpus has more than ~10k.
 */
export const MAX_ELEMENTS = 40_000;
/** Below this many characters of text there is no article (a login box, a caption, an error page). */
const MIN_CHARS = 140;
/**
 * An "article" that is largely links and has no long paragraphs is a listing (search results, an
 * index): many links, not one long URL quoted in a short post.
 */
const MAX_LISTING_LINK_DENSITY = 0.3;
const MIN_LISTING_LINKS = 5;

interface Parsed {
  title?: string | null;
  byline?: string | null;
  siteName?: string | null;
  lang?: string | null;
  dir?: string | null;
  publishedTime?: string | null;
  excerpt?: string | null;
}

/**
 * Extract the article of `doc`, a document the caller owns (a clone of the live page: Readability
 * mutates it). `url` is the tab's URL, which becomes the article's URL whatever the page says.
 * Pure: touches nothing but `doc`, so it runs the same in a content script, jsdom and Node.
 */
export function extractArticle(doc: Document, url: string): ExtractionResult {
  // One walk over the page serves every pre-pass below (and counts the elements).
  const scan = scanPage(doc);
  if (scan.elements > MAX_ELEMENTS) {
    return { ok: false, reason: 'too-large', detail: `${scan.elements} elements (limit ${MAX_ELEMENTS})` };
  }
  const base = documentBase(doc, url, scan.base);
  const canonicalUrl = findCanonicalUrl(doc, url, scan.canonical);
  const metas = indexMetas(scan.metas);
  resolveLazyImages(doc, scan);
  removeBoilerplate(doc, scan);
  const standfirst = findStandfirst(doc, meta(metas, 'description', 'og:description'), scan);
  // Readability can take the page's root itself for the article (its top candidate's parent chain ends
  // at <html>) and move it out of the document: keep a handle for the metadata read afterwards.
  const root = doc.documentElement;
  // A copy of the block the page marks as its article body: a second opinion if Readability picks wrong.
  const declaredBody = findDeclaredBody(scan.declaredBodies);
  const declaredCopy = declaredBody ? (declaredBody.cloneNode(true) as Element) : null;
  markPageH1s(scan.h1s);
  const figures = copyFigures(scan.figures);

  const parsed = new LecternReadability<Element>(doc, {
    serializer: (el) => el as Element,
    // No maxElemsToParse: the page was counted above, and Readability's own count is another pass.
    keepClasses: true, // the sanitizer decides which classes survive (code language hints)
    // Readability retries with fewer rules, re-parsing the whole page each time, while its article is
    // under 500 characters. Short posts are articles here, the declared body and the fallback are second
    // opinions, and each retry costs a page parse: measured, 200 is both faster and more accurate.
    charThreshold: 200,
  }).parse();
  let content = parsed?.content ?? null;
  if (content) {
    restoreStandfirst(content, standfirst);
    restoreFigures(content, figures);
    cleanArticle(content);
  }
  let text = content ? elementToText(content) : '';
  const declared = declaredCopy && chooseDeclaredBody(doc, declaredCopy, text, MIN_CHARS);
  if (declared) [content, text] = [declared.content, declared.text];
  let fallback = false;
  if (text.length < MIN_CHARS) {
    // Readability gave up (it restores the page before it does, so the page is whole again).
    const alternative = fallbackContent(doc);
    if (alternative) cleanArticle(alternative);
    const alternativeText = alternative ? elementToText(alternative) : '';
    if (alternativeText.length > text.length) [content, text, fallback] = [alternative, alternativeText, true];
  }
  if (!content || text.length < MIN_CHARS) return { ok: false, reason: 'no-article' };
  const listing = linkDensity(content) > MAX_LISTING_LINK_DENSITY && content.getElementsByTagName('a').length >= MIN_LISTING_LINKS;
  if (listing && !isReaderable(content)) return { ok: false, reason: 'no-article' };

  repairStructure(content, [url, base]);
  makeUrlsAbsolute(content, base);
  // Metadata is read from the page as Readability left it (it moves the article, with any <meta> in it, out).
  const page = doc.documentElement ?? root;
  const byline = findByline(parsed?.byline, scan.jsonLd, metas);
  const article = buildArticle(doc, page, base, indexMetas(Array.from(page.getElementsByTagName('meta'))), url, { ...parsed, byline }, content, text);
  if (canonicalUrl) article.canonicalUrl = canonicalUrl;
  if (fallback) article.fallback = true;
  return { ok: true, article };
}

function buildArticle(doc: Document, root: Element, base: string, metas: MetaIndex, url: string, parsed: Parsed, content: Element, text: string): Article {
  const lang = findLang(doc, parsed.lang || root.getAttribute('lang'), metas);
  return {
    url,
    title: (parsed.title ?? '').trim() || doc.title.trim() || url,
    byline: parsed.byline?.trim() || null,
    siteName: parsed.siteName?.trim() || null,
    lang,
    dir: normalizeDir(parsed.dir) ?? normalizeDir(root.getAttribute('dir')),
    publishedTime: findPublishedTime(doc, parsed.publishedTime, metas),
    excerpt: parsed.excerpt?.trim() || null,
    leadImage: findLeadImage(doc, content, base, metas),
    content: content.innerHTML,
    text,
    ...readingStats(text, lang),
  };
}
