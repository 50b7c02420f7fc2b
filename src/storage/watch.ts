import { onStorageChanged } from './area';
import { INDEX_KEY } from './keys';
import { parseIndex } from './read';
import type { IndexEntry } from './schema';

/**
 * Call `listener` with the new index whenever any context changes it (another tab saves or deletes).
 * Returns the function that stops listening.
 */
export function onLibraryChanged(listener: (entries: IndexEntry[]) => void): () => void {
  const handle = (changes: Record<string, { newValue?: unknown }>, area: string) => {
    if (area === 'local' && INDEX_KEY in changes) listener(parseIndex(changes[INDEX_KEY].newValue).entries);
  };
  onStorageChanged.addListener(handle);
  return () => onStorageChanged.removeListener(handle);
}
