/**
 * @jest-environment node
 */
/**
 * Extraction on the project's own fixture pages (tests/fixtures/pages/<slug>): every article paragraph is
 * kept, none of the site furniture (navigation, footers) is, and the metadata comes out right.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { extractArticle } from '../../../src/extract/extract';
import { pageDocument } from '../../helpers/dom';

interface Expected {
  url: string;
  readerable?: boolean;
  title?: string;
  byline?: string;
  siteName?: string;
  publishedTime?: string;
  lang?: string;
  leadImage?: string;
  dir?: string | null;
  mustInclude?: string[];
  mustExclude?: string[];
  mustIncludeImages?: string[];
  mustIncludeLinks?: string[];
  mustNotContainUrls?: string[];
}

const ROOT = join(__dirname, '../../fixtures/pages');
const squash = (s: string) => s.replace(/\s+/g, ' ').trim();

function run(slug: string) {
  const expected = JSON.parse(readFileSync(join(ROOT, slug, 'expected.json'), 'utf8')) as Expected;
  const html = readFileSync(join(ROOT, slug, 'source.html'), 'utf8');
  return { expected, result: extractArticle(pageDocument(html, expected.url), expected.url) };
}

describe.each(readdirSync(ROOT))('extracting fixture %s', (slug) => {
  const { expected, result } = run(slug);
  // Each test below loops over the fixture's lists: a fixture with an empty list must not pass silently.
  beforeEach(() => expect.hasAssertions());

  if (expected.readerable === false) {
    test('finds no article', () => expect(result).toMatchObject({ ok: false, reason: 'no-article' }));
    return;
  }

  const article = result.ok ? result.article : null;
  const text = squash(article?.text ?? '');

  test('finds an article at the tab URL', () => {
    expect(result.ok).toBe(true);
    expect(article!.url).toBe(expected.url);
  });

  test('keeps every paragraph of the article', () => {
    expect(expected.mustInclude?.length).toBeGreaterThan(0);
    const missing = (expected.mustInclude ?? []).filter((p) => !text.includes(squash(p)));
    expect(missing).toEqual([]);
  });

  test('keeps none of the site furniture', () => {
    expect(expected.mustExclude?.length).toBeGreaterThan(0);
    const kept = (expected.mustExclude ?? []).filter((s) => text.includes(squash(s)));
    expect(kept).toEqual([]);
  });

  test('reads the metadata', () => {
    for (const field of ['title', 'byline', 'siteName', 'lang', 'leadImage'] as const) {
      if (expected[field] !== undefined) expect(article![field]).toBe(expected[field]);
    }
    if (expected.dir !== undefined) expect(article!.dir).toBe(expected.dir);
    if (expected.publishedTime) expect(article!.publishedTime).toBe(new Date(expected.publishedTime).toISOString());
  });

  test('makes images and links absolute, resolving lazy images', () => {
    const content = article!.content;
    const lists = [expected.mustIncludeImages, expected.mustIncludeLinks, expected.mustNotContainUrls];
    expect(lists.reduce((n, list) => n + (list?.length ?? 0), 0)).toBeGreaterThan(0);
    for (const url of expected.mustIncludeImages ?? []) expect(content).toContain(url);
    for (const url of expected.mustIncludeLinks ?? []) expect(content).toContain(url);
    for (const url of expected.mustNotContainUrls ?? []) expect(content).not.toContain(url);
  });
});
