/** @jest-environment node */
/* eslint-disable @typescript-eslint/no-unsafe-assignment, @typescript-eslint/no-unsafe-member-access -- jest's asymmetric matchers (expect.any …) and parsed JSON are typed any */
import { parseImportFile } from '../../../src/import/formats';
import { exportToBackup, readExport } from '../../../src/node/import';
import { fixtureBytes } from '../import/fixture';

describe('readExport (dist/node/import.mjs)', () => {
  it('returns the format, plain items and what was skipped, for a zip', () => {
    const { format, items, skipped } = readExport(fixtureBytes('pocket/pocket.zip'), 'pocket.zip');
    expect(format).toBe('pocket');
    expect(items[0]).toEqual({
      url: 'https://news.example/2024/river-path.html', title: 'The river path', tags: ['city', 'local news'], addedAt: Date.parse('2024-05-03T10:00:00Z'),
      archived: false, favorite: false, progress: null,
      highlights: [{ quote: 'The council met on Tuesday.', createdAt: 1714740000000 }, { quote: 'A second passage', createdAt: 1714741000000 }],
    });
    expect(skipped).toEqual([{ where: 'part_000001.csv, line 3', reason: 'not on the public web, so it is not fetched: http://192.168.1.1/admin' }]);
  });

  it('gives the html and text when the file held the article, and reads HTML formats with jsdom', () => {
    const wallabag = readExport(fixtureBytes('wallabag/wallabag-annotations.json'), 'wallabag.json').items[0]!;
    expect(wallabag).toMatchObject({ html: expect.stringContaining('<b>Tuesday</b>'), text: expect.stringMatching(/^The council met on Tuesday to decide/), progress: null, favorite: true });
    expect(wallabag.highlights).toEqual([
      { quote: 'The council met on Tuesday', note: 'Check the minutes', createdAt: Date.parse('2024-05-03T11:00:00Z') },
      { quote: 'many residents came to speak', createdAt: Date.parse('2024-05-03T11:05:00Z') },
    ]);
    expect(readExport(fixtureBytes('bookmarks/bookmarks.html'), 'bookmarks.html').items[1]).toMatchObject({ description: 'Worth a second read: long but good', tags: ['Reading', 'Long reads'] });
  });

  it('names the file in its error', () => {
    expect(() => readExport(new TextEncoder().encode('[]'), 'empty.json')).toThrow('empty.json: This export holds no articles.');
  });
});

describe('exportToBackup (npm run convert)', () => {
  it('writes a Lectern backup that Lectern reads back, text extracted, highlights on the records', async () => {
    const now = new Date('2024-06-01T00:00:00Z');
    const { json, withText, links } = await exportToBackup(fixtureBytes('pocket/pocket.zip'), 'pocket.zip', {}, now);
    expect([withText, links]).toEqual([0, 4]);
    // Items without their text are links to fetch, never empty articles.
    expect(JSON.parse(json)).toMatchObject({ format: 'lectern-backup', articles: [] });
    const back = parseImportFile(new TextEncoder().encode(json));
    expect(back.format).toBe('lectern');
    expect(back.items.every((i) => !i.article)).toBe(true);
    expect(back.items.map((i) => [i.url, i.tags, i.archived, i.savedAt])).toEqual([
      ['https://news.example/2024/river-path.html', ['city', 'local news'], false, '2024-05-03T10:00:00.000Z'],
      ['https://longform.example/essay', [], true, '2024-05-04T10:00:00.000Z'],
      ['https://blog.example/second', ['later'], false, '2024-05-05T10:00:00.000Z'],
      ['https://blog.example/third', [], false, '2024-05-06T10:00:00.000Z'],
    ]);
    const converted = await exportToBackup(fixtureBytes('wallabag/wallabag-annotations.json'), 'w.json', {}, now);
    expect(converted.withText).toBe(1);
    const withHighlights = JSON.parse(converted.json);
    expect(withHighlights.articles[0]).toMatchObject({ title: 'The river path', favorite: true, archived: true, text: expect.stringContaining('many residents came to speak') });
    expect(withHighlights.articles[0].highlights).toEqual([
      expect.objectContaining({ quote: { exact: 'The council met on Tuesday', prefix: '', suffix: '' }, note: 'Check the minutes', position: null, color: 'yellow' }),
      expect.objectContaining({ quote: { exact: 'many residents came to speak', prefix: '', suffix: '' }, note: '' }),
    ]);
  });
});
