import { useState } from 'preact/hooks';
import { backupToJson, createBackup } from '../export/backup';
import { buildEpub } from '../export/epub';
import { fileNameFor } from '../export/filename';
import { toLibraryRecord } from '../export/record';
import { t } from '../shared/i18n';
import { readArticles } from '../storage';
import { downloadFile, MIME } from '../ui/download';
import { errorText } from './errors';

const stamp = () => new Date().toISOString().slice(0, 10);

/** The backup (JSON) or a book (EPUB) of the articles with these ids; pages read storage, the worker writes. */
async function exportArticles(ids: string[], kind: 'backup' | 'epub'): Promise<number> {
  const records = (await readArticles(ids)).map(toLibraryRecord);
  if (kind === 'backup') downloadFile(fileNameFor(`lectern-backup-${stamp()}`, 'json'), backupToJson(createBackup(records)), MIME.json);
  else if (records.length) downloadFile(fileNameFor(`lectern-${stamp()}`, 'epub'), await buildEpub(records, { title: t('exportBookTitle'), untitled: t('untitled') }), MIME.epub);
  return records.length;
}

/**
 * Export all of the library or what the list shows (search and filters applied): one component for the
 * popup's Library view and the options page.
 */
export function ExportLibrary({ ids, selection }: { ids: string[]; selection: boolean }) {
  const [status, setStatus] = useState('');
  const run = (kind: 'backup' | 'epub') => {
    setStatus(t('exportWorking'));
    exportArticles(ids, kind).then((n) => setStatus(t('exportDone', String(n))), (e: unknown) => setStatus(t('exportFailed', errorText(e))));
  };
  const count = String(ids.length);
  return (
    <div class="export-library">
      <button type="button" disabled={ids.length === 0} onClick={() => run('backup')}>{t(selection ? 'exportSelectionBackup' : 'exportAllBackup', count)}</button>
      <button type="button" disabled={ids.length === 0} onClick={() => run('epub')}>{t(selection ? 'exportSelectionEpub' : 'exportAllEpub', count)}</button>
      <span role="status">{status}</span>
    </div>
  );
}
