import { formatBytes, formatDuration } from '../shared/format';
import { t, uiLanguage } from '../shared/i18n';

export interface Transfer {
  done: number;
  total: number;
  bytes: number;
  /** Share of the work done, 0..1 (by bytes of the file for a restore, by articles for a backup). */
  fraction: number;
  startedAt: number;
}

/** Time left from the rate so far; null until there is enough to go on (2 s and 1 %). */
function timeLeft(transfer: Transfer, now = Date.now()): number | null {
  const elapsed = now - transfer.startedAt;
  if (elapsed < 2000 || transfer.fraction < 0.01) return null;
  return (elapsed / transfer.fraction) * (1 - transfer.fraction);
}

/** A backup's or restore's progress: count, bytes and time left, a bar, and Cancel. */
export function TransferProgress({ transfer, onCancel }: { transfer: Transfer; onCancel: () => void }) {
  const count = (n: number) => n.toLocaleString(uiLanguage());
  const left = timeLeft(transfer);
  const text = left === null
    ? t('transferEstimating', [count(transfer.done), count(transfer.total), formatBytes(transfer.bytes)])
    : t('transferProgress', [count(transfer.done), count(transfer.total), formatBytes(transfer.bytes), formatDuration(left)]);
  return (
    <div class="transfer-progress">
      <progress max={1} value={transfer.fraction} aria-label={text} />
      <span class="transfer-count" role="status">{text}</span>
      <button type="button" onClick={onCancel}>{t('cancel')}</button>
    </div>
  );
}
