/**
 * Writes run one after another, so two saves can never both read the old index and lose an entry.
 * A failed task rejects its own caller only; the queue goes on.
 */
let queue: Promise<unknown> = Promise.resolve();
/** Tasks started so far: a task that finds `tasksStarted()` one above what an earlier task saw knows none ran between them. */
let started = 0;

export function serialized<T>(task: () => Promise<T>): Promise<T> {
  const run = queue.then(() => {
    started++;
    return task();
  });
  queue = run.catch(() => {});
  return run;
}

export const tasksStarted = () => started;

/** Resolves once every write queued so far has finished (the search index included). */
export const whenWritten = () => serialized(async () => {});
