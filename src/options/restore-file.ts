/**
 * Restoring a backup file from the options page: the zip (format 2) is read entry by entry from the
 * file's stream, the JSON file (format 1) whole as before; either way the records go to the background in
 * bounded batches (each message far under Chrome's 64 MiB), so a library of any size restores in bounded
 * memory. Each batch is searchable once written: the background updates the search index with it, so no
 * index step follows the last batch. Cancelling stops between batches: what was sent is in the library as
 * whole articles. A zip's offline images go with the batch of their articles, after it (an image is
 * linked to an article stored).
 *
 * The page packs each article's body (deflate, src/storage/compress.ts) and reads and packs the next batch
 * while the background writes the one before (one message in flight): the background inflates each body
 * to check it and stores it as it came. Packed, a batch is a tenth of the text it carries, which is what
 * a message costs to copy to the background.
 */
import { toStoredArticle } from '../export/record';
import type { LibraryRecord } from '../export/types';
import { parseBackupWithLinks } from '../import/lectern-backup';
import { readBackupZip, type EntryProblem } from '../import/restore-zip';
import { looksLikeZip } from '../import/unzip';
import { toBase64 } from '../shared/base64';
import { sniffImageType } from '../offline-images/content-key';
import { sendMessage } from '../shared/messages';
import type { RestoredImage } from '../storage/images';
import { packRecord } from '../storage/compress';
import type { Packed } from '../storage/packed';
import { RESTORE_BATCH, type KeptArticle } from '../storage/restore';
import type { SavedArticle } from '../storage/schema';

/** One message is one write of the background's (restore.ts), so a message that fails wrote nothing. */
const BATCH_ARTICLES = RESTORE_BATCH;
/** Characters of packed bodies and image data per message: far under Chrome's 64 MiB, and memory stays bounded (two batches). */
const BATCH_CHARS = 8 * 1024 * 1024;

export interface RestoreProgress {
  /** Articles written so far, and how many the backup holds (0 when unknown). */
  done: number;
  total: number;
  bytes: number;
  totalBytes: number;
}

export interface RestoreReport {
  added: number;
  replaced: number;
  skipped: EntryProblem[];
  /** Records restored with their highlights fitted to the library's limits, and how. */
  fitted: EntryProblem[];
  /** Saved articles kept as they were: merging the backup's copy would have left highlights out. */
  kept: KeptArticle[];
  cancelled: boolean;
  /** Offline images linked to their articles, and those that could not be (bytes missing or refused). */
  images: { linked: number; lost: number };
  /** Addresses a converted export keeps to fetch (docs/backup-format.md); Import fetches them, restore does not. */
  links?: number;
}

/** A restore that stopped on an error; `report` says what had been written before it. */
export class RestoreStopped extends Error {
  constructor(readonly report: RestoreReport, override readonly cause: unknown) {
    super(cause instanceof Error ? cause.message : String(cause));
  }
}

/** Restore `file`; resolves with the report (also when cancelled), rejects with RestoreStopped. */
export async function restoreBackupFile(file: File, onProgress: (p: RestoreProgress) => void, signal: AbortSignal): Promise<RestoreReport> {
  const report: RestoreReport = { added: 0, replaced: 0, skipped: [], fitted: [], kept: [], cancelled: false, images: { linked: 0, lost: 0 } };
  const progress: RestoreProgress = { done: 0, total: 0, bytes: 0, totalBytes: file.size };
  const batch = new Batcher(async (articles, images) => {
    signal.throwIfAborted();
    if (articles.length) {
      // Each batch updates the search index as it is written (src/storage/restore.ts): no rebuild follows.
      const outcome = await sendMessage('restoreBackup', { articles });
      report.added += outcome.added;
      report.replaced += outcome.replaced;
      report.kept.push(...(outcome.kept ?? []));
      progress.done += articles.length;
      onProgress({ ...progress });
    }
    for (const chunk of imageMessages(images)) {
      const outcome = await sendMessage('restoreImages', { images: chunk });
      report.images.linked += outcome.linked;
      report.images.lost += outcome.missing + outcome.rejected;
    }
  });
  try {
    if (looksLikeZip(new Uint8Array(await file.slice(0, 8).arrayBuffer()))) {
      report.skipped = await readBackupZip(file.stream(), {
        onManifest: (m) => (progress.total = m.articles),
        onRecord: (record) => batch.add(record),
        onImageLinks: (id, links) => batch.addImageLinks(id, links),
        onImage: (key, bytes) => batch.addImage(key, bytes),
        onFitted: (problem) => report.fitted.push(problem),
        onBytes: (bytes) => {
          progress.bytes = bytes;
          onProgress({ ...progress });
        },
        signal,
      });
    } else {
      const { backup: { articles }, links, fitted } = parseBackupWithLinks(await file.text());
      if (links.items.length) report.links = links.items.length;
      report.fitted = fitted;
      progress.total = articles.length;
      progress.bytes = file.size;
      for (const record of articles) await batch.add(record);
    }
    await batch.flush();
    await batch.sent();
  } catch (error) {
    // The message in flight is written or refused as a whole: the report counts it once it has answered.
    await batch.sent().catch(() => {});
    if (!signal.aborted) throw new RestoreStopped(report, error);
    report.cancelled = true;
  }
  return report;
}

/** Images per restoreImages message: at most about BATCH_CHARS of base64. */
function* imageMessages(images: RestoredImage[]): Generator<RestoredImage[]> {
  let chunk: RestoredImage[] = [];
  let chars = 0;
  for (const image of images) {
    if (chunk.length && chars + (image.data?.length ?? 0) > BATCH_CHARS) {
      yield chunk;
      chunk = [];
      chars = 0;
    }
    chunk.push(image);
    chars += image.data?.length ?? 0;
  }
  if (chunk.length) yield chunk;
}

/**
 * Records gathered into messages of at most BATCH_ARTICLES articles or about BATCH_CHARS characters (image
 * bytes included). A batch is sent only when the next article comes, so an article's image links and
 * bytes, which follow it in the zip, always travel with or after it. One batch is in flight while the next
 * is gathered; a batch is sent only once the one before has been answered, so they arrive in order.
 */
class Batcher {
  private articles: Array<Packed<SavedArticle>> = [];
  private images: RestoredImage[] = [];
  private chars = 0;
  private inFlight: Promise<void> = Promise.resolve();
  constructor(private send: (articles: Array<Packed<SavedArticle>>, images: RestoredImage[]) => Promise<void>) {}

  async add(record: LibraryRecord): Promise<void> {
    if (this.articles.length >= BATCH_ARTICLES || this.chars >= BATCH_CHARS) await this.flush();
    const article = packRecord(await toStoredArticle(record));
    this.articles.push(article);
    this.chars += article.body.length;
  }

  addImageLinks(articleId: string, links: Record<string, string>): void {
    for (const [url, key] of Object.entries(links)) this.images.push({ articleId, url, key });
  }

  /** The bytes go with the first link of this batch to their key; a later link finds them stored. */
  addImage(key: string, bytes: Uint8Array): void {
    const first = this.images.find((i) => i.key === key && i.data === undefined);
    const type = sniffImageType(bytes);
    if (!first || !type) return;
    first.data = toBase64(bytes);
    first.type = type;
    first.bytes = bytes.length;
    this.chars += first.data.length;
  }

  /** Send what is gathered once the batch before has been answered (throws that batch's error); returns without waiting for this one. */
  async flush(): Promise<void> {
    if (!this.articles.length && !this.images.length) return;
    const { articles, images } = this;
    this.articles = [];
    this.images = [];
    this.chars = 0;
    await this.inFlight;
    this.inFlight = this.send(articles, images);
    this.inFlight.catch(() => {}); // its error comes from the next flush or from sent()
  }

  /** Resolves once the batch in flight has been answered; rejects with its error. */
  sent(): Promise<void> {
    return this.inFlight;
  }
}
