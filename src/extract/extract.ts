import { Readability, isProbablyReaderable } from '@mozilla/readability';
import type { Article, ExtractionResult } from '../shared/article';
import { countWords, readingMinutes } from '../shared/reading-time';
import { removeBoilerplate } from './boilerplate';
import { resolveLazyImages } from './lazy-images';
import { findCanonicalUrl, findLang, findLeadImage, findPublishedTime, normalizeDir } from './metadata';
import { findStandfirst, restoreStandfirst } from './standfirst';
import { elementToText } from './text';
import { documentBase, makeUrlsAbsolute } from './urls';

/**
 * Pages with more elements than this are refused rather than parsed: Readability's scoring is roughly
 * quadratic on pathological pages and would freeze the tab for seconds.
 */
export const MAX_ELEMENTS = 60_000;
/** Below this many words what Readability returns is a fragment (a login box, a caption), not an article. */
const MIN_WORDS = 60;

/**
 * Extract the article of `doc`, a document the caller owns (a clone of the live page: Readability
 * mutates it). `url` is the tab's URL, which becomes the article's URL whatever the page says.
 * Pure: touches nothing but `doc`, so it runs the same in a content script, jsdom and Node.
 */
export function extractArticle(doc: Document, url: string): ExtractionResult {
  const elements = doc.getElementsByTagName('*').length;
  if (elements > MAX_ELEMENTS) {
    return { ok: false, reason: 'too-large', detail: `${elements} elements (limit ${MAX_ELEMENTS})` };
  }
  const base = documentBase(doc, url);
  const canonicalUrl = findCanonicalUrl(doc, url);
  const readerable = isProbablyReaderable(doc);
  resolveLazyImages(doc);
  removeBoilerplate(doc);
  const standfirst = findStandfirst(doc, doc.querySelector('meta[name="description"], meta[property="og:description"]')?.getAttribute('content'));

  const parsed = new Readability<Element>(doc, {
    serializer: (el) => el as Element,
    maxElemsToParse: MAX_ELEMENTS,
    keepClasses: true, // the sanitizer decides which classes survive (code language hints)
  }).parse();
  const content = parsed?.content;
  if (!parsed || !content) return { ok: false, reason: 'no-article' };

  restoreStandfirst(content, standfirst);
  makeUrlsAbsolute(content, base);
  const text = elementToText(content);
  const wordCount = countWords(text);
  if (wordCount < MIN_WORDS || (!readerable && wordCount < MIN_WORDS * 3)) {
    return { ok: false, reason: 'no-article' };
  }
  const lang = findLang(doc, parsed.lang);
  const article: Article = {
    url,
    canonicalUrl,
    title: (parsed.title ?? '').trim() || doc.title.trim() || url,
    byline: parsed.byline?.trim() || null,
    siteName: parsed.siteName?.trim() || null,
    lang,
    dir: normalizeDir(parsed.dir) ?? normalizeDir(doc.documentElement.getAttribute('dir')),
    publishedTime: findPublishedTime(doc, parsed.publishedTime),
    excerpt: parsed.excerpt?.trim() || null,
    leadImage: findLeadImage(doc, content, base),
    content: content.innerHTML,
    text,
    wordCount,
    readingMinutes: readingMinutes(text, lang),
  };
  return { ok: true, article };
}
