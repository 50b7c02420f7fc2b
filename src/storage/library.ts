import type { Article } from '../shared/article';
import { removeItems, setItems } from './area';
import { articleIdFor, urlKey } from './canonical';
import { packRecord } from './compress';
import { cleanTags, entryOf, savedArticle } from './entry';
import { articleKey } from './keys';
import { serialized } from './queue';
import { itemsListing, itemsUnlisting } from './pages';
import { readArticle } from './read-records';
import type { ArticleChanges, IndexEntry, SavedArticle } from './schema';
import { keepSearchIndex } from './search-write';
import { trackedItems } from './sync-track';
import { isSavedArticle } from './validate';

/**
 * Write an article, its index page and the head in one set(): all land, or none. Only the row's own page
 * is read and rewritten (schema 4), so a save costs the same in a library of 10 or 10,000 articles.
 * `before` is the record it replaces (null: none): what changed is recorded for sync in the same set().
 */
export async function put(article: SavedArticle, before: SavedArticle | null, now = Date.now()): Promise<IndexEntry> {
  if (!isSavedArticle(article)) throw new Error('Refusing to store an invalid article');
  const entry = entryOf(article);
  const tracked = await trackedItems([{ id: article.id, before, after: article }], now);
  await setItems({ [articleKey(article.id)]: packRecord(article), ...(await itemsListing(entry)), ...tracked });
  return entry;
}

export interface SaveOutcome { id: string; updated: boolean }

/** Save an extracted article; saving the same article again updates it and keeps the user's choices. */
export function saveArticle(article: Article, now = Date.now()): Promise<SaveOutcome> {
  return serialized(async () => {
    const key = urlKey(article.url, article.canonicalUrl);
    const id = await articleIdFor(key);
    const previous = (await readArticle(id)) ?? undefined;
    const saved = savedArticle(article, id, key, now, previous);
    await put(saved, previous ?? null, now);
    await keepSearchIndex([{ id, before: previous ?? null, after: saved }]);
    return { id, updated: previous !== undefined };
  });
}

/** Apply the user's changes (read, archive, favourite, tags, position); null when the article is gone. */
export function updateArticle(id: string, changes: ArticleChanges, now = Date.now()): Promise<IndexEntry | null> {
  return serialized(async () => {
    const article = await readArticle(id);
    if (!article) return null;
    // updatedAt says which copy is newer when a backup is restored over this one (restore-plan.ts).
    const next: SavedArticle = { ...article, updatedAt: now };
    if (changes.read !== undefined) next.readAt = changes.read ? (article.readAt ?? now) : null;
    if (changes.archived !== undefined) next.archived = changes.archived;
    if (changes.favorite !== undefined) next.favorite = changes.favorite;
    if (changes.tags !== undefined) next.tags = cleanTags(changes.tags);
    if (changes.progress !== undefined) next.progress = Math.min(1, Math.max(0, changes.progress));
    const entry = await put(next, article, now);
    // Tags are searched; flags and the reading position are not.
    if (changes.tags !== undefined) await keepSearchIndex([{ id, before: article, after: next }]);
    return entry;
  });
}

/**
 * Delete an article and hand back the record, so the UI can undo. The index goes first: if the worker
 * stops in between, the orphaned record is found and re-listed by the repair, never lost or half-listed.
 */
export function deleteArticle(id: string): Promise<SavedArticle | null> {
  return serialized(async () => {
    const article = await readArticle(id);
    const unlisted = await itemsUnlisting(id);
    const tombstone = await trackedItems([{ id, before: article, after: null }]);
    if (unlisted || article) await setItems({ ...unlisted, ...tombstone });
    if (article) await removeItems([articleKey(id)]);
    await keepSearchIndex([{ id, before: article, after: null }]);
    return article;
  });
}

/** Undo a delete: put the record back exactly as it was. */
export function restoreArticle(article: SavedArticle): Promise<IndexEntry> {
  return serialized(async () => {
    const entry = await put(article, null);
    await keepSearchIndex([{ id: article.id, before: null, after: article }]);
    return entry;
  });
}
