import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { IndexEntry } from '../storage';
import type { LibrarySearch } from './search';
import { measure } from './timing';

/**
 * Entries matching `query`, in rank order; all entries when the query is empty. The index loads after
 * the list has painted, and reloads when the library changes (another save brings new text).
 */
export function useSearch(entries: IndexEntry[], query: string, indexLoaded = true): { results: IndexEntry[]; ready: boolean } {
  const [search, setSearch] = useState<LibrarySearch | null>(null);
  const generation = useRef(0);
  // Reload only when articles come or go: a change of flags or tags does not change what text matches.
  const ids = useMemo(() => entries.map((e) => e.id).sort().join(), [entries]);
  useEffect(() => {
    const mine = ++generation.current;
    if (!indexLoaded) return;
    // After the list has painted: the next frame, then a task. Loading sooner delays the first paint.
    let timer: ReturnType<typeof setTimeout> | undefined;
    const frame = requestAnimationFrame(() => {
      timer = setTimeout(() => {
        const start = performance.now();
        // The search engine is its own chunk: the list paints without loading or parsing it.
        void import('./search').then(({ LibrarySearch }) => LibrarySearch.load(entries, () => mine !== generation.current)).then((s) => {
          if (!s || mine !== generation.current) return; // a newer load replaced this one
          measure('lectern:search-load', start);
          setSearch(s);
        });
      }, 0);
    });
    return () => (cancelAnimationFrame(frame), clearTimeout(timer));
  }, [ids, indexLoaded]);
  const byId = useMemo(() => new Map(entries.map((e) => [e.id, e])), [entries]);
  const listed = useMemo(() => new Set(byId.keys()), [byId]);
  const results = useMemo(() => {
    const q = query.trim();
    if (!q) return entries;
    if (!search) return quickMatch(entries, q);
    const start = performance.now();
    const found = search.search(q, listed).map((id) => byId.get(id)!);
    measure('lectern:search', start);
    return found;
  }, [entries, byId, listed, query, search]);
  return { results, ready: search !== null };
}

/** Until the full-text index has loaded: entries whose title, site or excerpt contain every word. */
function quickMatch(entries: IndexEntry[], query: string): IndexEntry[] {
  const words = query.toLowerCase().split(/\s+/);
  return entries.filter((e) => {
    const hay = `${e.title} ${e.site} ${e.excerpt}`.toLowerCase();
    return words.every((w) => hay.includes(w));
  });
}
