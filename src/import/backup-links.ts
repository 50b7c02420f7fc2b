/**
 * A backup's `links`: articles known only by their address (an export converted outside the browser,
 * whose items came without their text). Importing the backup queues them for fetching, as any import
 * of links does; they are never stored as empty articles. Each link is checked on its own: a bad one is
 * reported and the rest of the backup still restores. See docs/backup-format.md.
 */
import { isObject } from './check';
import { checkUrl, cleanTags, cleanTitle, fromDateString, ItemCollector } from './item';
import type { ImportedHighlight, ImportItem, ImportResult } from './types';

/** The links in `value` (the backup's `links` field, or undefined) as import items without content. */
export function readBackupLinks(value: unknown): ImportResult {
  const collector = new ItemCollector();
  if (!Array.isArray(value)) return collector.result();
  value.forEach((link: unknown, index) => {
    if (!isObject(link)) return collector.skip({ index }, { key: 'importRowNotArticle', subs: [typeof link] });
    const checked = checkUrl(link.url);
    if ('key' in checked) return collector.skip({ index }, checked);
    const item: ImportItem = {
      url: checked.url,
      title: cleanTitle(link.title),
      tags: cleanTags(Array.isArray(link.tags) ? (link.tags as unknown[]) : []),
      savedAt: fromDateString(link.savedAt),
      archived: link.archived === true,
      favorite: link.favorite === true,
    };
    if (typeof link.progress === 'number' && link.progress >= 0 && link.progress <= 1) item.progress = link.progress;
    if (typeof link.description === 'string' && link.description.trim()) item.description = link.description;
    const highlights = Array.isArray(link.highlights) ? link.highlights.flatMap(highlight) : [];
    if (highlights.length) item.highlights = highlights;
    collector.add(item, { index }, checked.parsed);
  });
  return collector.result();
}

function highlight(h: unknown): ImportedHighlight[] {
  if (!isObject(h) || typeof h.quote !== 'string' || !h.quote.trim()) return [];
  return [{
    quote: h.quote,
    ...(typeof h.note === 'string' && h.note ? { note: h.note } : {}),
    ...(typeof h.createdAt === 'number' && Number.isFinite(h.createdAt) ? { createdAt: h.createdAt } : {}),
  }];
}

/** An item as a backup link: the fields a link keeps (what a startImport message carries). */
export function toBackupLink(item: ImportItem): Omit<ImportItem, 'article'> {
  const { url, title, tags, savedAt, archived, favorite, progress, description, highlights } = item;
  return JSON.parse(JSON.stringify({ url, title, tags, savedAt, archived, favorite, progress, description, highlights })) as Omit<ImportItem, 'article'>;
}
