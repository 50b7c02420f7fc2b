import { useEffect, useState } from 'preact/hooks';
import { newestFirst, onLibraryChanged, readIndex, type IndexEntry } from '../storage';

export interface LibraryState { entries: IndexEntry[] | null; corrupt: number }

/** The index, newest first, kept live: another tab's save or delete shows up here as it happens. */
export function useLibrary(): LibraryState {
  const [state, setState] = useState<LibraryState>({ entries: null, corrupt: 0 });
  useEffect(() => {
    let live = true;
    const stop = onLibraryChanged((entries) => live && setState((s) => ({ ...s, entries: entries.sort(newestFirst) })));
    void readIndex().then(({ entries, corrupt }) => live && setState({ entries: entries.sort(newestFirst), corrupt }));
    return () => {
      live = false;
      stop();
    };
  }, []);
  return state;
}
