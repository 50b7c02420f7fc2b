import { formatDate, formatReadingTime } from '../shared/format';
import { t } from '../shared/i18n';
import type { IndexEntry } from '../storage';
import { SearchSnippet } from './SearchSnippet';

export interface RowActions {
  open: (e: IndexEntry) => void;
  toggleArchive: (e: IndexEntry) => void;
  toggleFavorite: (e: IndexEntry) => void;
  editTags: (e: IndexEntry) => void;
  remove: (e: IndexEntry) => void;
}

/** One saved article in the list. Everything here came from a web page: rendered as text only. */
/** While searching (`query` not empty) the excerpt becomes a snippet of the matching text. */
export function ArticleRow({ entry, actions, query = '' }: { entry: IndexEntry; actions: RowActions; query?: string }) {
  const headingId = `row-${entry.id}`;
  return (
    <article class={entry.read ? 'saved-row read' : 'saved-row'} aria-labelledby={headingId}>
      <h2 id={headingId} class="saved-title">
        <a href={`reader.html?id=${entry.id}`} onClick={(ev) => (ev.preventDefault(), actions.open(entry))}>{entry.title}</a>
      </h2>
      <p class="saved-meta">
        <span>{entry.site}</span> · <span>{formatReadingTime(entry.readingMinutes)}</span> ·{' '}
        <time dateTime={new Date(entry.savedAt).toISOString()}>{t('savedOn', formatDate(new Date(entry.savedAt).toISOString()) ?? '')}</time>
        {entry.tags.length > 0 && <span class="saved-tags"> · {entry.tags.join(', ')}</span>}
      </p>
      {query.trim() ? <SearchSnippet id={entry.id} query={query} excerpt={entry.excerpt} /> : <p class="saved-excerpt">{entry.excerpt}</p>}
      <div class="saved-actions" role="group" aria-labelledby={headingId}>
        <button type="button" aria-pressed={entry.favorite} onClick={() => actions.toggleFavorite(entry)}>{t('favorite')}</button>
        <button type="button" onClick={() => actions.toggleArchive(entry)}>{t(entry.archived ? 'unarchive' : 'archive')}</button>
        <button type="button" onClick={() => actions.editTags(entry)}>{t('editTags')}</button>
        <button type="button" onClick={() => actions.remove(entry)}>{t('delete')}</button>
      </div>
    </article>
  );
}
