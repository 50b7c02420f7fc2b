import { strToU8 } from 'fflate';
import { parseImportFile } from '../../../src/import/formats';
import { ImportError } from '../../../src/import/limits';
import { fixtureBytes } from './fixture';

describe('parseImportFile', () => {
  it.each([
    ['pocket.csv', 'pocket', 6],
    ['instapaper.csv', 'instapaper', 4],
    ['omnivore.json', 'omnivore', 3],
    ['omnivore-export.zip', 'omnivore', 3],
    ['bookmarks.html', 'bookmarks', 4],
    ['lectern-backup.json', 'lectern', 3],
  ])('recognises %s as %s', (name, format, count) => {
    const result = parseImportFile(fixtureBytes(name));
    expect(result.format).toBe(format);
    expect(result.items).toHaveLength(count);
  });

  it('reads a Lectern backup with full articles, flags and progress', () => {
    const { items, errors } = parseImportFile(fixtureBytes('lectern-backup.json'), 'lectern');
    expect(errors).toEqual([]);
    expect(items[0]).toMatchObject({ archived: true, favorite: true, progress: 1, tags: ['city', 'local news'], savedAt: '2024-05-03T10:00:00.000Z' });
    expect(items[0]?.article).toMatchObject({ id: 'k1', content: expect.stringContaining('<h2>Background</h2>') as string });
  });

  it('refuses an invalid Lectern backup as a whole', () => {
    expect(() => parseImportFile(fixtureBytes('lectern-backup-bad-tags.json'))).toThrow(/Article 2 \(id "k2"\): tags/);
  });

  it('refuses a file it cannot read, and a zip given as another format', () => {
    expect(() => parseImportFile(strToU8('just some text'))).toThrow(ImportError);
    expect(() => parseImportFile(fixtureBytes('omnivore-export.zip'), 'pocket')).toThrow(/not a supported export/);
  });

  it('uses the format it is told', () => {
    expect(() => parseImportFile(fixtureBytes('pocket.csv'), 'instapaper')).toThrow(/no "folder" column/);
  });
});
