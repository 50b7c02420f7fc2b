import { useEffect, useRef } from 'preact/hooks';
import { type ReaderAction, shortcutFor } from './shortcuts';

const LINE = 48;

function scroller(): Element {
  return document.scrollingElement ?? document.documentElement;
}

/** Scrolling done here rather than left to the browser: j/k have no default, and arrows on a focused title do. */
function scrollAction(action: ReaderAction): boolean {
  const page = Math.max(LINE, window.innerHeight - 2 * LINE);
  const by = { scrollDown: LINE, scrollUp: -LINE, pageDown: page, pageUp: -page }[action as string];
  if (by === undefined) return false;
  const reduce = window.matchMedia?.('(prefers-reduced-motion: reduce)').matches;
  scroller().scrollBy?.({ top: by, behavior: reduce ? 'auto' : 'smooth' });
  return true;
}

/** Listen for reader shortcuts on the document for as long as the component is mounted. */
export function useReaderShortcuts(run: (action: ReaderAction) => void) {
  const latest = useRef(run);
  latest.current = run;
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const action = shortcutFor(e);
      if (!action) return;
      e.preventDefault();
      if (!scrollAction(action)) latest.current(action);
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, []);
}
