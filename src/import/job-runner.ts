/**
 * Drives an import job one item at a time. Storage-agnostic: fetching and extracting an item, saving
 * the job, and asking whether the user cancelled are all passed in. The job is persisted after every
 * item, so a browser restart loses at most the item in flight (it is still pending, and runs again).
 */
import { cancelJob, markDone, markFailed, nextPending, type ImportJob } from './job';
import type { ImportItem } from './types';

export type StepResult = { ok: true; articleId?: string } | { ok: false; reason: string };

export interface JobRunnerDeps {
  /** Saves the item: from its content when it came with one, else fetch + extract + save. */
  step: (item: ImportItem) => Promise<StepResult>;
  /** Writes the job where the background keeps it. */
  persist: (job: ImportJob) => Promise<void>;
  /** True once the user cancelled (read from wherever the cancel request lands). */
  cancelled?: () => boolean | Promise<boolean>;
  now?: () => Date;
}

/** Runs `job` until nothing is pending or it is cancelled; returns the final job (also persisted). */
export async function runJob(job: ImportJob, deps: JobRunnerDeps): Promise<ImportJob> {
  const now = deps.now ?? (() => new Date());
  let current = job;
  for (let index = nextPending(current); index !== null; index = nextPending(current)) {
    if (await deps.cancelled?.()) {
      current = cancelJob(current, now());
      await deps.persist(current);
      break;
    }
    const result = await attempt(deps.step, current.items[index]!.item); // nextPending returns an existing index
    current = result.ok ? markDone(current, index, result.articleId, now()) : markFailed(current, index, result.reason, now());
    await deps.persist(current);
  }
  return current;
}

async function attempt(step: JobRunnerDeps['step'], item: ImportItem): Promise<StepResult> {
  try {
    return await step(item);
  } catch (error) {
    return { ok: false, reason: error instanceof Error ? error.message : String(error) };
  }
}
