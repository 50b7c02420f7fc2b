/** @jest-environment node */
import { backupToJson, createBackup } from '../../../src/export/backup';
import { toLibraryRecord, toSavedArticle } from '../../../src/export/record';
import { parseBackup } from '../../../src/import/lectern-backup';
import type { SavedArticle } from '../../../src/storage/schema';
import { isSavedArticle } from '../../../src/storage/validate';
import { article } from '../storage/fixtures';

function saved(n: number, overrides: Partial<SavedArticle> = {}): SavedArticle {
  return {
    ...article(n), id: `${n}`.padStart(20, 'a'), urlKey: `https://news.example/story-${n}`, savedAt: 1_700_000_000_123 + n,
    updatedAt: 1_700_000_100_456 + n, readAt: null, archived: false, favorite: false, tags: [], progress: 0, ...overrides,
  };
}

describe('SavedArticle ⇄ LibraryRecord', () => {
  const library = [
    saved(1),
    saved(2, { readAt: 1_700_000_200_789, archived: true, favorite: true, tags: ['a', 'b c'], progress: 0.375 }),
    saved(3, { canonicalUrl: 'https://news.example/canonical-3', urlKey: 'https://news.example/canonical-3', fallback: true }),
  ];

  it('survives a backup file unchanged, field by field (times to the millisecond)', () => {
    const text = backupToJson(createBackup(library.map(toLibraryRecord)));
    const back = parseBackup(text).articles.map(toSavedArticle);
    expect(back).toEqual(library);
    for (const a of back) expect(isSavedArticle(a)).toBe(true);
  });

  it('recomputes the URL key instead of trusting it, and fills what older records lack', () => {
    const record = { ...toLibraryRecord(saved(4)), url: 'https://www.news.example/x?utm_source=y' };
    delete record.updatedAt;
    delete record.progress;
    const back = toSavedArticle(record);
    expect(back.urlKey).toBe('https://news.example/x');
    expect(back.updatedAt).toBe(back.savedAt);
    expect(back.progress).toBe(0);
  });
});
