/** The lossless library backup: every stored field of every record, versioned (docs/backup-format.md). */
import type { Highlight } from '../shared/highlight';
import type { LibraryRecord } from './types';

export const BACKUP_FORMAT = 'lectern-backup';
export const BACKUP_VERSION = 1;

export interface LecternBackup {
  format: typeof BACKUP_FORMAT;
  version: typeof BACKUP_VERSION;
  /** ISO 8601. */
  exportedAt: string;
  articles: LibraryRecord[];
}

/** The backup object for `records` (all of the library, or the current selection). */
export function createBackup(records: LibraryRecord[], now: Date = new Date()): LecternBackup {
  return { format: BACKUP_FORMAT, version: BACKUP_VERSION, exportedAt: now.toISOString(), articles: records.map(copyRecord) };
}

/** The backup as the text of a .json file. */
export function backupToJson(backup: LecternBackup): string {
  return `${JSON.stringify(backup, null, 1)}\n`;
}

/** A plain copy with only the record's own fields, in a stable order; undefined fields left out. */
export function copyRecord(r: LibraryRecord): LibraryRecord {
  const copy: LibraryRecord = {
    id: r.id, url: r.url, canonicalUrl: r.canonicalUrl, title: r.title, byline: r.byline, siteName: r.siteName,
    lang: r.lang, dir: r.dir, publishedTime: r.publishedTime, excerpt: r.excerpt, leadImage: r.leadImage,
    content: r.content, text: r.text, wordCount: r.wordCount, readingMinutes: r.readingMinutes, fallback: r.fallback,
    savedAt: r.savedAt, updatedAt: r.updatedAt, readAt: r.readAt, archived: r.archived, favorite: r.favorite,
    tags: [...r.tags], progress: r.progress, highlights: r.highlights?.map(copyHighlight),
  };
  for (const key of Object.keys(copy) as (keyof LibraryRecord)[]) if (copy[key] === undefined) delete copy[key];
  return copy;
}

/** A highlight with exactly its own fields: selectors, colour, note and times survive a backup unchanged. */
function copyHighlight(h: Highlight): Highlight {
  return {
    id: h.id, quote: { exact: h.quote.exact, prefix: h.quote.prefix, suffix: h.quote.suffix },
    position: h.position && { start: h.position.start, end: h.position.end },
    color: h.color, note: h.note, createdAt: h.createdAt, updatedAt: h.updatedAt,
  };
}
