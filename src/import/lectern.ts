/** A Lectern backup as import items (for the generic import path; restore uses parseBackup and the background's restoreBackup). */
import { parseBackup } from './lectern-backup';
import type { ImportResult } from './types';

export function parseLecternBackup(text: string): ImportResult {
  const { articles } = parseBackup(text); // all or nothing: a bad record refuses the file
  return {
    items: articles.map((record) => ({
      url: record.url,
      title: record.title || undefined,
      tags: [...record.tags],
      savedAt: record.savedAt,
      archived: record.archived,
      favorite: record.favorite,
      progress: record.progress,
      article: record,
    })),
    errors: [],
  };
}
