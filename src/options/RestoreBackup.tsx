import { useRef, useState } from 'preact/hooks';
import { errorText } from '../library/errors';
import { t } from '../shared/i18n';
import { isFullDisk } from '../storage/write-error';
import { TransferProgress, type Transfer } from '../ui/TransferProgress';
import { restoreBackupFile, RestoreStopped, type RestoreReport } from './restore-file';

type Status = { text: string; error: boolean; skipped?: RestoreReport['skipped'] };

/** What the user is told when a restore ends: done, cancelled, or stopped (and what was restored before). */
function outcomeText(report: RestoreReport): string {
  const n = String(report.added + report.replaced);
  const done = t(report.cancelled ? 'restoreCancelled' : 'restoreDone', [n, String(report.added), String(report.replaced)]);
  return report.links ? `${done} ${t('restoreLinksToImport', String(report.links))}` : done;
}

function stoppedText(error: unknown): string {
  if (!(error instanceof RestoreStopped)) return t('restoreFailed', errorText(error));
  const n = error.report.added + error.report.replaced;
  // The background's StorageWriteError arrives as text: Chrome "QUOTA_BYTES quota exceeded" or, on a full
  // disk, "IO error: …: FILE_ERROR_NO_SPACE"; Firefox "QuotaExceededError" (errors.ts). Said in words also
  // when the very first batch did not fit (Firefox on a full disk refuses it with its raw quota message).
  if (isFullDisk(error.message)) return n === 0 ? t('restoreNothingFull') : t('restoreStoppedFull', String(n));
  if (n === 0) return t('restoreFailed', errorText(error.cause));
  return t('restoreStopped', [errorText(error.cause), String(n)]);
}

/** Restore a Lectern backup (the zip, or the JSON file of earlier versions), with progress and Cancel. */
export function RestoreBackup() {
  const [status, setStatus] = useState<Status | null>(null);
  const [transfer, setTransfer] = useState<Transfer | null>(null);
  const abort = useRef<AbortController | null>(null);
  const onChange = (event: Event) => {
    const input = event.currentTarget as HTMLInputElement;
    const file = input.files?.[0];
    if (!file) return;
    const controller = new AbortController();
    abort.current = controller;
    const startedAt = Date.now();
    setStatus({ text: t('restoreWorking'), error: false });
    setTransfer({ done: 0, total: 0, bytes: 0, fraction: 0, startedAt });
    restoreBackupFile(file, (p) => setTransfer({ done: p.done, total: p.total, bytes: p.bytes, fraction: p.totalBytes ? p.bytes / p.totalBytes : 0, startedAt }), controller.signal)
      .then(
        (report) => setStatus({ text: outcomeText(report), error: false, skipped: report.skipped }),
        (e: unknown) => setStatus({ text: stoppedText(e), error: true, skipped: e instanceof RestoreStopped ? e.report.skipped : [] }),
      )
      .finally(() => {
        input.value = '';
        setTransfer(null);
      });
  };
  return (
    <div class="restore-backup">
      <label>
        {t('restoreLabel')} <input type="file" accept=".zip,application/zip,.json,application/json" disabled={transfer !== null} onChange={onChange} />
      </label>
      {transfer && <TransferProgress transfer={transfer} onCancel={() => abort.current?.abort()} />}
      {status && <p role={status.error ? 'alert' : 'status'}>{status.text}</p>}
      {status?.skipped?.length ? (
        <details>
          <summary>{t('restoreSkipped', String(status.skipped.length))}</summary>
          <ul>{status.skipped.slice(0, 200).map((s) => <li key={s.entry}>{`${s.entry}: ${s.reason}`}</li>)}</ul>
        </details>
      ) : null}
    </div>
  );
}
