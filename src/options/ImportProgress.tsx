import { useEffect, useState } from 'preact/hooks';
import { jobFailures, jobProgress, type ImportJob } from '../import/job';
import { onImportJobChanged, readImportJob } from '../import/stored-job';
import { errorText } from '../library/errors';
import { t } from '../shared/i18n';
import { sendMessage } from '../shared/messages';
import { requestImportAccess } from './import-file';

/** The stored import job, live: the background writes it after every item. */
function useImportJob(): ImportJob | null {
  const [job, setJob] = useState<ImportJob | null>(null);
  useEffect(() => {
    void readImportJob().then(setJob);
    return onImportJobChanged(setJob);
  }, []);
  return job;
}

/** n of N, the failures with their reasons, Retry failed and Cancel. */
export function ImportProgress() {
  const job = useImportJob();
  const [error, setError] = useState<string | null>(null);
  if (!job) return null;
  const { total, done, failed } = jobProgress(job);
  // The access given at Import goes back when a job ends: a retry asks again, inside the click.
  const access = (action: string) => (action === 'retry' && pending(job) ? requestImportAccess() : Promise.resolve(true));
  const act = (action: 'cancel' | 'retry' | 'clear') => void access(action)
    .then(() => sendMessage('changeImport', { action }))
    .then(() => setError(null), (e: unknown) => setError(errorText(e)));
  return (
    <div class="import-progress" aria-labelledby="import-progress-heading">
      <h3 id="import-progress-heading">{t('importProgressHeading')}</h3>
      <progress max={total} value={done + failed} aria-label={t('importProgressLabel')} />
      <p role="status" class="import-count">{t(`importState_${job.state}`, [String(done + failed), String(total), String(done), String(failed)])}</p>
      {job.state === 'paused' && <p role="alert">{t('importPaused', job.pausedReason ?? '')}</p>}
      {job.state === 'running' && <button type="button" onClick={() => act('cancel')}>{t('importCancel')}</button>}
      {job.state !== 'running' && (failed > 0 || done + failed < total) && <button type="button" onClick={() => act('retry')}>{t(failed > 0 ? 'importRetry' : 'importResume')}</button>}
      {job.state !== 'running' && <button type="button" onClick={() => act('clear')}>{t('importClear')}</button>}
      {error && <p role="alert">{error}</p>}
      {failed > 0 && (
        <ul class="import-failures" aria-label={t('importFailuresLabel')}>
          {jobFailures(job).map((f) => <li key={f.index}>{t('importItemFailed', [f.title ? `${f.title} (${f.url})` : f.url, f.reason])}</li>)}
        </ul>
      )}
    </div>
  );
}

/** Whether a retry would fetch anything (failed or not yet done items). */
const pending = (job: ImportJob) => job.items.some((i) => i.status !== 'done');
