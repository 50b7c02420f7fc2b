import { useLayoutEffect, useMemo, useState } from 'preact/hooks';
import { t } from '../shared/i18n';
import type { IndexEntry, SavedArticle } from '../storage';
import { deleteSaved, openSaved, setArchived, setFavorite, setTags, undoDelete } from './actions';
import { ArticleRow, type RowActions } from './ArticleRow';
import { ExportLibrary } from './ExportLibrary';
import { allTags, applyFilters, type Filters } from './filter';
import { LibraryControls } from './Filters';
import { TagEditor } from './TagEditor';
import { mark } from './timing';
import { useLibrary } from './useLibrary';
import { useSearch } from './useSearch';
import { VirtualList } from './VirtualList';

const ROW_HEIGHT = 132;

/** The saved-articles view: search, filters, the virtualized list, and undo after a delete. */
export function LibraryView({ height = 400, onOpened }: { height?: number; onOpened?: () => void }) {
  const { entries, corrupt, complete } = useLibrary();
  const [query, setQuery] = useState('');
  const [filters, setFilters] = useState<Filters>({ show: 'all', tag: null });
  const [deleted, setDeleted] = useState<SavedArticle | null>(null);
  const [editing, setEditing] = useState<IndexEntry | null>(null);
  const [error, setError] = useState<string | null>(null);
  const all = entries ?? [];
  const { results, rebuilding, problem } = useSearch(all, query, complete);
  const shown = useMemo(() => applyFilters(results, filters), [results, filters]);
  const tags = useMemo(() => allTags(all), [all]);
  const loaded = entries !== null;
  // Marked in the frame that paints the rows: a layout effect runs right after the render, while preact runs
  // a plain effect only after the next frame was painted (a mark from there came one frame late).
  useLayoutEffect(() => {
    if (loaded) requestAnimationFrame(() => mark('lectern:list-painted'));
  }, [loaded]);
  useLayoutEffect(() => {
    if (complete) requestAnimationFrame(() => mark('lectern:list-complete'));
  }, [complete]);

  const attempt = (work: Promise<unknown>) => work.then(() => setError(null), (e: unknown) => setError(t('actionFailed', String(e instanceof Error ? e.message : e))));
  const actions: RowActions = {
    open: (e) => void openSaved(e).then(onOpened),
    toggleFavorite: (e) => void attempt(setFavorite(e)),
    toggleArchive: (e) => void attempt(setArchived(e)),
    editTags: (e) => setEditing(e),
    remove: (e) => void attempt(deleteSaved(e).then(setDeleted)),
  };

  if (entries === null) return <p class="library-status" role="status">…</p>;
  return (
    <section class="library" aria-labelledby="library-heading">
      <h1 id="library-heading" class="library-heading">{t('savedList')}</h1>
      <LibraryControls query={query} setQuery={setQuery} filters={filters} setFilters={setFilters} tags={tags} />
      <div role="status" class="library-status">
        {error ?? (deleted && (
          <>
            {t('deleted', deleted.title)}{' '}
            <button type="button" onClick={() => void attempt(undoDelete(deleted).then(() => setDeleted(null)))}>{t('undo')}</button>
          </>
        ))}
        {corrupt > 0 && <span>{t('libraryProblems', String(corrupt))}</span>}
        {problem
          ? <span>{t(problem.kind === 'rebuild' ? 'searchRebuildFailed' : 'searchFailed', problem.message)}</span>
          : rebuilding && <span>{t('searchRebuilding', [rebuilding.done.toLocaleString(), rebuilding.total.toLocaleString()])}</span>}
      </div>
      {editing && <TagEditor entry={editing} onCancel={() => setEditing(null)} onSave={(text) => void attempt(setTags(editing, text)).then(() => setEditing(null))} />}
      {shown.length === 0
        ? <p class="library-empty">{t(all.length === 0 ? 'libraryEmpty' : 'libraryNoMatch')}</p>
        : <VirtualList items={shown} rowHeight={ROW_HEIGHT} height={height} label={t('savedList')} render={(e) => <ArticleRow entry={e} actions={actions} query={query} />} />}
      {shown.length > 0 && <ExportLibrary ids={shown.map((e) => e.id)} selection={shown.length !== all.length} />}
    </section>
  );
}
