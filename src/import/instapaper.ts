/**
 * Instapaper's CSV export: `URL,Title,Selection,Folder` in older files, `…,Timestamp` and then
 * `…,Tags` (a JSON list) in newer ones. Folder is "Unread", "Archive", "Starred", or the name of the
 * user's own folder, which becomes a tag. Selection is the passage the user highlighted when saving.
 */
import type { CsvTable } from './csv';
import { readCsvRows } from './csv-rows';
import { cleanTags, cleanTitle, fromUnixSeconds } from './item';
import type { ImportResult } from './types';

export const INSTAPAPER_COLUMNS = ['url', 'title', 'selection', 'folder'];

export function parseInstapaperRows(table: CsvTable): ImportResult {
  return readCsvRows(table, (values) => {
    const folder = (values.folder ?? '').trim();
    const known = ['unread', 'archive', 'starred'].includes(folder.toLowerCase());
    const selection = (values.selection ?? '').trim();
    return {
      title: cleanTitle(values.title),
      tags: cleanTags([...(known ? [] : [folder]), ...tagColumn(values.tags)]),
      savedAt: fromUnixSeconds(values.timestamp),
      archived: folder.toLowerCase() === 'archive',
      favorite: folder.toLowerCase() === 'starred',
      ...(selection ? { highlights: [{ quote: selection }] } : {}),
    };
  });
}

/** Newer exports add a Tags column holding a JSON list; older ones have none. */
function tagColumn(raw: string | undefined): unknown[] {
  if (!raw?.trim()) return [];
  try {
    const parsed: unknown = JSON.parse(raw);
    return Array.isArray(parsed) ? parsed : [];
  } catch {
    return raw.split(',');
  }
}
