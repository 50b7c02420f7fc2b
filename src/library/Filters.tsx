import { t } from '../shared/i18n';
import type { Filters, Show } from './filter';

const SHOW_LABELS: Record<Show, string> = { all: 'filterAll', unread: 'filterUnread', favorites: 'filterFavorites', archived: 'filterArchived', highlighted: 'filterHighlighted' };

/** Search box and filters above the list. */
export function LibraryControls({ query, setQuery, filters, setFilters, tags }: {
  query: string; setQuery: (q: string) => void; filters: Filters; setFilters: (f: Filters) => void; tags: string[];
}) {
  return (
    <div class="library-controls" role="search">
      <input type="search" aria-label={t('searchLabel')} placeholder={t('searchLabel')} value={query} onInput={(e) => setQuery(e.currentTarget.value)} />
      <label>
        {t('filterLabel')}{' '}
        <select value={filters.show} onChange={(e) => setFilters({ ...filters, show: e.currentTarget.value as Show })}>
          {(Object.keys(SHOW_LABELS) as Show[]).map((s) => <option key={s} value={s}>{t(SHOW_LABELS[s])}</option>)}
        </select>
      </label>
      {tags.length > 0 && (
        <label>
          {t('filterTag')}{' '}
          <select value={filters.tag ?? ''} onChange={(e) => setFilters({ ...filters, tag: e.currentTarget.value || null })}>
            <option value="">{t('filterAnyTag')}</option>
            {tags.map((tag) => <option key={tag} value={tag}>{tag}</option>)}
          </select>
        </label>
      )}
    </div>
  );
}
