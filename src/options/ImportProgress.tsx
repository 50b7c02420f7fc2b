import { useEffect, useState } from 'preact/hooks';
import { jobFailures, jobProgress, type ImportJob } from '../import/job';
import { onImportJobChanged, readImportJob } from '../import/stored-job';
import { errorText } from '../library/errors';
import { t } from '../shared/i18n';
import { sendMessage } from '../shared/messages';
import type { Permissions } from 'webextension-polyfill';
import type { ImportAccess } from '../import/host-access';
import { askedAccess, importAccessAll, missingImportAccess, requestImportAccess } from './import-file';

/** The stored import job, live: the background writes it after every item. */
function useImportJob(): ImportJob | null {
  const [job, setJob] = useState<ImportJob | null>(null);
  useEffect(() => {
    void readImportJob().then(setJob);
    return onImportJobChanged(setJob);
  }, []);
  return job;
}

/**
 * What a retry of `job` would have to ask for (missingImportAccess for its unfinished pages): null when
 * nothing, undefined until known (a retry then asks for all of it). Worked out before the click, because
 * the request must come first in it.
 */
function useMissingAccess(job: ImportJob | null): Permissions.Permissions | null | undefined {
  const [missing, setMissing] = useState<Permissions.Permissions | null | undefined>(undefined);
  const urls = job && job.state !== 'running' ? job.items.filter((i) => i.status !== 'done').map((i) => i.item.url) : [];
  const key = urls.join('\n');
  useEffect(() => {
    let current = true;
    setMissing(undefined);
    if (urls.length) void missingImportAccess(urls).then((m) => current && setMissing(m), () => current && setMissing(undefined));
    return () => {
      current = false;
    };
    // `key` stands for the URLs: the effect runs again only when they change.
  }, [key]);
  return missing;
}

/** n of N, the failures with their reasons, Retry failed and Cancel. */
export function ImportProgress() {
  const job = useImportJob();
  const missing = useMissingAccess(job);
  const [error, setError] = useState<string | null>(null);
  if (!job) return null;
  const { total, done, failed } = jobProgress(job);
  // The access given at Import goes back when a job ends: a retry asks again, inside the click (no await
  // before the request), for what its pages miss now, and the job gives that back when it ends again.
  const access = (action: string): Promise<ImportAccess | undefined> => {
    if (action !== 'retry' || !pending(job) || missing === null) return Promise.resolve(undefined);
    const asking = missing ?? importAccessAll();
    return requestImportAccess(asking).then((granted) => (granted ? askedAccess(asking) : undefined));
  };
  const act = (action: 'cancel' | 'retry' | 'clear') => void access(action)
    .then((asked) => sendMessage('changeImport', { action, ...(asked ? { asked } : {}) }))
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
