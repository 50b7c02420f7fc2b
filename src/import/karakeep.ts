/**
 * Karakeep's (formerly Hoarder) JSON export, as its exporter's schema defines it:
 * `{ bookmarks: [{ createdAt (Unix seconds), title, tags: [name], content: { type: 'link', url } |
 * { type: 'text', text } | null, note, archived }], lists }`. Text notes have no page to keep and are
 * skipped with a reason; the user's note on a link is kept as its excerpt.
 */
import { isObject } from './check';
import { checkUrl, cleanTags, cleanTitle, fromUnixSeconds, ItemCollector } from './item';
import type { ImportResult } from './types';

export function parseKarakeep(bookmarks: unknown[]): ImportResult {
  const collector = new ItemCollector();
  bookmarks.forEach((value, index) => {
    if (!isObject(value)) return collector.skip({ index }, { key: 'importRowNotArticle', subs: [typeof value] });
    const content = isObject(value.content) ? value.content : null;
    if (content?.type !== 'link') return collector.skip({ index }, { key: 'importRowNoLink', subs: [] });
    const checked = checkUrl(content.url);
    if ('key' in checked) return collector.skip({ index }, checked);
    const note = typeof value.note === 'string' ? value.note.trim() : '';
    collector.add(
      {
        url: checked.url,
        title: cleanTitle(value.title),
        tags: cleanTags(Array.isArray(value.tags) ? value.tags : []),
        savedAt: fromUnixSeconds(value.createdAt),
        archived: value.archived === true,
        favorite: value.favourited === true,
        ...(note ? { description: note } : {}),
      },
      { index },
    );
  });
  return collector.result();
}
