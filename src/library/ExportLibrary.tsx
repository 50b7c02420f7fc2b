import { useState } from 'preact/hooks';
import { backupToJson, createBackup } from '../export/backup';
import { buildEpub } from '../export/epub';
import { fileNameFor } from '../export/filename';
import { toLibraryRecord } from '../export/record';
import type { LibraryRecord } from '../export/types';
import { t } from '../shared/i18n';
import { readArticles } from '../storage';
import { downloadFile, MIME } from '../ui/download';
import { errorText } from './errors';

const stamp = () => new Date().toISOString().slice(0, 10);

/** The backup (JSON) or a book (EPUB) of the articles with these ids; pages read storage, the worker writes. */
type Kind = 'backup' | 'epub' | 'highlights';

async function exportArticles(ids: string[], kind: Kind): Promise<number> {
  const records = (await readArticles(ids)).map(toLibraryRecord);
  if (kind === 'highlights') return exportHighlights(records);
  if (kind === 'backup') downloadFile(fileNameFor(`lectern-backup-${stamp()}`, 'json'), backupToJson(createBackup(records)), MIME.json);
  else if (records.length) downloadFile(fileNameFor(`lectern-${stamp()}`, 'epub'), await buildEpub(records, { title: t('exportBookTitle'), untitled: t('untitled') }), MIME.epub);
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
 * popup's Library view and the options page.
 */
export function ExportLibrary({ ids, selection }: { ids: string[]; selection: boolean }) {
  const [status, setStatus] = useState('');
  const run = (kind: Kind) => {
    setStatus(t('exportWorking'));
    exportArticles(ids, kind).then((n) => setStatus(t('exportDone', String(n))), (e: unknown) => setStatus(t('exportFailed', errorText(e))));
  };
  const count = String(ids.length);
  return (
    <div class="export-library">
      <button type="button" disabled={ids.length === 0} onClick={() => run('backup')}>{t(selection ? 'exportSelectionBackup' : 'exportAllBackup', count)}</button>
      <button type="button" disabled={ids.length === 0} onClick={() => run('epub')}>{t(selection ? 'exportSelectionEpub' : 'exportAllEpub', count)}</button>
      <button type="button" disabled={ids.length === 0} onClick={() => run('highlights')}>{t(selection ? 'exportSelectionHighlights' : 'exportAllHighlights', count)}</button>
      <span role="status">{status}</span>
    </div>
  );
}
