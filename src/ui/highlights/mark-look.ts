import type { Highlight } from '../../shared/highlight';

/** The id of a highlight's first mark: what the panel scrolls to and focuses. */
export const markId = (highlightId: string) => `highlight-${highlightId}`;

/**
 * How a painted highlight looks and behaves in the reader: its colour class; the first piece is
 * focusable (one Tab stop per highlight) and is where the panel jumps to; the note is its tooltip.
 */
export function decorateMark(mark: Element, h: Highlight, first: boolean): void {
  mark.setAttribute('class', `highlight highlight-${h.color}`);
  if (h.note) mark.setAttribute('title', h.note);
  if (!first) return;
  mark.setAttribute('id', markId(h.id));
  mark.setAttribute('tabindex', '0');
}
