/* eslint-disable @typescript-eslint/no-unsafe-assignment -- jest's asymmetric matchers (expect.any …) and parsed JSON are typed any */
import { strToU8, zipSync } from 'fflate';
import { parseImportFile } from '../../../src/import/formats';
import { ImportError } from '../../../src/import/limits';
import { readFixture, readText } from './fixture';

describe('formats are told by content, never by name', () => {
  it.each([
    ['pocket/pocket.zip', 'pocket', 4],
    ['pocket/pocket.csv', 'pocket', 6],
    ['pocket/ril_export.html', 'pocket', 2],
    ['instapaper/instapaper.csv', 'instapaper', 4],
    ['omnivore/omnivore-export.zip', 'omnivore', 3],
    ['omnivore/omnivore_export.json', 'omnivore', 20],
    ['readwise/reader_export.csv', 'readwise', 4],
    ['raindrop/raindrop-export.csv', 'raindrop', 2],
    ['wallabag/wallabag-v2.json', 'wallabag', 6],
    ['karakeep/karakeep-export.json', 'karakeep', 2],
    ['pinboard/pinboard_export.json', 'pinboard', 3],
    ['matter/matter_history.csv', 'matter', 2],
    ['linkwarden/backup.json', 'linkwarden', 4],
    ['bookmarks/bookmarks.html', 'bookmarks', 4],
    ['chrome/Bookmarks', 'chrome', 1],
    ['firefox/bookmarks-backup.json', 'firefox', 2],
    ['lectern-backup.json', 'lectern', 3],
  ])('recognises %s as %s', (name, format, count) => {
    const result = readFixture(name);
    expect(result.format).toBe(format);
    expect(result.items).toHaveLength(count);
  });

  it('reads a Lectern backup with full articles, flags and progress', () => {
    const { items, errors } = readFixture('lectern-backup.json');
    expect(errors).toEqual([]);
    expect(items[0]).toMatchObject({ archived: true, favorite: true, progress: 1, tags: ['city', 'local news'], savedAt: '2024-05-03T10:00:00.000Z' });
    expect(items[0]!.article).toMatchObject({ id: 'k1', content: expect.stringContaining('<h2>Background</h2>') });
  });

  it('refuses an invalid Lectern backup as a whole', () => {
    expect(() => readFixture('lectern-backup-bad-tags.json')).toThrow(/Article 2 \(id "k2"\): tags/);
  });

  it('refuses a file that matches two formats, naming both, and imports nothing', () => {
    const both = zipSync({ 'part_000000.csv': strToU8('title,url,time_added,tags,status\n'), 'metadata_0_to_20.json': strToU8('[]') });
    expect(() => parseImportFile(both)).toThrow('This file looks like both a Pocket export and a Omnivore export, so Lectern will not guess. Nothing was imported.');
    // A CSV header that has every column of Pocket and of Instapaper.
    expect(() => readText('title,url,time_added,tags,status,selection,folder\n')).toThrow(/both a Pocket export and a Instapaper export/);
  });

  it('refuses what it does not know, saying what it found and what it expected', () => {
    expect(() => parseImportFile(zipSync({ 'notes/a.txt': strToU8('x') }))).toThrow(/it holds "notes\/a\.txt"\. Expected Pocket’s part_000000\.csv or Omnivore’s metadata_\*\.json/);
    expect(() => readText('{"items": [], "version": 2}')).toThrow(/it holds an object with "items", "version"/);
    expect(() => readText('[{"link": "https://a.example/"}]')).toThrow(/a list of objects with "link"/);
    expect(() => readText('[]')).toThrow(/holds no articles/);
    expect(() => readText('<html><body><p>hello</p></body></html>')).toThrow(/not a bookmarks file/);
    expect(() => readText('just some text')).toThrow(ImportError);
    expect(() => readText('{"a":')).toThrow(/the file is not valid JSON/);
  });
});
