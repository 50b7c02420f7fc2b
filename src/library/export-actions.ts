import { writeBackupZip, type BackupImages, type BackupOptions } from '../export/backup-zip';
import { buildEpub } from '../export/epub';
import { fileNameFor } from '../export/filename';
import { toLibraryRecord } from '../export/record';
import { t } from '../shared/i18n';
import { fromBase64 } from '../shared/base64';
import { readImageData, readImageLinks } from '../storage/images';
import { readArticles } from '../storage/read-records';
import { downloadFile, MIME } from '../ui/download';

/**
 * What the export buttons do (src/library/ExportLibrary.tsx). A module of its own, imported when a button
 * is pressed: it brings the ZIP writer, the EPUB builder and the record format, which the list never needs.
 */
const stamp = () => new Date().toISOString().slice(0, 10);
const readRecords = async (ids: string[]) => (await readArticles(ids)).map(toLibraryRecord);
/** The offline image copies go into the backup with their articles. */
const backupImages: BackupImages = {
  links: readImageLinks,
  bytes: async (key) => {
    const image = await readImageData(key);
    return image ? fromBase64(image.data) : null;
  },
};

/** The streamed backup ZIP of these articles, downloaded; how many articles it holds. */
export async function exportBackup(ids: string[], options: Omit<BackupOptions, 'read' | 'images'>): Promise<number> {
  const { blob, count } = await writeBackupZip(ids, { ...options, read: readRecords, images: backupImages });
  downloadFile(fileNameFor(`lectern-backup-${stamp()}`, 'zip'), blob, MIME.zip);
  return count;
}

/** A book (EPUB) of the articles with these ids. It is built in memory: meant for a reading list, not a library. */
export async function exportEpub(ids: string[]): Promise<number> {
  const records = await readRecords(ids);
  if (records.length) downloadFile(fileNameFor(`lectern-${stamp()}`, 'epub'), await buildEpub(records, { title: t('exportBookTitle'), untitled: t('untitled') }), MIME.epub);
  return records.length;
}

/** Only the highlights (Markdown, one section per article); how many articles had some. */
export async function exportHighlights(ids: string[]): Promise<number> {
  const withHighlights = (await readRecords(ids)).filter((r) => r.highlights?.length);
  if (withHighlights.length === 0) throw new Error(t('exportHighlightsNone'));
  // Loaded when asked for: it brings the sanitizer and Turndown, which the list itself never needs.
  const { highlightsOnlyMarkdown } = await import('../export/highlights-markdown');
  downloadFile(fileNameFor(`lectern-highlights-${stamp()}`, 'md'), highlightsOnlyMarkdown(withHighlights, t('exportHighlightsTitle')), MIME.markdown);
  return withHighlights.length;
}
