/**
 * @jest-environment node
 */
import { MAX_ELEMENTS, extractArticle } from '../../../src/extract/extract';
import { pageDocument } from '../../helpers/dom';

/** A page of about `n` elements: a short story among thousands of teaser blocks. */
function hugePage(n: number): string {
  const teaser = (i: number) => `<div class="teaser"><a href="/t${i}"><img src="/i${i}.jpg" alt=""></a><h3><a href="/t${i}">Teaser ${i}</a></h3><p>Text ${i}.</p></div>`;
  return `<main><article><h1>Story</h1><p>The story itself.</p></article><section>${Array.from({ length: Math.ceil(n / 7) }, (_, i) => teaser(i)).join('')}</section></main>`;
}

it('refuses a 50,000-element page as too large instead of scoring it', () => {
  const doc = pageDocument(hugePage(50_000));
  expect(doc.getElementsByTagName('*').length).toBeGreaterThan(MAX_ELEMENTS);
  const result = extractArticle(doc, 'https://huge.example/');
  expect(result).toMatchObject({ ok: false, reason: 'too-large' });
  // Refused before any work: Readability never ran, so the page is intact.
  expect(doc.querySelectorAll('.teaser').length).toBe(Math.ceil(50_000 / 7));
});
