import { onStorageChanged } from './area';
import { indexPageKey, INDEX_PAGES, isIndexPageKey, pageOf } from './keys';
import { newestFirst, parseIndex, readIndex } from './read';
import type { IndexEntry } from './schema';

/**
 * Call `listener` with the new index whenever any context changes it (another tab saves or deletes).
 * A change carries only the pages it rewrote: the others come from one read at the first change, and only
 * the rewritten pages are parsed again. Changes are applied in order after that read, so whatever state it
 * saw, the pages end up as the last write left them. `every` (ms): call the listener at most that often,
 * with the index as the last change left it (a restore changes it several times a second, and a page that
 * re-renders or asks the background for every change competes with the restore). `quiet` (ms): call it only
 * once the index has not changed for that long (after a restore, not during it). Returns the function that
 * stops listening.
 */
export function onLibraryChanged(listener: (entries: IndexEntry[]) => void, { every = 0, quiet = 0 } = {}): () => void {
  const pages = new Map<string, IndexEntry[]>();
  let first: Promise<void> | null = null;
  const readAll = () => readIndex().then(({ entries }) => {
    for (let n = 0; n < INDEX_PAGES; n++) pages.set(indexPageKey(n), []);
    for (const e of entries) pages.get(indexPageKey(pageOf(e.id)))?.push(e);
  });
  let live = true;
  let timer: ReturnType<typeof setTimeout> | null = null;
  let last = -Infinity;
  const notify = () => {
    timer = null;
    last = Date.now();
    if (live) listener([...pages.values()].flat().sort(newestFirst));
  };
  const handle = (changes: Record<string, { newValue?: unknown }>, area: string) => {
    const changed = Object.keys(changes).filter(isIndexPageKey);
    if (area !== 'local' || changed.length === 0) return;
    first ??= readAll();
    void first.then(() => {
      for (const key of changed) pages.set(key, parseIndex(changes[key]?.newValue).entries);
      if (quiet > 0) {
        if (timer) clearTimeout(timer);
        timer = setTimeout(notify, quiet);
      } else if (every <= 0) notify();
      else timer ??= setTimeout(notify, Math.max(0, last + every - Date.now()));
    });
  };
  onStorageChanged.addListener(handle);
  return () => {
    live = false;
    if (timer) clearTimeout(timer);
    onStorageChanged.removeListener(handle);
  };
}
