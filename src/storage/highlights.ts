import { HIGHLIGHT_LIMITS, type Highlight, type HighlightColor, type TextPosition } from '../shared/highlight';
import { put } from './library';
import { serialized } from './queue';
import { readArticle } from './read-records';
import type { SavedArticle } from './schema';
import { keepSearchIndex } from './search-write';

/**
 * What the reader may change on a highlight after making it. `position`: where the reader found an
 * imported highlight by its quote, kept so the next open places it directly (not a change by the
 * user: updatedAt stays).
 */
export interface HighlightChanges { color?: HighlightColor; note?: string; position?: TextPosition }

/**
 * Rewrite one article's highlights through the same put() as every other write (record and index row in
 * one set()), in the write queue. Answers with the article's highlights as stored, or null when the
 * article is gone (deleted in another tab): the page then says so instead of pretending.
 */
function changeHighlights(articleId: string, change: (list: Highlight[]) => Highlight[]): Promise<Highlight[] | null> {
  return serialized(async () => {
    const article = await readArticle(articleId);
    if (!article) return null;
    const highlights = change(article.highlights ?? []);
    const next: SavedArticle = { ...article };
    if (highlights.length > 0) next.highlights = highlights;
    else delete next.highlights; // the record looks as it did before its first highlight
    await put(next, article);
    await keepSearchIndex([{ id: articleId, before: article, after: next }]); // notes and quotes are searchable
    return highlights;
  });
}

/** Add a highlight; one with the same id replaces it (a retried message makes no duplicate). */
export function addHighlight(articleId: string, highlight: Highlight): Promise<Highlight[] | null> {
  return changeHighlights(articleId, (list) => {
    const others = list.filter((h) => h.id !== highlight.id);
    if (others.length >= HIGHLIGHT_LIMITS.perArticle) throw new Error(`An article holds at most ${HIGHLIGHT_LIMITS.perArticle} highlights`);
    return [...others, highlight];
  });
}

/** Change a highlight's colour or note; a highlight that is gone is left gone. */
export function updateHighlight(articleId: string, highlightId: string, changes: HighlightChanges, now = Date.now()): Promise<Highlight[] | null> {
  const byUser = changes.color !== undefined || changes.note !== undefined;
  return changeHighlights(articleId, (list) => list.map((h) => (h.id === highlightId ? { ...h, ...changes, updatedAt: byUser ? now : h.updatedAt } : h)));
}

export function removeHighlight(articleId: string, highlightId: string): Promise<Highlight[] | null> {
  return changeHighlights(articleId, (list) => list.filter((h) => h.id !== highlightId));
}
