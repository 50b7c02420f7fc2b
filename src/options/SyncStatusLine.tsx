import { t, uiLanguage } from '../shared/i18n';
import type { SyncStatus } from '../shared/sync';
import { formatDateTime, formatTimeAgo } from './sync-time';

const number = (n: number) => n.toLocaleString(uiLanguage());

/** The last run's error in words: one sentence per error code, and the detail (an HTTP status, say). */
function SyncError({ error }: { error: NonNullable<SyncStatus['error']> }) {
  return (
    <p class="sync-error">
      {t(`syncError_${error.code}`)}
      {error.detail && <> {t('syncErrorDetail', error.detail)}</>}
    </p>
  );
}

function LastRun({ status, now }: { status: SyncStatus; now: number }) {
  if (status.lastRunAt === null) return <p>{t(status.configured ? 'syncStatusNever' : 'syncStatusNotSetUp')}</p>;
  const when = [formatTimeAgo(status.lastRunAt, now), formatDateTime(status.lastRunAt)];
  if (status.lastOk === false || status.error) return <p>{t('syncStatusFailed', when)}</p>;
  const c = status.lastCounts;
  const moved = c && c.uploaded + c.downloaded + c.deleted > 0 ? t('syncStatusMoved', [number(c.uploaded), number(c.downloaded), number(c.deleted)]) : t('syncStatusNothingMoved');
  const away = c?.removedWhileAway ? <> {t('syncStatusRemovedWhileAway', number(c.removedWhileAway))}</> : null;
  return <p>{t('syncStatusDone', when)} {moved}{away}</p>;
}

function Running({ progress }: { progress: SyncStatus['progress'] }) {
  if (!progress || progress.total === 0) return <p>{t('syncStatusRunning')}</p>;
  return (
    <p>
      {t('syncStatusProgress', [number(progress.done), number(progress.total)])}{' '}
      <progress max={progress.total} value={progress.done} aria-label={t('syncStatusRunning')} />
    </p>
  );
}

/**
 * What sync is doing: running (with progress on a long first sync), when the last run ended and what it
 * moved, or why it stopped. A polite live region, so screen readers hear a sync an alarm started too.
 */
export function SyncStatusLine({ status, now }: { status: SyncStatus | null; now: number }) {
  return (
    <div class="sync-status" role="status" aria-live="polite" data-testid="sync-status">
      {status && status.running && <Running progress={status.progress} />}
      {status && !(status.running && status.lastRunAt === null) && <LastRun status={status} now={now} />}
      {status?.error && <SyncError error={status.error} />}
    </div>
  );
}
