/** Highlights that came with an import, as the library keeps them (src/shared/highlight.ts). */
import { isObject } from '../shared/guards';
import { HIGHLIGHT_LIMITS, type Highlight } from '../shared/highlight';
import type { ImportMessage } from './import-text';
import type { ImportedHighlight } from './types';

/**
 * An item's imported highlights within the library's limits (HIGHLIGHT_LIMITS), so that a long note
 * or a heavily marked article never makes the article fail to save: empty quotes are left out,
 * quotes and notes are kept whole up to the limit and cut there, and past the per-article count the
 * rest is left out. `cut` says what was changed, for the import summary; null when nothing was.
 */
export function fitHighlights(list: readonly ImportedHighlight[]): { highlights: ImportedHighlight[]; cut: ImportMessage | null } {
  const usable = list.filter((h) => h.quote.trim().length > 0);
  const kept = usable.slice(0, HIGHLIGHT_LIMITS.perArticle);
  let shortened = 0;
  const highlights = kept.map((h) => {
    if (h.quote.length <= HIGHLIGHT_LIMITS.quote && (h.note ?? '').length <= HIGHLIGHT_LIMITS.note) return h;
    shortened++;
    return { ...h, quote: h.quote.slice(0, HIGHLIGHT_LIMITS.quote), ...(h.note !== undefined ? { note: h.note.slice(0, HIGHLIGHT_LIMITS.note) } : {}) };
  });
  const left = list.length - highlights.length;
  if (!left && !shortened) return { highlights, cut: null };
  return { highlights, cut: { key: 'importRowHighlightsCut', subs: [String(list.length), String(left), String(shortened), String(HIGHLIGHT_LIMITS.perArticle)] } };
}

/**
 * A backup's highlights (already stored ones, with ids) within the library's limits, so that a record over
 * them is restored rather than refused: quote contexts cut (fitContext), quotes and notes kept whole up to
 * the limit and cut there, and past the per-article count the rest left out (the first ones stay, in the
 * file's order). Only items of the right shape are touched; the caller checks the list afterwards. `cut`
 * says in words what was changed, null when nothing was.
 */
export function fitBackupHighlights(list: readonly unknown[]): { highlights: unknown[]; cut: string | null } {
  let shortened = 0;
  const fitted = list.slice(0, HIGHLIGHT_LIMITS.perArticle).map((h) => {
    if (!isObject(h) || !isObject(h.quote) || typeof h.quote.exact !== 'string' || typeof h.quote.prefix !== 'string' || typeof h.quote.suffix !== 'string' || typeof h.note !== 'string') return h;
    const highlight = fitContext(h as unknown as Highlight);
    if (highlight.quote.exact.length <= HIGHLIGHT_LIMITS.quote && highlight.note.length <= HIGHLIGHT_LIMITS.note) return highlight;
    shortened++;
    return { ...highlight, quote: { ...highlight.quote, exact: highlight.quote.exact.slice(0, HIGHLIGHT_LIMITS.quote) }, note: highlight.note.slice(0, HIGHLIGHT_LIMITS.note) };
  });
  const left = list.length - fitted.length;
  const parts = [
    left ? `${list.length} highlights, more than the ${HIGHLIGHT_LIMITS.perArticle} an article keeps: the first ${HIGHLIGHT_LIMITS.perArticle} were kept` : '',
    shortened ? `${shortened} quotes or notes longer than ${HIGHLIGHT_LIMITS.quote} characters were cut to that length` : '',
  ].filter(Boolean);
  return { highlights: fitted, cut: parts.length ? `highlights: ${parts.join('; ')}` : null };
}

/** A stored highlight's quote context cut to the limit: it only helps to place the quote, the part nearest the quote stays. */
function fitContext(highlight: Highlight): Highlight {
  const { prefix, suffix } = highlight.quote;
  if (prefix.length <= HIGHLIGHT_LIMITS.context && suffix.length <= HIGHLIGHT_LIMITS.context) return highlight;
  return { ...highlight, quote: { ...highlight.quote, prefix: prefix.slice(-HIGHLIGHT_LIMITS.context), suffix: suffix.slice(0, HIGHLIGHT_LIMITS.context) } };
}

/**
 * One Highlight per imported quote: no position yet (the reader places it by its quote when it can),
 * yellow, the note or ''. Times are the source's when it had one, else `now`. Fitted to the limits.
 */
export function toHighlights(imported: readonly ImportedHighlight[] | undefined, now: number = Date.now()): Highlight[] {
  return fitHighlights(imported ?? []).highlights.map((h) => ({
    id: crypto.randomUUID(),
    quote: { exact: h.quote, prefix: '', suffix: '' },
    position: null,
    color: 'yellow',
    note: h.note ?? '',
    createdAt: h.createdAt ?? now,
    updatedAt: h.createdAt ?? now,
  }));
}
