import { useEffect, useState } from 'preact/hooks';
// Straight from the modules, not the storage barrel: the barrel reaches the search engine, which the
// popup's first paint must not load (see build.mjs, SPLIT_ENTRY_POINTS).
import { newestFirst, readIndex, readIndexHead } from '../storage/read';
import type { IndexEntry } from '../storage/schema';
import { onLibraryChanged } from '../storage/watch';

/** `complete` is false while only the index head (the newest rows) has been read. */
export interface LibraryState { entries: IndexEntry[] | null; corrupt: number; complete: boolean }

/** The index, newest first, kept live: another tab's save or delete shows up here as it happens. */
export function useLibrary(): LibraryState {
  const [state, setState] = useState<LibraryState>({ entries: null, corrupt: 0, complete: false });
  useEffect(() => {
    let live = true;
    const stop = onLibraryChanged((entries) => live && setState((s) => ({ ...s, entries: entries.sort(newestFirst), complete: true })));
    // The head paints the first screen at once; the whole index follows (10,000 rows take a few hundred ms).
    let complete = false;
    void readIndexHead().then(({ entries }) => live && !complete && entries.length > 0 && setState({ entries, corrupt: 0, complete: false }));
    void readIndex().then(({ entries, corrupt }) => {
      complete = true;
      if (live) setState({ entries: entries.sort(newestFirst), corrupt, complete: true });
    });
    return () => {
      live = false;
      stop();
    };
  }, []);
  return state;
}
