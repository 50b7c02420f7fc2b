/** Pocket's CSV export: title,url,time_added,tags,status (tags separated by |, status unread/archive). */
import { parseCsv } from './csv';
import { checkUrl, cleanTags, cleanTitle, fromUnixSeconds, ItemCollector } from './item';
import type { ImportResult } from './types';

export function parsePocketCsv(text: string): ImportResult {
  const collector = new ItemCollector();
  for (const { line, values } of parseCsv(text, ['url'], 'importNotPocket')) {
    const checked = checkUrl(values.url);
    if ('key' in checked) {
      collector.skip({ line }, checked);
      continue;
    }
    collector.add(
      {
        url: checked.url,
        title: cleanTitle(values.title),
        tags: cleanTags((values.tags ?? '').split('|')),
        savedAt: fromUnixSeconds(values.time_added),
        archived: values.status?.trim().toLowerCase() === 'archive',
      },
      { line },
    );
  }
  return collector.result();
}
