/**
 * Readwise Reader's CSV export: `Title,URL,ID,Document tags,Saved date,Reading progress,Location,Seen`.
 * Tags are a Python-style list (`['a', 'b']`); Location is new, later, shortlist, archive or feed.
 * Feed items are what Reader pulled from the user's RSS subscriptions, not what they saved: they are
 * skipped (and counted) unless asked for. Shortlist is Reader's star: it becomes a favourite.
 */
import { recordOf, type CsvTable } from './csv';
import { checkUrl, cleanTags, cleanTitle, fromDateString, ItemCollector } from './item';
import type { ImportResult } from './types';

export const READWISE_COLUMNS = ['title', 'url', 'document tags', 'saved date', 'location'];

export function parseReadwiseRows({ columns, rows, lines }: CsvTable, { includeFeed = false } = {}): ImportResult {
  const collector = new ItemCollector();
  let feedItems = 0;
  rows.forEach((cells, r) => {
    const line = lines[r];
    const values = recordOf(columns, cells);
    const location = (values.location ?? '').trim().toLowerCase();
    if (location === 'feed') feedItems++;
    if (location === 'feed' && !includeFeed) {
      collector.skip({ line }, { key: 'importRowFeedItem', subs: [] });
      return;
    }
    const checked = checkUrl(values.url);
    if ('key' in checked) {
      collector.skip({ line }, checked);
      return;
    }
    const progress = Number(values['reading progress']);
    collector.add(
      {
        url: checked.url,
        title: cleanTitle(values.title),
        tags: cleanTags(pythonList(values['document tags'] ?? '')),
        savedAt: fromDateString(values['saved date']),
        archived: location === 'archive',
        favorite: location === 'shortlist',
        ...(values['reading progress']?.trim() && Number.isFinite(progress) ? { progress: Math.min(1, Math.max(0, progress > 1 ? progress / 100 : progress)) } : {}),
      },
      { line },
    );
  });
  return { ...collector.result(), feedItems };
}

/** `['a', "b's", 'c']` → the strings, quotes and escapes as Python's repr writes them. */
function pythonList(raw: string): string[] {
  const out: string[] = [];
  const pattern = /'((?:[^'\\]|\\.)*)'|"((?:[^"\\]|\\.)*)"/g;
  for (let m = pattern.exec(raw); m; m = pattern.exec(raw)) out.push((m[1] ?? m[2] ?? '').replace(/\\(.)/g, '$1'));
  return out;
}
