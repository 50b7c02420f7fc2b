/**
 * A Lectern backup as import items (for the generic import path; restore uses parseBackup and the
 * background's restoreBackup): its articles with their content, and its `links` to fetch.
 */
import { parseBackupWithLinks } from './lectern-backup';
import type { ImportResult } from './types';

export function parseLecternBackup(text: string): ImportResult {
  const { backup, links } = parseBackupWithLinks(text); // all or nothing: a bad record refuses the file
  return {
    ...links,
    items: [...backup.articles.map((record) => ({
      url: record.url,
      title: record.title || undefined,
      tags: [...record.tags],
      savedAt: record.savedAt,
      archived: record.archived,
      favorite: record.favorite,
      progress: record.progress,
      article: record,
    })), ...links.items],
    // The articles' keys are left to the plan; the links' follow them, at their items' indexes.
    keys: [...backup.articles.map(() => null), ...links.items.map((_, i) => links.keys?.[i] ?? null)],
  };
}
