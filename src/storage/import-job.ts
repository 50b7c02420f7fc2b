import type { ImportJob } from '../import/job';
import { restoreJob } from '../import/job-state';
import { getItems, onStorageChanged, removeItems, setItems } from './area';
import { serialized } from './queue';

/** The one import job (running, cancelled or finished): persisted so it survives a stopped worker or a restart. */
const IMPORT_JOB_KEY = 'importJob';

const checked = (value: unknown): ImportJob | null => {
  if (value === undefined) return null;
  try {
    return restoreJob(value);
  } catch (error) {
    console.error('Lectern: ignoring a corrupt import job', error);
    return null;
  }
};

/** The stored job, checked; null when there is none or it is corrupt. */
export async function readImportJob(): Promise<ImportJob | null> {
  return checked((await getItems(IMPORT_JOB_KEY))[IMPORT_JOB_KEY]);
}

/**
 * Read-change-write the job in the write queue: two items finishing at once, or a cancel arriving
 * while an item is saved, each see the other's change. `change` returning null removes the job.
 */
export function updateImportJob(change: (job: ImportJob | null) => ImportJob | null): Promise<ImportJob | null> {
  return serialized(async () => {
    const next = change(await readImportJob());
    if (next) await setItems({ [IMPORT_JOB_KEY]: next });
    else await removeItems([IMPORT_JOB_KEY]);
    return next;
  });
}

/** Call `listener` with the job whenever it changes (progress in the options page). */
export function onImportJobChanged(listener: (job: ImportJob | null) => void): () => void {
  const handle = (changes: Record<string, { newValue?: unknown }>, area: string) => {
    if (area === 'local' && IMPORT_JOB_KEY in changes) listener(checked(changes[IMPORT_JOB_KEY].newValue));
  };
  onStorageChanged.addListener(handle);
  return () => onStorageChanged.removeListener(handle);
}
