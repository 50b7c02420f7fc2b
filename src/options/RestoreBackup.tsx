import { useRef, useState } from 'preact/hooks';
import { errorText } from '../library/errors';
import { t } from '../shared/i18n';
import { isFullDisk } from '../storage/write-error';
import { TransferProgress, type Transfer } from '../ui/TransferProgress';
import { restoreBackupFile, RestoreStopped, type RestoreReport } from './restore-file';

type Status = { text: string; error: boolean; report?: RestoreReport };

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
        (report) => setStatus({ text: outcomeText(report), error: false, report }),
        (e: unknown) => setStatus({ text: stoppedText(e), error: true, report: e instanceof RestoreStopped ? e.report : undefined }),
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
      {status?.report && <ReportDetails report={status.report} />}
    </div>
  );
}

/** What the restore could not bring back as it was in the file: lost images, skipped entries, fitted or unmerged articles. */
function ReportDetails({ report }: { report: RestoreReport }) {
  const { images, skipped, fitted, kept } = report;
  return (
    <>
      {images.lost > 0 && <p class="restore-images-lost">{t('restoreImagesLost', String(images.lost))}</p>}
      <Problems summary={t('restoreSkipped', String(skipped.length))} items={skipped.map((s) => `${s.entry}: ${s.reason}`)} />
      <Problems summary={t('restoreFitted', String(fitted.length))} items={fitted.map((s) => `${s.entry}: ${s.reason}`)} />
      <Problems summary={t('restoreKept', String(kept.length))} items={kept.map((k) => t('restoreKeptItem', [k.title, String(k.highlights)]))} />
    </>
  );
}

/** A list of entries under a summary line, shown only when there are any (the first 200). */
function Problems({ summary, items }: { summary: string; items: string[] }) {
  if (!items.length) return null;
  return (
    <details>
      <summary>{summary}</summary>
      <ul>{items.slice(0, 200).map((item, i) => <li key={i}>{item}</li>)}</ul>
    </details>
  );
}
