import { onStorageChanged } from './area';
import { indexPageKey, INDEX_PAGES, isIndexPageKey, pageOf } from './keys';
import { joinPages, readIndex } from './read';
import type { IndexEntry } from './schema';

/**
 * Call `listener` with the new index whenever any context changes it (another tab saves or deletes).
 * A change carries only the pages it rewrote: the others come from one read at the first change. Changes
 * are applied in order after that read, so whatever state it saw, the pages end up as the last write left them.
 * Returns the function that stops listening.
 */
export function onLibraryChanged(listener: (entries: IndexEntry[]) => void): () => void {
  const pages = new Map<string, unknown>();
  let first: Promise<void> | null = null;
  const readAll = () => readIndex().then(({ entries }) => {
    for (let n = 0; n < INDEX_PAGES; n++) pages.set(indexPageKey(n), []);
    for (const e of entries) (pages.get(indexPageKey(pageOf(e.id))) as IndexEntry[]).push(e);
  });
  let live = true;
  const handle = (changes: Record<string, { newValue?: unknown }>, area: string) => {
    const changed = Object.keys(changes).filter(isIndexPageKey);
    if (area !== 'local' || changed.length === 0) return;
    first ??= readAll();
    void first.then(() => {
      for (const key of changed) pages.set(key, changes[key]?.newValue);
      if (live) listener(joinPages([...pages.values()]).entries);
    });
  };
  onStorageChanged.addListener(handle);
  return () => {
    live = false;
    onStorageChanged.removeListener(handle);
  };
}
