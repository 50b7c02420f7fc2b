/**
 * Keeps the extraction fixtures honest: what a fixture promises must really be on its page, and its
 * "chrome" strings must be distinctive (never part of the article they are excluded from).
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

interface Expected {
  url: string;
  readerable?: boolean;
  mustInclude?: string[];
  mustExclude?: string[];
}

const ROOT = join(__dirname, '../fixtures/pages');
const SLUGS = readdirSync(ROOT);
const squash = (s: string) => s.replace(/\s+/g, ' ').trim();

function load(slug: string): { expected: Expected; text: string } {
  const expected = JSON.parse(readFileSync(join(ROOT, slug, 'expected.json'), 'utf8')) as Expected;
  const doc = new DOMParser().parseFromString(readFileSync(join(ROOT, slug, 'source.html'), 'utf8'), 'text/html');
  return { expected, text: squash(doc.documentElement.textContent ?? '') };
}

test('there are fixture pages', () => {
  expect(SLUGS).toEqual(expect.arrayContaining(['news-ecuador', 'rtl-arabic', 'not-an-article', 'lazy-images']));
});

describe.each(SLUGS)('fixture %s', (slug) => {
  const { expected, text } = load(slug);

  test('has an http(s) tab URL', () => {
    expect(expected.url).toMatch(/^https?:\/\//);
  });

  test('every mustInclude string is on the page', () => {
    for (const s of expected.mustInclude ?? []) expect(text).toContain(squash(s));
  });

  test('every mustExclude string is on the page but in none of the article texts', () => {
    const article = (expected.mustInclude ?? []).join('\n');
    for (const s of expected.mustExclude ?? []) {
      expect(text).toContain(squash(s));
      expect(article).not.toContain(s);
    }
  });
});
