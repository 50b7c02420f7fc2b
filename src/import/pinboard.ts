/**
 * Pinboard's JSON export: `[{ href, description (the title), extended (the user's notes), time
 * (ISO 8601), shared, toread ("yes"/"no"), tags (space-separated) }]`. Items not marked "to read"
 * were read: they come in archived.
 */
import { isObject } from './check';
import { checkUrl, cleanTags, cleanTitle, fromDateString, ItemCollector } from './item';
import type { ImportResult } from './types';

export function parsePinboard(list: unknown[]): ImportResult {
  const collector = new ItemCollector();
  list.forEach((value, index) => {
    if (!isObject(value)) return collector.skip({ index }, { key: 'importRowNotArticle', subs: [typeof value] });
    const checked = checkUrl(value.href);
    if ('key' in checked) return collector.skip({ index }, checked);
    const extended = typeof value.extended === 'string' ? value.extended.trim() : '';
    collector.add(
      {
        url: checked.url,
        title: cleanTitle(value.description),
        tags: cleanTags(typeof value.tags === 'string' ? value.tags.split(/\s+/) : []),
        savedAt: fromDateString(value.time),
        archived: value.toread === 'no',
        ...(extended ? { description: extended } : {}),
      },
      { index },
    );
  });
  return collector.result();
}
