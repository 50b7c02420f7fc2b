import type { IndexEntry } from '../storage';

export type Show = 'all' | 'unread' | 'favorites' | 'archived' | 'highlighted';
export interface Filters { show: Show; tag: string | null }

const SHOWS: Record<Show, (e: IndexEntry) => boolean> = {
  all: (e) => !e.archived,
  unread: (e) => !e.archived && !e.read,
  favorites: (e) => e.favorite,
  archived: (e) => e.archived,
  // Archived ones too: a highlight is worth finding again after the article is put away.
  highlighted: (e) => (e.highlights ?? 0) > 0,
};

/** The entries a filter shows, in the order given (newest first, or search rank). */
export function applyFilters(entries: IndexEntry[], { show, tag }: Filters): IndexEntry[] {
  const keep = SHOWS[show];
  return entries.filter((e) => keep(e) && (tag === null || e.tags.includes(tag)));
}

/** Every tag in use, sorted, for the tag filter. */
export function allTags(entries: IndexEntry[]): string[] {
  const tags = new Set<string>();
  for (const e of entries) for (const t of e.tags) tags.add(t);
  return [...tags].sort();
}
