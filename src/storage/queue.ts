/**
 * Writes run one after another, so two saves can never both read the old index and lose an entry.
 * A failed task rejects its own caller only; the queue goes on.
 */
let queue: Promise<unknown> = Promise.resolve();

export function serialized<T>(task: () => Promise<T>): Promise<T> {
  const run = queue.then(task);
  queue = run.catch(() => {});
  return run;
}

/** Resolves once every write queued so far has finished (the search index included). */
export const whenWritten = () => serialized(async () => {});
