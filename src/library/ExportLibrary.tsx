import { useRef, useState } from 'preact/hooks';
import { t } from '../shared/i18n';
import { TransferProgress, type Transfer } from '../ui/TransferProgress';
import { errorText } from './errors';

/**
 * The export code (the ZIP writer with fflate, EPUB, the record format) is loaded when a button is pressed,
 * not with the list: the popup's first paint must not load or parse it (BENCHMARKS.md, "Bundle sizes").
 */
const loadExports = () => import('./export-actions');

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
    loadExports().then(({ exportBackup }) => exportBackup(ids, {
      signal: controller.signal,
      onProgress: (p) => setTransfer({ ...p, fraction: p.total ? p.done / p.total : 1, startedAt }),
    })).then(
      (count) => setStatus(t('exportDone', String(count))),
      (e: unknown) => setStatus(controller.signal.aborted ? t('exportCancelled') : t('exportFailed', errorText(e))),
    ).finally(() => setTransfer(null));
  };
  const epub = () => {
    setStatus(t('exportWorking'));
    loadExports().then(({ exportEpub }) => exportEpub(ids)).then((n) => setStatus(t('exportDone', String(n))), (e: unknown) => setStatus(t('exportFailed', errorText(e))));
  };
  const highlights = () => {
    setStatus(t('exportWorking'));
    loadExports().then(({ exportHighlights }) => exportHighlights(ids)).then((n) => setStatus(t('exportDone', String(n))), (e: unknown) => setStatus(t('exportFailed', errorText(e))));
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
