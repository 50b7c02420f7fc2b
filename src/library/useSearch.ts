import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { IndexEntry } from '../storage';
import { LibrarySearch } from './search';

/**
 * Entries matching `query`, in rank order; all entries when the query is empty. The index loads after
 * the list has painted, and reloads when the library changes (another save brings new text).
 */
export function useSearch(entries: IndexEntry[], query: string): { results: IndexEntry[]; ready: boolean } {
  const [search, setSearch] = useState<LibrarySearch | null>(null);
  const generation = useRef(0);
  // Reload only when articles come or go: a change of flags or tags does not change what text matches.
  const ids = useMemo(() => entries.map((e) => e.id).sort().join(), [entries]);
  useEffect(() => {
    const mine = ++generation.current;
    const timer = setTimeout(() => void LibrarySearch.load(entries).then((s) => mine === generation.current && setSearch(s)), 0);
    return () => clearTimeout(timer);
  }, [ids]);
  const results = useMemo(() => {
    const q = query.trim();
    if (!q) return entries;
    if (!search) return quickMatch(entries, q);
    const byId = new Map(entries.map((e) => [e.id, e]));
    return search.search(q, new Set(byId.keys())).map((id) => byId.get(id)!);
  }, [entries, query, search]);
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
