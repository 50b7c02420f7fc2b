/**
 * The streamed library backup (format version 2, docs/backup-format.md): a ZIP with a small manifest and
 * one JSON entry per article. Records are read in bounded batches and deflated entry by entry; the zip's
 * bytes are gathered into a Blob every few megabytes, so the page never holds the backup as one string
 * or one buffer (a 10,000-article library is far over V8's ~512 MB string limit as JSON).
 */
import { strToU8, Zip, ZipDeflate } from 'fflate';
import { BACKUP_FORMAT, copyRecord } from './backup';
import type { LibraryRecord } from './types';

export const ZIP_BACKUP_VERSION = 2;
export const MANIFEST_ENTRY = 'manifest.json';
export const articleEntry = (id: string) => `articles/${id}.json`;

/** Records read per batch: enough to keep the disk busy, few enough that memory stays small. */
const READ_BATCH = 50;
/** Zip bytes held before they are folded into the Blob (which the browser may keep on disk). */
const FLUSH_BYTES = 16 * 1024 * 1024;

export interface ZipManifest {
  format: typeof BACKUP_FORMAT;
  version: typeof ZIP_BACKUP_VERSION;
  /** ISO 8601. */
  exportedAt: string;
  /** How many article entries follow (for progress when restoring). */
  articles: number;
}

interface BackupProgress { done: number; total: number; bytes: number }

export interface BackupOptions {
  /** The records of these ids, in order; missing ones left out (storage's readArticles, mapped to records). */
  read: (ids: string[]) => Promise<LibraryRecord[]>;
  onProgress?: (progress: BackupProgress) => void;
  signal?: AbortSignal;
  now?: Date;
}

/** The backup of the articles with `ids` as a zip Blob; rejects with the signal's reason when cancelled. */
export async function writeBackupZip(ids: string[], { read, onProgress, signal, now = new Date() }: BackupOptions): Promise<{ blob: Blob; count: number }> {
  const sink = new BlobSink();
  const zip = new Zip((error, chunk) => (error ? sink.fail(error) : sink.push(chunk)));
  const manifest: ZipManifest = { format: BACKUP_FORMAT, version: ZIP_BACKUP_VERSION, exportedAt: now.toISOString(), articles: ids.length };
  addEntry(zip, MANIFEST_ENTRY, JSON.stringify(manifest, null, 1));
  let count = 0;
  try {
    for (let i = 0; i < ids.length; i += READ_BATCH) {
      signal?.throwIfAborted();
      for (const record of await read(ids.slice(i, i + READ_BATCH))) {
        addEntry(zip, articleEntry(record.id), JSON.stringify(copyRecord(record)));
        count++;
      }
      sink.flushIfLarge();
      onProgress?.({ done: Math.min(i + READ_BATCH, ids.length), total: ids.length, bytes: sink.bytes });
    }
    signal?.throwIfAborted();
  } catch (error) {
    zip.terminate();
    throw error;
  }
  zip.end();
  return { blob: sink.blob(), count };
}

function addEntry(zip: Zip, name: string, text: string): void {
  const entry = new ZipDeflate(name, { level: 6 });
  zip.add(entry);
  entry.push(strToU8(text), true);
}

/** The zip's output: chunks gathered and folded into one Blob as they grow. */
class BlobSink {
  private parts: BlobPart[] = [];
  private pending: Uint8Array[] = [];
  private pendingBytes = 0;
  private error: Error | null = null;
  bytes = 0;

  push(chunk: Uint8Array) {
    this.pending.push(chunk);
    this.pendingBytes += chunk.length;
    this.bytes += chunk.length;
  }

  fail(error: Error) {
    this.error = error;
  }

  flushIfLarge() {
    if (this.error) throw this.error;
    if (this.pendingBytes >= FLUSH_BYTES) this.flush();
  }

  private flush() {
    if (this.pending.length) this.parts = [new Blob([...this.parts, ...(this.pending as BlobPart[])])];
    this.pending = [];
    this.pendingBytes = 0;
  }

  blob(): Blob {
    if (this.error) throw this.error;
    this.flush();
    return new Blob(this.parts, { type: 'application/zip' });
  }
}
