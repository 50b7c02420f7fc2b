/**
 * @jest-environment node
 */
/** Pages that once broke the pipeline around Readability (each written after a real page that did). */
import { extractArticle } from '../../../src/extract/extract';
import { paragraphs, pageDocument } from '../../helpers/dom';

const URL = 'https://news.example/story';

it('reads the metadata when Readability removed the <html> element itself (a class naming it a "menu")', () => {
  // Readability's "unlikely candidate" test also runs on <html>: `burgerMenu` in its class removes the
  // whole page from the document; the article had been read by then, the metadata had not.
  const doc = pageDocument(`<html class="no-js burgerMenu" lang="de" dir="ltr"><head><title>Die Minze</title>
    <meta property="article:published_time" content="2019-10-19T05:00:00Z"></head>
    <body><div class="page">${paragraphs(4)}</div></body></html>`);
  const result = extractArticle(doc, URL);
  expect(result.ok).toBe(true);
  if (!result.ok) return;
  expect(result.article.lang).toBe('de');
  expect(result.article.dir).toBe('ltr');
  expect(result.article.publishedTime).toBe('2019-10-19T05:00:00.000Z');
  expect(result.article.text).toContain('Paragraph 4.');
});

it('keeps a live blog whose entries are all named "comment"', () => {
  const entry = (i: number) => `<div class="live-match-comment"><p>${90 - i}'</p><div class="live-match-comment-body">Minute ${90 - i}: the home side press high again and win a corner on the left after a long spell of possession.</div></div>`;
  const doc = pageDocument(`<body><main><h1>Lorient – Lyon, live</h1><div class="live-match-comments">${Array.from({ length: 12 }, (_, i) => entry(i)).join('')}</div></main></body>`);
  const result = extractArticle(doc, URL);
  expect(result.ok).toBe(true);
  if (result.ok) {
    expect(result.article.text).toContain('Minute 90: the home side');
    expect(result.article.text).toContain('Minute 79: the home side');
  }
});
