/** @jest-environment node */
import { backupToJson, createBackup } from '../../../src/export/backup';
import type { LibraryRecord } from '../../../src/export/types';
import { parseBackup } from '../../../src/import/lectern-backup';
import { applyRestore, planRestore } from '../../../src/import/restore';
import { recordKeys } from '../../../src/import/url-key';
import { generateLibrary } from './generate-library';

const byId = (records: LibraryRecord[]) => [...records].sort((a, b) => a.id.localeCompare(b.id));

/** Export, write the file, "wipe" (only the text survives), import. */
function throughFile(library: LibraryRecord[]): LibraryRecord[] {
  const text = backupToJson(createBackup(library, new Date('2024-06-01T00:00:00Z')));
  return parseBackup(text).articles;
}

describe('backup round trip', () => {
  const library = generateLibrary(40);

  it('gives back every record field by field after export, wipe and import into an empty library', () => {
    const restored = applyRestore([], planRestore([], throughFile(library)));
    expect(restored).toHaveLength(library.length);
    for (const original of library) {
      const back = restored.find((r) => r.id === original.id)!;
      for (const field of Object.keys(original) as (keyof LibraryRecord)[]) expect([field, back[field]]).toEqual([field, original[field]]);
      expect(Object.keys(back).sort()).toEqual(Object.keys(original).sort());
    }
  });

  it('gives back exactly the exported records when restored into the library they came from', () => {
    const edited = library.map((r, i) => (i % 2 ? { ...r, title: 'changed since', tags: ['x'], archived: !r.archived } : r));
    const plan = planRestore(edited, throughFile(library));
    expect(plan).toMatchObject({ added: 0, replaced: library.length, remove: [] });
    expect(byId(applyRestore(edited, plan))).toEqual(byId(library));
  });

  it('restoring twice makes no duplicates', () => {
    const once = applyRestore([], planRestore([], throughFile(library)));
    const twice = applyRestore(once, planRestore(once, throughFile(library)));
    expect(byId(twice)).toEqual(byId(library));
  });

  it('replaces a saved copy of the same article under another id, and keeps unrelated records', () => {
    const other = generateLibrary(45).slice(40); // ids 40..44, unrelated articles
    const sameArticle = { ...library[3]!, id: 'saved-elsewhere', url: `${library[3]!.url}&utm_source=feed` };
    const existing = [...other, sameArticle];
    const plan = planRestore(existing, throughFile(library));
    expect(plan.remove).toEqual(['saved-elsewhere']);
    const result = applyRestore(existing, plan);
    expect(byId(result)).toEqual(byId([...other, ...library]));
    const keys = result.map((r) => recordKeys(r)[0]);
    expect(new Set(keys).size).toBe(keys.length);
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
