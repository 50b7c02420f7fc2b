/** @jest-environment node */
import { ImportError } from '../../../src/import/limits';
import { parseImportFile } from '../../../src/import/formats';
import { parseBackup } from '../../../src/import/lectern-backup';
import { fixture } from './fixture';

describe('parseBackup', () => {
  it('reads the fixture backup with every field', () => {
    const backup = parseBackup(fixture('lectern-backup.json'));
    expect(backup.articles.map((a) => a.id)).toEqual(['k1', 'k2', 'k3']);
    expect(backup.articles[0]).toMatchObject({ archived: true, favorite: true, tags: ['city', 'local news'], progress: 1, readAt: '2024-05-04T10:00:00.000Z' });
    expect(backup.articles[1]).toMatchObject({ dir: 'rtl', lang: 'ar', readAt: null, progress: 0.4 });
    expect(backup.articles[2]).toMatchObject({ fallback: true });
    expect(backup.articles[2]).not.toHaveProperty('progress');
  });

  it.each([
    ['lectern-backup-bad-tags.json', /^Article 2 \(id "k2"\): tags: expected a list, got "city"\.$/],
    ['lectern-backup-javascript-url.json', /^Article 3 \(id "k3"\): url: expected an http\(s\) URL/],
    ['lectern-backup-newer-version.json', /newer Lectern \(format version 2\)/],
    ['lectern-backup-duplicate-id.json', /^Article 3 \(id "k1"\): id: "k1" appears twice\.$/],
    ['lectern-backup-bad-date.json', /^Article 1 \(id "k1"\): savedAt: expected an ISO 8601 date-time, got "yesterday"\.$/],
    ['lectern-backup-wrong-format.json', /not a Lectern backup: "format"/],
    ['lectern-backup-truncated.json', /not valid JSON/],
  ])('rejects %s with a clear error', (name, message) => {
    expect(() => parseBackup(fixture(name))).toThrow(ImportError);
    expect(() => parseBackup(fixture(name))).toThrow(message);
  });

  const valid = () => JSON.parse(fixture('lectern-backup.json')) as { articles: unknown[] };
  const withArticle = (change: (a: Record<string, unknown>) => void) => {
    const data = valid();
    change(data.articles[0] as Record<string, unknown>);
    return JSON.stringify(data);
  };

  it.each([
    ['progress above 1', (a: Record<string, unknown>) => (a.progress = 1.5), /progress: expected a number from 0 to 1/],
    ['wordCount not whole', (a: Record<string, unknown>) => (a.wordCount = 2.5), /wordCount: expected a whole number/],
    ['archived as text', (a: Record<string, unknown>) => (a.archived = 'yes'), /archived: expected true or false/],
    ['an empty tag', (a: Record<string, unknown>) => (a.tags = ['ok', ' ']), /tags\[1\]: expected non-empty text/],
    ['a wrong direction', (a: Record<string, unknown>) => (a.dir = 'up'), /dir: expected "ltr", "rtl" or null/],
    ['a data: lead image', (a: Record<string, unknown>) => (a.leadImage = 'data:image/png,x'), /leadImage: expected an http\(s\) URL/],
    ['a missing title', (a: Record<string, unknown>) => delete a.title, /title: expected text, got undefined/],
    ['an empty id', (a: Record<string, unknown>) => (a.id = ''), /id: is empty/],
  ])('names the field when an article has %s', (_, change, message) => {
    expect(() => parseBackup(withArticle(change))).toThrow(message);
  });

  it('rejects an article that is not an object, a missing list and a file over the size limit', () => {
    const data = valid();
    data.articles[1] = 'text';
    expect(() => parseBackup(JSON.stringify(data))).toThrow(/^Article 2: article: expected an object, got "text"\.$/);
    expect(() => parseBackup(JSON.stringify({ ...valid(), articles: undefined }))).toThrow(/no "articles" list/);
    expect(() => parseBackup(' '.repeat(50 * 1024 * 1024 + 1))).toThrow(/limit is 50 MB/);
  });

  it('drops fields it does not know (a hostile file cannot smuggle data into storage)', () => {
    const backup = parseBackup(withArticle((a) => Object.assign(a, { __proto__x: 1, html: '<script>', extra: { deep: true } })));
    expect(Object.keys(backup.articles[0]!)).not.toEqual(expect.arrayContaining(['extra']));
    expect(backup.articles[0]).not.toHaveProperty('html');
  });
});

describe('a backup’s links to fetch', () => {
  const backupWith = (links: unknown[]) => {
    const data = JSON.parse(fixture('lectern-backup.json')) as Record<string, unknown>;
    return new TextEncoder().encode(JSON.stringify({ ...data, links }));
  };

  it('become import items without content (queued for fetching), each checked on its own', () => {
    const { items, errors } = parseImportFile(backupWith([
      { url: 'https://news.example/to-fetch', title: 'To fetch', tags: ['later'], savedAt: '2024-05-03T10:00:00.000Z', archived: true, favorite: false, progress: 0.25, highlights: [{ quote: 'a line', note: 'mine', createdAt: 5 }] },
      { url: 'http://192.168.1.1/admin', title: 'Router' },
      { url: 'javascript:alert(1)' },
      'not a link',
    ]));
    expect(items.filter((i) => i.article)).toHaveLength(3);
    expect(items.filter((i) => !i.article)).toEqual([{
      url: 'https://news.example/to-fetch', title: 'To fetch', tags: ['later'], savedAt: '2024-05-03T10:00:00.000Z', archived: true, favorite: false, progress: 0.25,
      highlights: [{ quote: 'a line', note: 'mine', createdAt: 5 }],
    }]);
    expect(errors.map((e) => [e.index, e.key])).toEqual([[1, 'importRowPrivateHost'], [2, 'importRowNotWeb'], [3, 'importRowNotArticle']]);
  });

  it('are ignored by a plain restore of the articles (parseBackup)', () => {
    expect(parseBackup(new TextDecoder().decode(backupWith([{ url: 'https://news.example/x' }]))).articles).toHaveLength(3);
  });
});
