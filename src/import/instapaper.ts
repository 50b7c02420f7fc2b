/**
 * Instapaper's CSV export: URL,Title,Selection,Folder,Timestamp. Folder is "Unread", "Archive",
 * "Starred", or the name of the user's own folder, which becomes a tag.
 */
import { parseCsv } from './csv';
import { checkUrl, cleanTags, cleanTitle, fromUnixSeconds, ItemCollector } from './item';
import type { ImportResult } from './types';

export function parseInstapaperCsv(text: string): ImportResult {
  const collector = new ItemCollector();
  for (const { line, values } of parseCsv(text, ['url', 'folder'], 'importNotInstapaper')) {
    const checked = checkUrl(values.url);
    if ('key' in checked) {
      collector.skip({ line }, checked);
      continue;
    }
    const folder = (values.folder ?? '').trim();
    const known = ['unread', 'archive', 'starred'].includes(folder.toLowerCase());
    collector.add(
      {
        url: checked.url,
        title: cleanTitle(values.title),
        tags: cleanTags([...(known ? [] : [folder]), ...tagColumn(values.tags)]),
        savedAt: fromUnixSeconds(values.timestamp),
        archived: folder.toLowerCase() === 'archive',
        favorite: folder.toLowerCase() === 'starred',
      },
      { line },
    );
  }
  return collector.result();
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
