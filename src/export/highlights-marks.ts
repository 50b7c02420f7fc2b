/** Highlights marked in an exported article's text (HTML and EPUB): the same anchoring as the reader. */
import { placeAll } from '../highlights/anchor';
import { paint } from '../highlights/marks';
import { articleText } from '../highlights/text-model';
import type { Highlight } from '../shared/highlight';

/**
 * Wrap each highlight in `fragment` (the sanitized article body) in <mark class="highlight …">, the note
 * as its title. Highlights that cannot be placed are left out of the text (the Markdown export lists them).
 */
export function markHighlights(fragment: DocumentFragment, highlights: readonly Highlight[] | undefined): void {
  if (!highlights?.length) return;
  paint(fragment, highlights, (mark, h) => {
    mark.setAttribute('class', `highlight highlight-${h.color}`);
    if (h.note) mark.setAttribute('title', h.note);
  });
}

/** The highlights in reading order of the article body's text; those not found in it last. */
export function inReadingOrder(fragment: DocumentFragment, highlights: readonly Highlight[]): Highlight[] {
  return placeAll(articleText(fragment), highlights).map((p) => p.highlight);
}
