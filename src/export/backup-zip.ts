/**
 * The streamed library backup (format version 2, docs/backup-format.md): a ZIP with a small manifest and
 * one JSON entry per article, each followed by its offline images (which image at which URL, and the bytes
 * of each image once, stored as they are: images are compressed already). Records are read in bounded batches and deflated entry by entry; the zip's
 * bytes are gathered into a Blob every few megabytes, so the page never holds the backup as one string
 * or one buffer (a 10,000-article library is far over V8's ~512 MB string limit as JSON).
 */
import { strToU8, Zip, ZipDeflate, ZipPassThrough } from 'fflate';
import { BACKUP_FORMAT, copyRecord } from './backup';
import type { LibraryRecord } from './types';

export const ZIP_BACKUP_VERSION = 2;
export const MANIFEST_ENTRY = 'manifest.json';
export const articleEntry = (id: string) => `articles/${id}.json`;
/** Which offline image an article shows at which URL: `{"<url as in the article>": "<content key>"}`. */
const imageLinksEntry = (id: string) => `article-images/${id}.json`;
/** One offline image's bytes, under its content key (`sha256-<hex>` of the bytes). */
const imageEntry = (key: string) => `images/${key}`;

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

/** The offline images of the backed-up articles (storage's image index and copies). */
export interface BackupImages {
  /** Per article id that has any: image URL → content key. */
  links: (ids: string[]) => Promise<Record<string, Record<string, string>>>;
  /** One image's bytes, or null when they are gone. */
  bytes: (key: string) => Promise<Uint8Array | null>;
}

export interface BackupOptions {
  /** The records of these ids, in order; missing ones left out (storage's readArticles, mapped to records). */
  read: (ids: string[]) => Promise<LibraryRecord[]>;
  images?: BackupImages;
  onProgress?: (progress: BackupProgress) => void;
  signal?: AbortSignal;
  now?: Date;
}

/** The backup of the articles with `ids` as a zip Blob; rejects with the signal's reason when cancelled. */
export async function writeBackupZip(ids: string[], { read, images, onProgress, signal, now = new Date() }: BackupOptions): Promise<{ blob: Blob; count: number }> {
  const sink = new BlobSink();
  const zip = new Zip((error, chunk) => (error ? sink.fail(error) : sink.push(chunk)));
  const manifest: ZipManifest = { format: BACKUP_FORMAT, version: ZIP_BACKUP_VERSION, exportedAt: now.toISOString(), articles: ids.length };
  addEntry(zip, MANIFEST_ENTRY, JSON.stringify(manifest, null, 1));
  let count = 0;
  const written = new Set<string>();
  try {
    for (let i = 0; i < ids.length; i += READ_BATCH) {
      signal?.throwIfAborted();
      const records = await read(ids.slice(i, i + READ_BATCH));
      for (const record of records) {
        addEntry(zip, articleEntry(record.id), JSON.stringify(copyRecord(record)));
        count++;
      }
      sink.flushIfLarge();
      if (images) await addImages(zip, images, records.map((r) => r.id), written, sink);
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

/**
 * After a batch of articles, each one's image links, and the bytes of each image not yet in the zip (one
 * image in memory at a time). The restore reads an article before its images, so it can link them.
 */
async function addImages(zip: Zip, images: BackupImages, ids: string[], written: Set<string>, sink: BlobSink): Promise<void> {
  for (const [id, links] of Object.entries(await images.links(ids))) {
    addEntry(zip, imageLinksEntry(id), JSON.stringify(links));
    for (const key of new Set(Object.values(links))) {
      if (written.has(key)) continue;
      const bytes = await images.bytes(key);
      if (!bytes) continue;
      const entry = new ZipPassThrough(imageEntry(key));
      zip.add(entry);
      entry.push(bytes, true);
      written.add(key);
      sink.flushIfLarge();
    }
  }
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
