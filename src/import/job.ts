/**
 * An import job as plain data: the background persists it after every step, so an import goes on
 * after the browser restarts. Every function returns a new job and never touches the old one.
 */
import type { ImportAccess } from './host-access';
import type { ImportItem } from './types';

export const JOB_VERSION = 1;

export type JobItemStatus = 'pending' | 'done' | 'failed';
/** `paused`: the library could not be written (storage full); Resume tries again. */
export type JobState = 'running' | 'paused' | 'cancelled' | 'finished';

export interface JobItem {
  item: ImportItem;
  status: JobItemStatus;
  /** Why the last attempt failed (shown to the user). */
  reason?: string;
  attempts: number;
  /** The library id the item was saved under. */
  articleId?: string;
}

export interface ImportJob {
  version: typeof JOB_VERSION;
  id: string;
  /** Where the items came from, for the progress view ("pocket", "bookmarks" …). */
  source: string;
  createdAt: string;
  updatedAt: string;
  state: JobState;
  /** Why the job paused, in words for the user (only while `paused`). */
  pausedReason?: string;
  items: JobItem[];
  /** The access this import asked for at Import, given back when the job ends (none: it asked for none). */
  access?: ImportAccess;
}

export interface JobProgress {
  total: number;
  done: number;
  failed: number;
  pending: number;
}

export function createJob(id: string, source: string, items: ImportItem[], now: Date = new Date()): ImportJob {
  const at = now.toISOString();
  const job: ImportJob = { version: JOB_VERSION, id, source, createdAt: at, updatedAt: at, state: 'running', items: items.map((item) => ({ item, status: 'pending', attempts: 0 })) };
  return settle(job, now);
}

/** Index of the next item to process, or null when the job is not running or nothing is left. */
export function nextPending(job: ImportJob): number | null {
  if (job.state !== 'running') return null;
  const index = job.items.findIndex((i) => i.status === 'pending');
  return index < 0 ? null : index;
}

export function markDone(job: ImportJob, index: number, articleId?: string, now: Date = new Date()): ImportJob {
  return update(job, index, (i) => ({ ...i, status: 'done', reason: undefined, attempts: i.attempts + 1, articleId }), now);
}

export function markFailed(job: ImportJob, index: number, reason: string, now: Date = new Date()): ImportJob {
  return update(job, index, (i) => ({ ...i, status: 'failed', reason, attempts: i.attempts + 1 }), now);
}

/** Failed items go back in the queue, and the job runs again (also after a cancel or a pause). */
export function retryFailed(job: ImportJob, now: Date = new Date()): ImportJob {
  const items = job.items.map((i): JobItem => (i.status === 'failed' ? { ...i, status: 'pending' } : i));
  const { pausedReason: _reason, ...rest } = job;
  void _reason;
  return settle({ ...rest, items, state: 'running', updatedAt: now.toISOString() }, now);
}

/** Stops a running job because the library cannot take more (the item stays pending for Resume). */
export function pauseJob(job: ImportJob, reason: string, now: Date = new Date()): ImportJob {
  return job.state === 'running' ? { ...job, state: 'paused', pausedReason: reason, updatedAt: now.toISOString() } : job;
}

/** Stops the job; items not yet processed stay pending (a retry resumes them). */
export function cancelJob(job: ImportJob, now: Date = new Date()): ImportJob {
  return job.state === 'running' || job.state === 'paused' ? { ...job, state: 'cancelled', updatedAt: now.toISOString() } : job;
}

export function jobProgress(job: ImportJob): JobProgress {
  const count = (status: JobItemStatus) => job.items.filter((i) => i.status === status).length;
  return { total: job.items.length, done: count('done'), failed: count('failed'), pending: count('pending') };
}

/** The failed items with their reasons, for the list shown under the progress bar. */
export function jobFailures(job: ImportJob): { index: number; url: string; title?: string; reason: string }[] {
  return job.items.flatMap((i, index) => (i.status === 'failed' ? [{ index, url: i.item.url, title: i.item.title, reason: i.reason ?? '' }] : []));
}

function update(job: ImportJob, index: number, change: (item: JobItem) => JobItem, now: Date): ImportJob {
  const current = job.items[index];
  if (!current || current.status !== 'pending') throw new Error(`Item ${index} is not pending.`);
  const items = job.items.slice();
  const next = change(current);
  for (const key of Object.keys(next) as (keyof JobItem)[]) if (next[key] === undefined) delete next[key];
  items[index] = next;
  return settle({ ...job, items, updatedAt: now.toISOString() }, now);
}

/** A running job with nothing pending is finished. */
function settle(job: ImportJob, now: Date): ImportJob {
  if (job.state === 'running' && !job.items.some((i) => i.status === 'pending')) return { ...job, state: 'finished', updatedAt: now.toISOString() };
  return job;
}
