import { useEffect, useState } from 'preact/hooks';
// Straight from the modules, not the storage barrel: the barrel reaches the search engine, which the
// popup's first paint must not load (see build.mjs, SPLIT_ENTRY_POINTS).
import { takeIndexHeadRead } from '../storage/head-ahead';
import { newestFirst, readIndex, readIndexHead, readIndexInSteps } from '../storage/read';
import type { IndexEntry } from '../storage/schema';
import { onLibraryChanged } from '../storage/watch';

import { mark } from './timing';

/** `complete` is false while only the index head (the newest rows) has been read. */
export interface LibraryState { entries: IndexEntry[] | null; corrupt: number; complete: boolean }

let headAhead: ReturnType<typeof readIndexHead> | null = null;
/** The head once it came back, for the first render to paint from. */
let headReady: { entries: IndexEntry[] } | null = null;

/**
 * Read the index head before the UI renders (the popup's entry calls it first thing, and may wait for it):
 * the read the popup's first script started (head-ahead.ts) when there is one, so the storage round trip
 * runs while the scripts load. Taken by the first useLibrary; the whole index read after the first paint
 * brings anything written since.
 */
export function readIndexHeadAhead(): Promise<void> {
  const ahead = takeIndexHeadRead();
  headAhead = ahead ? readIndexHead(ahead) : readIndexHead();
  return headAhead.then((head) => {
    mark('lectern:head-read');
    headReady = head;
  });
}

/**
 * The index, newest first, kept live: another tab's save or delete shows up here as it happens (`every`:
 * at most once per that many ms, watch.ts).
 */
export function useLibrary({ every = 0 } = {}): LibraryState {
  const [state, setState] = useState<LibraryState>(() => {
    // The head already in (readIndexHeadAhead): the first render paints it.
    const entries = headReady?.entries.length ? headReady.entries : null;
    headReady = null;
    return { entries, corrupt: 0, complete: false };
  });
  useEffect(() => {
    let live = true;
    let complete = false;
    const stop = onLibraryChanged((entries) => {
      complete = true; // newer than a whole-index read still under way
      if (live) setState((s) => ({ ...s, entries: entries.sort(newestFirst), complete: true }));
    }, { every });
    // The head paints the first screen; the whole index (10,000 rows: 4.4 MB over 32 pages) is read only
    // after that paint, so its transfer and parsing do not compete with it, and in steps, so that a word
    // typed right after the paint is searched between them. A library without a head (empty, or not yet
    // written) reads the index at once.
    const readAll = (inSteps: boolean) => void (inSteps ? readIndexInSteps() : readIndex()).then(({ entries, corrupt }) => {
      if (complete) return;
      complete = true;
      if (live) setState({ entries: entries.sort(newestFirst), corrupt, complete: true });
    });
    const paintedFromHead = state.entries !== null;
    const ahead = headAhead;
    headAhead = null;
    const head = ahead ?? readIndexHead().then((h) => (mark('lectern:head-read'), h));
    void head.then(({ entries }) => {
      if (!live || complete) return;
      if (entries.length === 0) return readAll(false);
      if (!paintedFromHead) setState({ entries, corrupt: 0, complete: false });
      requestAnimationFrame(() => setTimeout(() => readAll(true), 0));
    });
    return () => {
      live = false;
      stop();
    };
    // Once, with the state of the first render: later renders do not read again.
  }, []);
  return state;
}
