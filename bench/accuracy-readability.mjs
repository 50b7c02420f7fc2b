// readability-test-pages: token F1 of the extracted text against expected.html, metadata agreement
// per field against expected-metadata.json, and readerable agreement.
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { isProbablyReaderable } from '@mozilla/readability';
import { parse } from './accuracy-pipelines.mjs';

export const URL = 'http://fakehost/test/page.html';
export const FIELDS = ['title', 'byline', 'dir', 'lang', 'excerpt', 'siteName', 'publishedTime'];

export async function loadCases(dir) {
  const names = (await readdir(dir, { withFileTypes: true })).filter((d) => d.isDirectory()).map((d) => d.name).sort();
  return Promise.all(
    names.map(async (name) => {
      const read = (f) => readFile(path.join(dir, name, f), 'utf8');
      const [source, expectedHtml, meta] = await Promise.all([read('source.html'), read('expected.html'), read('expected-metadata.json')]);
      const win = parse(expectedHtml, URL);
      const expectedText = win.document.body?.textContent ?? '';
      win.close();
      return { name, source, expectedText, expected: JSON.parse(meta) };
    }),
  );
}

/** Lower-cased word tokens (letters and digits), so markup and punctuation choices do not count. */
const tokens = (text) => (text ?? '').toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];

/** Bag-of-tokens F1 between extracted and expected text (1 when both are empty). */
export function tokenF1(text, expectedText) {
  const got = tokens(text);
  const want = tokens(expectedText);
  if (!got.length && !want.length) return 1;
  const counts = new Map();
  for (const t of want) counts.set(t, (counts.get(t) ?? 0) + 1);
  let overlap = 0;
  for (const t of got) {
    const n = counts.get(t) ?? 0;
    if (n > 0) {
      overlap++;
      counts.set(t, n - 1);
    }
  }
  return (2 * overlap) / (got.length + want.length);
}

function same(field, a, b) {
  const clean = (v) => (typeof v === 'string' ? v.trim() || null : v ?? null);
  const [x, y] = [clean(a), clean(b)];
  if (field === 'publishedTime' && x && y) {
    const [tx, ty] = [Date.parse(x), Date.parse(y)];
    if (!Number.isNaN(tx) && tx === ty) return true;
  }
  return x === y;
}

/** Which metadata fields of `article` (null when the pipeline gave nothing) agree with `expected`. */
export function metadataAgreement(article, expected) {
  return Object.fromEntries(FIELDS.map((f) => [f, same(f, article?.[f], expected[f])]));
}

/** What isProbablyReaderable says on a fresh parse (untimed; Lectern's own answer is whether it gives an article). */
export function rawReaderable(html) {
  const win = parse(html, URL);
  try {
    return isProbablyReaderable(win.document);
  } finally {
    win.close();
  }
}
