/**
 * Linkwarden's JSON backup ("Download backup": the user record from its exportData.ts):
 * `{ collections: [{ id, name, parentId, links: [{ name, url, description, tags: [{ name }],
 * importDate, createdAt }] }], pinnedLinks: [{ url }] }`. A link's collection and the collections above
 * it become tags, as folders do for bookmarks, except the default "Unorganized" (an inbox, not a
 * topic). The date is `importDate || createdAt`, as Linkwarden's own importer reads it; a pinned link
 * is a favourite. Uploaded files have no URL and are reported.
 */
import { isObject, type Obj } from './check';
import { checkUrl, cleanTags, cleanTitle, fromDateString, ItemCollector } from './item';
import type { ImportResult } from './types';

const INBOX = 'Unorganized';

export function parseLinkwarden(collections: unknown[], pinnedLinks?: unknown): ImportResult {
  const pinned = new Set(Array.isArray(pinnedLinks) ? pinnedLinks.map((l) => (isObject(l) && typeof l.url === 'string' ? l.url.trim() : '')) : []);
  const byId = new Map<unknown, Obj>();
  for (const c of collections) if (isObject(c)) byId.set(c.id, c);
  const collector = new ItemCollector();
  let index = 0;
  for (const collection of collections) {
    if (!isObject(collection) || !Array.isArray(collection.links)) continue;
    const path = collectionPath(collection, byId);
    for (const link of collection.links) {
      const where = { index: index++ };
      if (!isObject(link)) {
        collector.skip(where, { key: 'importRowNotArticle', subs: [typeof link] });
        continue;
      }
      const checked = checkUrl(link.url);
      if ('key' in checked) {
        collector.skip(where, checked);
        continue;
      }
      const description = typeof link.description === 'string' ? link.description.trim() : '';
      const tags: unknown[] = Array.isArray(link.tags) ? (link.tags as unknown[]).map((t): unknown => (isObject(t) ? t.name : t)) : [];
      const url = typeof link.url === 'string' ? link.url.trim() : '';
      collector.add(
        {
          url: checked.url,
          title: cleanTitle(link.name),
          tags: cleanTags([...path, ...tags]),
          savedAt: fromDateString(link.importDate) ?? fromDateString(link.createdAt),
          ...(pinned.has(url) ? { favorite: true } : {}),
          ...(description ? { description } : {}),
        },
        where,
      );
    }
  }
  return collector.result();
}

/** The collection's name and its parents', outermost first (a cycle stops the walk). */
function collectionPath(collection: Obj, byId: Map<unknown, Obj>): string[] {
  const names: string[] = [];
  const seen = new Set<Obj>();
  for (let c: Obj | undefined = collection; c && !seen.has(c); c = c.parentId === null ? undefined : byId.get(c.parentId)) {
    seen.add(c);
    if (typeof c.name === 'string' && !(c.parentId === null && c.name === INBOX)) names.unshift(c.name);
  }
  return names;
}
