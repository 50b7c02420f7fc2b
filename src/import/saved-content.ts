/**
 * The article for an item that came with its content (wallabag, Omnivore, a Lectern backup): run
 * through the same extraction as a fetched page, so text, word count and metadata are computed the
 * same way. When extraction finds no article (a short note, a page of links), the saved content is
 * kept as it is rather than lost: the file held what the user saved. Needs DOMParser.
 */
import { extractArticle } from '../extract/extract';
import { elementToText } from '../extract/text';
import type { Article } from '../shared/article';
import { readingStats } from '../shared/reading-time';
import { escapeHtml } from './plain-html';
import type { ImportItem } from './types';

/** What the source knew better than extraction (its own byline, site, dates, image). */
const KNOWN = ['byline', 'siteName', 'publishedTime', 'lang', 'leadImage'];

export function articleFromSaved(item: ImportItem & { article: { content: string } }): Article {
  const title = item.title ?? item.article.title ?? '';
  const html = `<!doctype html><html><head><base href="${escapeHtml(item.url)}"><title>${escapeHtml(title)}</title></head><body><article>${item.article.content}</article></body></html>`;
  const doc = new DOMParser().parseFromString(html, 'text/html');
  const known = Object.fromEntries(Object.entries(item.article).filter(([k, v]) => KNOWN.includes(k) && v)) as Partial<Article>;
  const result = extractArticle(doc.cloneNode(true) as Document, item.url);
  if (result.ok) return { ...result.article, ...known };
  const text = elementToText(doc.body);
  const lang = item.article.lang ?? null;
  return {
    url: item.url, title, byline: null, siteName: null, lang, dir: null, publishedTime: null, excerpt: null, leadImage: null,
    content: item.article.content, text, ...readingStats(text, lang), ...known,
  };
}
