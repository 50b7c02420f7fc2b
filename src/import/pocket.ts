/**
 * Pocket's CSV export, as its exporter writes it (Pocket's list export service, Apache-2.0):
 * `title,url,time_added,tags,status`, newer files with a `cursor` column after `time_added`; tags
 * joined by `|`, status `unread` or `archive`. The `pocket.zip` Pocket mailed from 2025 holds parts
 * of 10,000 rows (`part_000000.csv` …) and `annotations/part_*.json` with the highlights.
 */
import type { CsvTable } from './csv';
import { checkUrl, cleanTags, cleanTitle, fromUnixSeconds, ItemCollector } from './item';
import type { ImportedHighlight, ImportItem, ImportResult } from './types';
import { urlKeyOf } from '../storage/canonical';

export const POCKET_COLUMNS = ['title', 'url', 'time_added', 'tags', 'status'];

/**
 * Rows of one or more CSV parts into `collector`; highlights by URL key go onto their items. Cells are
 * read by column index, with no record per row: Pocket's exports are the largest (50,000 rows).
 */
export function addPocketRows(collector: ItemCollector, { columns, rows }: CsvTable, highlights = new Map<string, ImportedHighlight[]>(), file?: string): void {
  // The last column of a name, as a record by name would keep it.
  const [title, url, added, tags, status] = POCKET_COLUMNS.map((name) => columns.lastIndexOf(name));
  const cell = (cells: string[], index = -1) => (index < 0 ? undefined : cells[index] ?? '');
  for (const { line, cells } of rows) {
    const where = file ? { line, file } : { line };
    const checked = checkUrl(cell(cells, url));
    if ('key' in checked) {
      collector.skip(where, checked);
      continue;
    }
    const item: ImportItem = {
      url: checked.url,
      title: cleanTitle(cell(cells, title)),
      tags: cleanTags((cell(cells, tags) ?? '').split('|')),
      savedAt: fromUnixSeconds(cell(cells, added)),
      archived: cell(cells, status)?.trim().toLowerCase() === 'archive',
    };
    const quotes = highlights.size ? highlights.get(urlKeyOf(checked.parsed)) : undefined;
    if (quotes?.length) item.highlights = quotes;
    collector.add(item, where, checked.parsed);
  }
}

export function parsePocketRows(table: CsvTable): ImportResult {
  const collector = new ItemCollector();
  addPocketRows(collector, table);
  return collector.result();
}
