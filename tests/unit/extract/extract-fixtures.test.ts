/**
 * @jest-environment node
 */
/**
 * Small pages written in the style of pages Lectern used to extract badly (tests/fixtures/extract/<slug>):
 * every paragraph of the article is kept and none of the boilerplate inside the article container is.
 * `captions` are shown with their images (in the content) but are not part of the running text.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { extractArticle } from '../../../src/extract/extract';
import { pageDocument } from '../../helpers/dom';

const ROOT = join(__dirname, '../../fixtures/extract');
const squash = (s: string) => s.replace(/\s+/g, ' ').trim();

describe.each(readdirSync(ROOT))('fixture %s', (slug) => {
  const expected = JSON.parse(readFileSync(join(ROOT, slug, 'expected.json'), 'utf8')) as { url: string; mustInclude: string[]; mustExclude: string[]; captions?: string[] };
  const result = extractArticle(pageDocument(readFileSync(join(ROOT, slug, 'source.html'), 'utf8'), expected.url), expected.url);
  const text = squash(result.ok ? result.article.text : '');
  const shown = squash(result.ok ? (pageDocument(`<body>${result.article.content}</body>`).body.textContent ?? '') : '');

  test('gives an article', () => expect(result.ok).toBe(true));
  test('keeps every paragraph', () => expect(expected.mustInclude.filter((s) => !text.includes(squash(s)))).toEqual([]));
  test('shows the captions with their images, outside the running text', () => {
    for (const caption of expected.captions ?? []) {
      expect(shown).toContain(squash(caption));
      expect(text).not.toContain(squash(caption));
    }
  });
  test('drops the boilerplate inside the article', () => expect(expected.mustExclude.filter((s) => text.includes(squash(s)))).toEqual([]));
});
