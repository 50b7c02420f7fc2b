// Extraction fixtures (tests/fixtures/extract/<slug>) run through the pipeline and then the sanitizer, as the reader renders them.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { JSDOM } from 'jsdom';
import { extractArticle } from '../../src/extract/extract';
import { sanitizeIn } from '../../src/sanitize/sanitize';
import type { Article } from '../../src/shared/article';
import { pageDocument } from './dom';

const ROOT = join(__dirname, '../fixtures/extract');

/** The fixture's article (throws when there is none) and its sanitized HTML parsed into a <body>. */
export function extractFixture(slug: string): { article: Article; rendered: HTMLElement } {
  const { url } = JSON.parse(readFileSync(join(ROOT, slug, 'expected.json'), 'utf8')) as { url: string };
  const result = extractArticle(pageDocument(readFileSync(join(ROOT, slug, 'source.html'), 'utf8'), url), url);
  if (!result.ok) throw new Error(`${slug}: no article (${result.reason})`);
  return { article: result.article, rendered: render(result.article.content, url) };
}

/** Article HTML as ArticleBody renders it: sanitized, then parsed into a reader-like page. */
export function render(html: string, baseUrl: string): HTMLElement {
  const win = new JSDOM('<!doctype html><body></body>', { url: 'chrome-extension://lectern/reader.html?tab=1' }).window;
  win.document.body.innerHTML = sanitizeIn(win as unknown as Window, html, baseUrl);
  return win.document.body;
}
