import { getItems } from './area';
import { indexPageKey, pageOf } from './keys';
import { parseIndex } from './read';
import type { IndexEntry } from './schema';

/**
 * The list rows of these articles, reading only the index pages they are on: search results can be
 * shown before the whole list has been read (the popup paints from the newest rows first).
 */
export async function readRows(ids: string[]): Promise<IndexEntry[]> {
  const wanted = new Set(ids);
  const keys = [...new Set(ids.map((id) => indexPageKey(pageOf(id))))];
  if (keys.length === 0) return [];
  const pages = await getItems(keys);
  return keys.flatMap((k) => parseIndex(pages[k]).entries.filter((e) => wanted.has(e.id)));
}
