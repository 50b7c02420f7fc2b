import { useRef, useState } from 'preact/hooks';
import { writeBackupZip, type BackupImages } from '../export/backup-zip';
import { buildEpub } from '../export/epub';
import { fileNameFor } from '../export/filename';
import { toLibraryRecord } from '../export/record';
import type { LibraryRecord } from '../export/types';
import { t } from '../shared/i18n';
import { fromBase64 } from '../offline-images/base64';
import { readArticles, readImageData, readImageLinks } from '../storage';
import { downloadFile, MIME } from '../ui/download';
import { TransferProgress, type Transfer } from '../ui/TransferProgress';
import { errorText } from './errors';

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

/** A book (EPUB) of the articles with these ids. It is built in memory: meant for a reading list, not a library. */
async function exportEpub(ids: string[]): Promise<number> {
  const records = await readRecords(ids);
  if (records.length) downloadFile(fileNameFor(`lectern-${stamp()}`, 'epub'), await buildEpub(records, { title: t('exportBookTitle'), untitled: t('untitled') }), MIME.epub);
  return records.length;
}

/** Only the highlights (Markdown, one section per article); how many articles had some. */
async function exportHighlights(records: LibraryRecord[]): Promise<number> {
  const withHighlights = records.filter((r) => r.highlights?.length);
  if (withHighlights.length === 0) throw new Error(t('exportHighlightsNone'));
  // Loaded when asked for: it brings the sanitizer and Turndown, which the list itself never needs.
  const { highlightsOnlyMarkdown } = await import('../export/highlights-markdown');
  downloadFile(fileNameFor(`lectern-highlights-${stamp()}`, 'md'), highlightsOnlyMarkdown(withHighlights, t('exportHighlightsTitle')), MIME.markdown);
  return withHighlights.length;
}

/**
 * Export all of the library or what the list shows (search and filters applied): one component for the
 * popup's Library view and the options page. The backup is the streamed zip (export/backup-zip.ts), with
 * progress and Cancel; pages read storage, the worker writes.
 */
export function ExportLibrary({ ids, selection }: { ids: string[]; selection: boolean }) {
  const [status, setStatus] = useState('');
  const [transfer, setTransfer] = useState<Transfer | null>(null);
  const abort = useRef<AbortController | null>(null);
  const backup = () => {
    const controller = new AbortController();
    abort.current = controller;
    const startedAt = Date.now();
    setStatus('');
    setTransfer({ done: 0, total: ids.length, bytes: 0, fraction: 0, startedAt });
    writeBackupZip(ids, {
      read: readRecords,
      images: backupImages,
      signal: controller.signal,
      onProgress: (p) => setTransfer({ ...p, fraction: p.total ? p.done / p.total : 1, startedAt }),
    }).then(
      ({ blob, count }) => {
        downloadFile(fileNameFor(`lectern-backup-${stamp()}`, 'zip'), blob, MIME.zip);
        setStatus(t('exportDone', String(count)));
      },
      (e: unknown) => setStatus(controller.signal.aborted ? t('exportCancelled') : t('exportFailed', errorText(e))),
    ).finally(() => setTransfer(null));
  };
  const epub = () => {
    setStatus(t('exportWorking'));
    exportEpub(ids).then((n) => setStatus(t('exportDone', String(n))), (e: unknown) => setStatus(t('exportFailed', errorText(e))));
  };
  const highlights = () => {
    setStatus(t('exportWorking'));
    readRecords(ids).then(exportHighlights).then((n) => setStatus(t('exportDone', String(n))), (e: unknown) => setStatus(t('exportFailed', errorText(e))));
  };
  const count = String(ids.length);
  const busy = transfer !== null;
  return (
    <div class="export-library">
      <button type="button" disabled={ids.length === 0 || busy} onClick={backup}>{t(selection ? 'exportSelectionBackup' : 'exportAllBackup', count)}</button>
      <button type="button" disabled={ids.length === 0 || busy} onClick={epub}>{t(selection ? 'exportSelectionEpub' : 'exportAllEpub', count)}</button>
      <button type="button" disabled={ids.length === 0 || busy} onClick={highlights}>{t(selection ? 'exportSelectionHighlights' : 'exportAllHighlights', count)}</button>
      {transfer && <TransferProgress transfer={transfer} onCancel={() => abort.current?.abort()} />}
      <span role="status">{status}</span>
    </div>
  );
}
