import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { sendMessage } from '../shared/messages';
import type { IndexEntry } from '../storage/schema';
import { readRows } from '../storage/search-rows';
import type { LibrarySearch } from './search';
import { errorText } from './errors';
import { measure } from './timing';

/** The search code (search-engine.ts) loads after the list's first paint: fetched once rows are on screen (below). */
const loadSearchCode = () => import('./search-engine');
/** A LibrarySearch made when first asked for, once its code is in. */
const lazySearch = () => {
  let engine: Promise<LibrarySearch> | null = null;
  return () => (engine ??= loadSearchCode().then((code) => new code.LibrarySearch()));
};

/** Time for a save in flight to reach the index before a disagreement counts (it writes records first). */
const RECHECK_MS = 1500;
/** How often the rebuild's progress is read while it runs, and how long before a stopped one is asked again. */
const PROGRESS_MS = 1000;
/** The longest wait before asking again for a rebuild that failed (the wait doubles per failure until then). */
const RETRY_MAX_MS = 60_000;

/** A rebuild under way: how many of how many articles the index holds. */
export interface RebuildProgress { done: number; total: number }
/**
 * Why full-text search is not available, in the error's own words: the rebuild failed (a full disk, say;
 * it is asked again), or the index could not be read. Titles, sites and excerpts are searched meanwhile.
 */
export interface SearchProblem { kind: 'rebuild' | 'search'; message: string }
/** Rows read for results beyond the newest ones, before the whole list is in: the first screens. */
const EARLY_ROWS = 50;

/**
 * Entries matching `query`, in rank order; all entries when the query is empty. Each query reads the
 * on-disk index (src/storage/search-*.ts); nothing is loaded before the first keystroke. Once the whole
 * list is known, the index is checked against it: if it is missing or disagrees, the background rebuilds it,
 * and titles, sites and excerpts are matched meanwhile.
 */
export function useSearch(entries: IndexEntry[], query: string, complete = true): { results: IndexEntry[]; ready: boolean; rebuilding: RebuildProgress | null; problem: SearchProblem | null } {
  const [hits, setHits] = useState<{ query: string; ids: string[]; early: Map<string, IndexEntry> } | null>(null);
  const [usable, setUsable] = useState(true);
  // What it keeps (words' scores by article number, the numbers' ids) belongs to one state of the index: a
  // rebuild numbers the articles anew, so a new one once the index is usable again.
  const search = useMemo(lazySearch, [entries, usable]);
  const [rebuilding, setRebuilding] = useState<RebuildProgress | null>(null);
  const [problem, setProblem] = useState<SearchProblem | null>(null);
  const latest = useRef('');
  const byId = useMemo(() => new Map(entries.map((e) => [e.id, e])), [entries]);
  // Fetched as soon as rows are on screen (a plain effect runs after that frame is painted), not when the
  // first word is typed: loading it then, behind the rest of the list being read, put 45–64 ms on the
  // first result of a word typed right away (bench:library, 10,000 and 50,000 articles).
  const shown = entries.length > 0 || complete;
  useEffect(() => {
    if (shown) void loadSearchCode();
  }, [shown]);

  useEffect(() => {
    if (!complete) return;
    let live = true;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let poll: ReturnType<typeof setInterval> | undefined;
    let failures = 0;
    const stopPolling = () => void (clearInterval(poll), (poll = undefined), setRebuilding(null));
    /** How many articles the rebuild had indexed when last read (-1: no rebuild under way). */
    const progress = () => loadSearchCode().then((code) => code.searchIndexStatus()).then((s) => s?.rebuilding?.done ?? -1, () => -1);
    // The rebuild is resumable (src/storage/search-rebuild.ts): if the worker stopped under it, the message
    // fails with the rebuild going well, and asking again goes on from its checkpoint. A failure that made
    // no progress (a full disk, an index that cannot be opened) is told in words, and asked again later.
    const rebuild = () => void progress().then(async (before) => {
      try {
        await sendMessage('rebuildSearchIndex', {});
        failures = 0;
        if (live) check(true);
      } catch (error) {
        const after = await progress();
        if (!live) return;
        if (after > before) failures = 0;
        else {
          failures++;
          setProblem({ kind: 'rebuild', message: errorText(error) });
        }
        timer = setTimeout(() => check(true), Math.min(RETRY_MAX_MS, PROGRESS_MS * 2 ** failures));
      }
    });
    const showProgress = () => void loadSearchCode().then((code) => code.searchIndexStatus()).then((s) => live && s?.rebuilding && setRebuilding(s.rebuilding), () => {});
    const check = (again: boolean): void => void loadSearchCode().then((code) => code.searchIndexDisagrees(entries.length)).then((disagrees) => {
      if (!live) return;
      if (!disagrees) return void (stopPolling(), setUsable(true), setProblem(null));
      if (again && disagrees === 'count') return void (timer = setTimeout(() => check(false), RECHECK_MS));
      setUsable(false);
      showProgress();
      poll ??= setInterval(showProgress, PROGRESS_MS);
      rebuild();
    }, (error: unknown) => live && (setUsable(false), setProblem({ kind: 'search', message: errorText(error) })));
    check(true);
    return () => void ((live = false), clearTimeout(timer), clearInterval(poll));
  }, [entries.length, complete]);

  useEffect(() => {
    const q = query.trim();
    latest.current = q;
    if (!q || !usable) return;
    const start = performance.now();
    search().then((engine) => engine.search(q, (id) => !complete || byId.has(id), () => latest.current !== q)).then(async ({ ids, rest }) => {
      // Before the whole list is read only the newest rows are known: read the first results' rows.
      const missing = complete ? [] : ids.slice(0, EARLY_ROWS).filter((id) => !byId.has(id));
      const early = new Map((missing.length ? await readRows(missing) : []).map((e) => [e.id, e]));
      if (latest.current !== q) return; // a newer keystroke has taken over
      measure('lectern:search', start);
      setHits({ query: q, ids, early });
      // A large result: its first page is shown, the whole ranking follows (the same order, more rows).
      const all = await rest;
      if (!all || latest.current !== q) return;
      measure('lectern:search-all', start);
      setHits({ query: q, ids: all, early });
    }, (error: unknown) => {
      // The index could not be read: titles, sites and excerpts are searched, and the user is told why.
      setUsable(false);
      setProblem({ kind: 'search', message: errorText(error) });
    });
  }, [query, search, usable]);

  const results = useMemo(() => {
    const q = query.trim();
    if (!q) return entries;
    if (!usable) return quickMatch(entries, q);
    if (!hits) return [];
    return hits.ids.flatMap((id) => byId.get(id) ?? hits.early.get(id) ?? []);
  }, [entries, byId, query, hits, usable]);
  return { results, ready: usable && (hits?.query ?? '') === query.trim(), rebuilding, problem };
}

/** While the index is being rebuilt: entries whose title, site or excerpt contain every word. */
function quickMatch(entries: IndexEntry[], query: string): IndexEntry[] {
  const words = query.toLowerCase().split(/\s+/);
  return entries.filter((e) => {
    const hay = `${e.title} ${e.site} ${e.excerpt}`.toLowerCase();
    return words.every((w) => hay.includes(w));
  });
}
