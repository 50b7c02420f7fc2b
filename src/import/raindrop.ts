/**
 * Raindrop.io's CSV export: `id,title,note,excerpt,url,folder,tags,created,cover,highlights,favorite`.
 * Tags are joined by `, `; folder is the collection ("Unsorted" is Raindrop's inbox, not a topic);
 * created is ISO 8601; favorite is `true`/`false`. The user's note is kept as the excerpt.
 */
import type { CsvTable } from './csv';
import { readCsvRows } from './csv-rows';
import { cleanTags, cleanTitle, fromDateString } from './item';
import type { ImportResult } from './types';

export const RAINDROP_COLUMNS = ['id', 'title', 'note', 'excerpt', 'url', 'folder', 'tags', 'created', 'favorite'];

export function parseRaindropRows(table: CsvTable): ImportResult {
  return readCsvRows(table, (values) => {
    const folder = (values.folder ?? '').trim();
    const description = (values.note ?? '').trim() || (values.excerpt ?? '').trim();
    return {
      title: cleanTitle(values.title),
      tags: cleanTags([...(folder && folder.toLowerCase() !== 'unsorted' ? [folder] : []), ...(values.tags ?? '').split(',')]),
      savedAt: fromDateString(values.created),
      favorite: (values.favorite ?? '').trim().toLowerCase() === 'true',
      ...(description ? { description } : {}),
    };
  });
}
