// A varied library for round-trip tests: every optional field present in some records and absent
// in others, hostile and non-ASCII text, RTL, both flags, progress at the ends of its range.
import type { LibraryRecord } from '../../../src/export/types';

const TITLES = ['Plain title', 'Quotes "and" <tags> & ampersands', 'Ελληνικά · العربية · 日本語 👩‍👩‍👧', 'Line\nbreak\r\nand\ttab', '---\nfake: yaml'];

export function generateLibrary(count: number): LibraryRecord[] {
  return Array.from({ length: count }, (_, i) => {
    const record: LibraryRecord = {
      id: `id-${i}`,
      url: `https://site${i % 3}.example/articles/${i}?page=${i}`,
      title: TITLES[i % TITLES.length]!,
      byline: i % 4 === 0 ? null : `Author ${i}`,
      siteName: i % 5 === 0 ? null : `Site ${i % 3}`,
      lang: i % 3 === 0 ? 'ar' : 'en',
      dir: i % 3 === 0 ? 'rtl' : i % 3 === 1 ? 'ltr' : null,
      publishedTime: i % 2 ? `2024-0${(i % 9) + 1}-1${i % 10}T08:00:00.000Z` : null,
      excerpt: i % 2 ? `Excerpt ${i}` : null,
      leadImage: i % 2 ? `https://site${i % 3}.example/img/${i}.jpg` : null,
      content: `<h2>Part ${i}</h2><p>Body of <em>${i}</em> &amp; more <img src="https://img.example/${i}.png" alt="pic ${i}"></p>`,
      text: `Part ${i}\n\nBody of ${i} & more`,
      wordCount: 100 + i,
      readingMinutes: 1 + (i % 7),
      savedAt: new Date(Date.UTC(2024, 0, 1 + i, 12)).toISOString(),
      archived: i % 2 === 0,
      favorite: i % 3 === 0,
      tags: i % 4 === 0 ? [] : [`tag ${i % 3}`, 'reading: later'],
    };
    if (i % 2) record.canonicalUrl = `https://site${i % 3}.example/articles/${i}`;
    if (i % 3) record.updatedAt = new Date(Date.UTC(2024, 1, 1 + i)).toISOString();
    if (i % 4 === 1) record.readAt = null;
    if (i % 4 === 2) record.readAt = new Date(Date.UTC(2024, 2, 1 + i)).toISOString();
    if (i % 5) record.progress = [0, 0.5, 1, 0.125][i % 4];
    if (i % 7 === 0) record.fallback = true;
    return record;
  });
}
