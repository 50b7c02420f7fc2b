/**
 * Restoring a backup file from the options page: the zip (format 2) is read entry by entry from the
 * file's stream, the JSON file (format 1) whole as before; either way the records go to the background in
 * bounded batches (each message far under Chrome's 64 MiB), so a library of any size restores in bounded
 * memory. Cancelling stops between batches: what was sent is in the library as whole articles.
 */
import { toStoredArticle } from '../export/record';
import type { LibraryRecord } from '../export/types';
import { parseBackupWithLinks } from '../import/lectern-backup';
import { readBackupZip, type EntryProblem } from '../import/restore-zip';
import { looksLikeZip } from '../import/unzip';
import { sendMessage } from '../shared/messages';
import type { SavedArticle } from '../storage/schema';

const BATCH_ARTICLES = 50;
const BATCH_CHARS = 8 * 1024 * 1024;

export interface RestoreProgress {
  /** Articles written so far, and how many the backup holds (0 when unknown). */
  done: number;
  total: number;
  bytes: number;
  totalBytes: number;
}

/** `links`: addresses a converted export keeps to fetch (docs/backup-format.md); Import fetches them, restore does not. */
export interface RestoreReport { added: number; replaced: number; skipped: EntryProblem[]; cancelled: boolean; links?: number }

/** A restore that stopped on an error; `report` says what had been written before it. */
export class RestoreStopped extends Error {
  constructor(readonly report: RestoreReport, override readonly cause: unknown) {
    super(cause instanceof Error ? cause.message : String(cause));
  }
}

/** Restore `file`; resolves with the report (also when cancelled), rejects with RestoreStopped. */
export async function restoreBackupFile(file: File, onProgress: (p: RestoreProgress) => void, signal: AbortSignal): Promise<RestoreReport> {
  const report: RestoreReport = { added: 0, replaced: 0, skipped: [], cancelled: false };
  const progress: RestoreProgress = { done: 0, total: 0, bytes: 0, totalBytes: file.size };
  const batch = new Batcher(async (articles) => {
    signal.throwIfAborted();
    const outcome = await sendMessage('restoreBackup', { articles, searchLater: true });
    report.added += outcome.added;
    report.replaced += outcome.replaced;
    progress.done += articles.length;
    onProgress({ ...progress });
  });
  try {
    if (looksLikeZip(new Uint8Array(await file.slice(0, 8).arrayBuffer()))) {
      report.skipped = await readBackupZip(file.stream(), {
        onManifest: (m) => (progress.total = m.articles),
        onRecord: (record) => batch.add(record),
        onBytes: (bytes) => {
          progress.bytes = bytes;
          onProgress({ ...progress });
        },
        signal,
      });
    } else {
      const { backup: { articles }, links } = parseBackupWithLinks(await file.text());
      if (links.items.length) report.links = links.items.length;
      progress.total = articles.length;
      progress.bytes = file.size;
      for (const record of articles) await batch.add(record);
    }
    await batch.flush();
  } catch (error) {
    if (!signal.aborted) throw new RestoreStopped(report, error);
    report.cancelled = true;
  }
  // The search index was left for the end: one rebuild instead of one shard update per article.
  if (report.added + report.replaced > 0) await sendMessage('rebuildSearchIndex', {});
  return report;
}

/** Records gathered into messages of at most BATCH_ARTICLES articles or about BATCH_CHARS characters. */
class Batcher {
  private articles: SavedArticle[] = [];
  private chars = 0;
  constructor(private send: (articles: SavedArticle[]) => Promise<void>) {}

  async add(record: LibraryRecord): Promise<void> {
    const article = await toStoredArticle(record);
    this.articles.push(article);
    this.chars += article.content.length + article.text.length;
    if (this.articles.length >= BATCH_ARTICLES || this.chars >= BATCH_CHARS) await this.flush();
  }

  async flush(): Promise<void> {
    if (!this.articles.length) return;
    const articles = this.articles;
    this.articles = [];
    this.chars = 0;
    await this.send(articles);
  }
}
