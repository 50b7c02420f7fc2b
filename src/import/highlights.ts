/** Highlights that came with an import, as the library keeps them (src/shared/highlight.ts). */
import type { Highlight } from '../shared/highlight';
import type { ImportedHighlight } from './types';

const MAX_QUOTE = 10_000;

/**
 * One Highlight per imported quote: no position yet (the reader places it by its quote when it can),
 * yellow, the note or ''. Times are the source's when it had one, else `now`.
 */
export function toHighlights(imported: readonly ImportedHighlight[] | undefined, now: number = Date.now()): Highlight[] {
  return (imported ?? []).map((h) => ({
    id: crypto.randomUUID(),
    quote: { exact: h.quote.slice(0, MAX_QUOTE), prefix: '', suffix: '' },
    position: null,
    color: 'yellow',
    note: h.note ?? '',
    createdAt: h.createdAt ?? now,
    updatedAt: h.createdAt ?? now,
  }));
}
