/**
 * Browsers' own bookmark files. Chrome's profile `Bookmarks` JSON: `{ roots: { bookmark_bar, other,
 * synced }, version }`, each node `{ type: 'url' | 'folder', name, url, date_added, children }`, dates
 * in microseconds since 1601. Firefox's bookmark backup JSON (Bookmarks → Backup): nested
 * `{ type: 'text/x-moz-place-container' | 'text/x-moz-place', title, uri, dateAdded (µs since 1970),
 * tags ("a,b"), annos (the description), children, root }`. Folder names become tags, except the
 * browsers' own top folders ("Bookmarks bar", "Other bookmarks", "Bookmarks Menu" …).
 */
import { isObject, type Obj } from './check';
import { checkUrl, cleanTags, cleanTitle, fromEpochMs, ItemCollector } from './item';
import type { ImportResult } from './types';

/** Microseconds between 1601-01-01 (Windows' epoch, which Chrome uses) and 1970-01-01. */
const WINDOWS_EPOCH_US = 11_644_473_600_000_000;
const MAX_DEPTH = 100;

export function parseChromeBookmarks(roots: Obj): ImportResult {
  const collector = new ItemCollector();
  let index = 0;
  const visit = (node: unknown, folders: string[], depth: number): void => {
    if (!isObject(node) || depth > MAX_DEPTH) return;
    if (node.type === 'url') {
      const where = { index: index++ };
      const checked = checkUrl(node.url);
      if ('key' in checked) return collector.skip(where, checked);
      const us = Number(node.date_added);
      collector.add({ url: checked.url, title: cleanTitle(node.name), tags: cleanTags(folders), savedAt: fromEpochMs(Number.isFinite(us) && us > 0 ? (us - WINDOWS_EPOCH_US) / 1000 : NaN) }, where);
      return;
    }
    const inner = depth === 0 ? folders : [...folders, typeof node.name === 'string' ? node.name : ''];
    if (Array.isArray(node.children)) for (const child of node.children) visit(child, inner, depth + 1);
  };
  for (const root of Object.values(roots)) visit(root, [], 0);
  return collector.result();
}

export function parseFirefoxBookmarks(tree: Obj): ImportResult {
  const collector = new ItemCollector();
  let index = 0;
  const visit = (node: unknown, folders: string[], depth: number): void => {
    if (!isObject(node) || depth > MAX_DEPTH) return;
    if (node.type === 'text/x-moz-place') {
      const where = { index: index++ };
      const checked = checkUrl(node.uri);
      if ('key' in checked) return collector.skip(where, checked);
      const description = annotation(node, 'bookmarkProperties/description');
      collector.add(
        {
          url: checked.url,
          title: cleanTitle(node.title),
          tags: cleanTags([...folders, ...(typeof node.tags === 'string' ? node.tags.split(',') : [])]),
          savedAt: fromEpochMs(typeof node.dateAdded === 'number' ? node.dateAdded / 1000 : NaN),
          ...(description ? { description } : {}),
        },
        where,
      );
      return;
    }
    // The places root and the browser's own folders (menu, toolbar, other, mobile) carry a `root` name.
    const inner = typeof node.root === 'string' ? folders : [...folders, typeof node.title === 'string' ? node.title : ''];
    if (Array.isArray(node.children)) for (const child of node.children) visit(child, inner, depth + 1);
  };
  visit(tree, [], 0);
  return collector.result();
}

function annotation(node: Obj, name: string): string {
  if (!Array.isArray(node.annos)) return '';
  const found: unknown = (node.annos as unknown[]).find((a) => isObject(a) && a.name === name);
  return isObject(found) && typeof found.value === 'string' ? found.value.trim() : '';
}
