/**
 * An imported article that lands on one already saved (its link redirected there, or it is the same
 * page under another address) updates the text, as a save does, and keeps what the user made of it:
 * saved date, tags, favourite, archived, read state, position and highlights. Tags and highlights the
 * import brings are added to the user's.
 */
import type { SavedArticle } from '../storage';

export function keepUserFields(incoming: SavedArticle, saved: SavedArticle): SavedArticle {
  const quotes = new Set((saved.highlights ?? []).map((h) => h.quote.exact));
  const highlights = [...(saved.highlights ?? []), ...(incoming.highlights ?? []).filter((h) => !quotes.has(h.quote.exact))];
  const merged: SavedArticle = {
    ...incoming,
    id: saved.id,
    urlKey: saved.urlKey,
    savedAt: saved.savedAt,
    readAt: saved.readAt,
    archived: saved.archived,
    favorite: saved.favorite,
    progress: saved.progress,
    tags: [...new Set([...saved.tags, ...incoming.tags])],
  };
  if (highlights.length) merged.highlights = highlights;
  return merged;
}
