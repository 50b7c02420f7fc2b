import { useEffect, useState } from 'preact/hooks';
// Straight from the modules, not the storage barrel: the barrel reaches the search engine, which the
// popup's first paint must not load (see build.mjs, SPLIT_ENTRY_POINTS).
import { newestFirst, readIndex, readIndexHead, readIndexInSteps } from '../storage/read';
import type { IndexEntry } from '../storage/schema';
import { onLibraryChanged } from '../storage/watch';

import { mark } from './timing';

/** `complete` is false while only the index head (the newest rows) has been read. */
export interface LibraryState { entries: IndexEntry[] | null; corrupt: number; complete: boolean }

let headAhead: ReturnType<typeof readIndexHead> | null = null;

/**
 * Start reading the index head before the UI renders (the popup's entry calls it first thing): the storage
 * round trip then runs while the scripts finish and preact renders. Taken by the first useLibrary; the
 * whole index read after the first paint brings anything written since.
 */
export function readIndexHeadAhead(): void {
  headAhead = readIndexHead();
}

/** The index, newest first, kept live: another tab's save or delete shows up here as it happens. */
export function useLibrary(): LibraryState {
  const [state, setState] = useState<LibraryState>({ entries: null, corrupt: 0, complete: false });
  useEffect(() => {
    let live = true;
    let complete = false;
    const stop = onLibraryChanged((entries) => {
      complete = true; // newer than a whole-index read still under way
      if (live) setState((s) => ({ ...s, entries: entries.sort(newestFirst), complete: true }));
    });
    // The head paints the first screen; the whole index (10,000 rows: 4.4 MB over 32 pages) is read only
    // after that paint, so its transfer and parsing do not compete with it, and in steps, so that a word
    // typed right after the paint is searched between them. A library without a head (empty, or not yet
    // written) reads the index at once.
    const readAll = (inSteps: boolean) => void (inSteps ? readIndexInSteps() : readIndex()).then(({ entries, corrupt }) => {
      if (complete) return;
      complete = true;
      if (live) setState({ entries: entries.sort(newestFirst), corrupt, complete: true });
    });
    const head = headAhead ?? readIndexHead();
    headAhead = null;
    void head.then(({ entries }) => {
      mark('lectern:head-read');
      if (!live || complete) return;
      if (entries.length === 0) return readAll(false);
      setState({ entries, corrupt: 0, complete: false });
      requestAnimationFrame(() => setTimeout(() => readAll(true), 0));
    });
    return () => {
      live = false;
      stop();
    };
  }, []);
  return state;
}
