/** Small DOM helpers the extraction passes share (hand-written: a selector query costs jsdom a scan). */

/** `el`'s text with whitespace folded to single spaces and trimmed: what a reader sees of it. */
export function foldedText(el: Element): string {
  return (el.textContent ?? '').replace(/\s+/g, ' ').trim();
}

/** Whether `el` or one of its ancestors has one of `tags` (upper-case tag names). */
export function withinTags(el: Element | null, tags: ReadonlySet<string>): boolean {
  for (let up = el; up; up = up.parentElement) if (tags.has(up.tagName)) return true;
  return false;
}
