/**
 * The one background job record (today: the import), persisted so it survives a stopped worker or a
 * restart. Storage keeps it as opaque JSON and knows nothing of its shape: the caller checks what it
 * reads (src/import/stored-job.ts), so storage imports no file format.
 */
import { getItems, onStorageChanged, removeItems, setItems } from './area';
import { serialized } from './queue';

const JOB_KEY = 'importJob';

/** The stored value as it is (undefined when there is none): check it before use. */
export async function readJobRecord(): Promise<unknown> {
  return (await getItems(JOB_KEY))[JOB_KEY];
}

/**
 * Read-change-write the record in the write queue: two items finishing at once, or a cancel arriving
 * while an item is saved, each see the other's change. `change` returning null removes the record.
 */
export function updateJobRecord<T extends object>(check: (value: unknown) => T | null, change: (job: T | null) => T | null): Promise<T | null> {
  return serialized(async () => {
    const next = change(check(await readJobRecord()));
    if (next) await setItems({ [JOB_KEY]: next });
    else await removeItems([JOB_KEY]);
    return next;
  });
}

/** Call `listener` with the new value whenever the record changes (progress in the options page). */
export function onJobRecordChanged(listener: (value: unknown) => void): () => void {
  const handle = (changes: Record<string, { newValue?: unknown }>, area: string) => {
    if (area === 'local' && JOB_KEY in changes) listener(changes[JOB_KEY]?.newValue);
  };
  onStorageChanged.addListener(handle);
  return () => onStorageChanged.removeListener(handle);
}
