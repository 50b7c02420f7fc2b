/** The import job as the background stores it: every read checked (storage keeps it as opaque JSON). */
import * as storage from '../storage';
import type { ImportJob } from './job';
import { restoreJob } from './job-state';

/** The job in a stored value; null when there is none or it is corrupt (logged, never trusted). */
function jobOrNull(value: unknown): ImportJob | null {
  if (value === undefined || value === null) return null;
  try {
    return restoreJob(value);
  } catch (error) {
    console.error('Lectern: ignoring a corrupt import job', error);
    return null;
  }
}

export const readImportJob = async (): Promise<ImportJob | null> => jobOrNull(await storage.readJobRecord());

export const updateImportJob = (change: (job: ImportJob | null) => ImportJob | null): Promise<ImportJob | null> =>
  storage.updateJobRecord(jobOrNull, change);

export const onImportJobChanged = (listener: (job: ImportJob | null) => void): (() => void) =>
  storage.onJobRecordChanged((value) => listener(jobOrNull(value)));
