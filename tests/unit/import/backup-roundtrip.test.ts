/** @jest-environment node */
import { backupToJson, createBackup } from '../../../src/export/backup';
import type { LibraryRecord } from '../../../src/export/types';
import { parseBackup } from '../../../src/import/lectern-backup';
import { generateLibrary } from './generate-library';

/** Export, write the file, "wipe" (only the text survives), import. */
function throughFile(library: LibraryRecord[]): LibraryRecord[] {
  const text = backupToJson(createBackup(library, new Date('2024-06-01T00:00:00Z')));
  return parseBackup(text).articles;
}

describe('backup round trip', () => {
  const library = generateLibrary(40);

  it('gives back every record field by field after export and reading the file', () => {
    const restored = throughFile(library);
    expect(restored).toHaveLength(library.length);
    for (const original of library) {
      const back = restored.find((r) => r.id === original.id)!;
      for (const field of Object.keys(original) as (keyof LibraryRecord)[]) expect([field, back[field]]).toEqual([field, original[field]]);
      expect(Object.keys(back).sort()).toEqual(Object.keys(original).sort());
    }
  });

  it('writes a documented envelope', () => {
    const backup = JSON.parse(backupToJson(createBackup(library.slice(0, 1), new Date('2024-06-01T00:00:00Z')))) as Record<string, unknown>;
    expect(Object.keys(backup)).toEqual(['format', 'version', 'exportedAt', 'articles']);
    expect(backup).toMatchObject({ format: 'lectern-backup', version: 1, exportedAt: '2024-06-01T00:00:00.000Z' });
  });

  it('copies records rather than sharing them, and leaves out unknown fields', () => {
    const record = { ...library[0]!, extra: 'not ours' } as LibraryRecord;
    const backup = createBackup([record]);
    expect(backup.articles[0]).not.toHaveProperty('extra');
    backup.articles[0]!.tags.push('mutated');
    expect(record.tags).toEqual(library[0]!.tags);
  });
});
