/** Reading a Lectern backup file: all or nothing, with an error that says where the file is wrong. */
import { BACKUP_FORMAT, BACKUP_VERSION, type LecternBackup } from '../export/backup';
import type { LibraryRecord } from '../export/types';
import { readBackupLinks } from './backup-links';
import { checkRecord } from './backup-record';
import { describe, FieldError, isObject } from './check';
import { checkSize, ImportError, LIMITS } from './limits';
import type { ImportResult } from './types';

/** The backup in `text`, every record checked; throws ImportError naming the article and field. */
export function parseBackup(text: string): LecternBackup {
  return parseBackupWithLinks(text).backup;
}

/** What was changed to keep a record (its highlights fitted to the library's limits): which record, and how. */
export interface RecordFitted { entry: string; reason: string }

/**
 * parseBackup, and the backup's `links` to fetch (backup-links.ts), each checked on its own, and the records
 * kept with their highlights fitted to the limits (`fitted`).
 */
export function parseBackupWithLinks(text: string): { backup: LecternBackup; links: ImportResult; fitted: RecordFitted[] } {
  checkSize(text.length);
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new ImportError('importBackupNotJson', (error as Error).message);
  }
  if (!isObject(data) || data.format !== BACKUP_FORMAT) throw new ImportError('importBackupWrongFormat');
  if (typeof data.version !== 'number' || !Number.isInteger(data.version) || data.version < 1) {
    throw new ImportError('importBackupNoVersion', describe(data.version));
  }
  if (data.version > BACKUP_VERSION) {
    throw new ImportError('importBackupNewer', data.version);
  }
  if (typeof data.exportedAt !== 'string' || Number.isNaN(Date.parse(data.exportedAt))) throw new ImportError('importBackupNoDate');
  if (!Array.isArray(data.articles)) throw new ImportError('importBackupNoArticles');
  if (data.articles.length > LIMITS.maxItems) throw new ImportError('importBackupTooMany', data.articles.length, LIMITS.maxItems);
  const fitted: RecordFitted[] = [];
  const backup: LecternBackup = { format: BACKUP_FORMAT, version: BACKUP_VERSION, exportedAt: data.exportedAt, articles: checkArticles(data.articles, fitted) };
  return { backup, links: readBackupLinks(data.links), fitted };
}

function checkArticles(list: unknown[], fitted: RecordFitted[]): LibraryRecord[] {
  const ids = new Set<string>();
  return list.map((value, index) => {
    try {
      const record = checkRecord(value, (reason) => fitted.push({ entry: `article ${index + 1}${isObject(value) && typeof value.id === 'string' ? ` (${value.id.slice(0, 60)})` : ''}`, reason }));
      if (ids.has(record.id)) throw new FieldError('id', `${JSON.stringify(record.id)} appears twice`);
      ids.add(record.id);
      return record;
    } catch (error) {
      if (!(error instanceof FieldError)) throw error;
      if (isObject(value) && typeof value.id === 'string') {
        throw new ImportError('importBackupBadArticleId', index + 1, JSON.stringify(value.id.slice(0, 60)), error.message);
      }
      throw new ImportError('importBackupBadArticle', index + 1, error.message);
    }
  });
}
