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
export function addPocketRows(collector: ItemCollector, { columns, rows, lines }: CsvTable, highlights = new Map<string, ImportedHighlight[]>(), file?: string): void {
  // The last column of a name, as a record by name would keep it.
  const [title, url, added, tags, status] = POCKET_COLUMNS.map((name) => columns.lastIndexOf(name));
  const cell = (cells: string[], index = -1) => (index < 0 ? undefined : cells[index] ?? '');
  const tagLists = new TagLists();
  for (let r = 0; r < rows.length; r++) {
    const cells = rows[r]!;
    const line = lines[r]!;
    const checked = checkUrl(cell(cells, url));
    if ('key' in checked) {
      collector.skip(file ? { line, file } : { line }, checked);
      continue;
    }
    const item: ImportItem = {
      url: checked.url,
      title: cleanTitle(cell(cells, title)),
      tags: tagLists.of(cell(cells, tags) ?? ''),
      savedAt: fromUnixSeconds(cell(cells, added)),
      archived: cell(cells, status)?.trim().toLowerCase() === 'archive',
    };
    const quotes = highlights.size ? highlights.get(urlKeyOf(checked.parsed)) : undefined;
    if (quotes?.length) item.highlights = quotes;
    collector.addLine(item, checked.parsed, line, file);
  }
}

const NO_TAGS = Object.freeze([]) as unknown as string[];

/**
 * Each distinct tags cell cleaned once, its list shared by the rows that have it (frozen, so no reader
 * can change another item's tags): a 50,000-row export repeats a few tag sets, and a list of new
 * strings per row was a good part of what the read kept alive. At most 10,000 lists are kept.
 */
class TagLists {
  private readonly lists = new Map<string, string[]>();

  of(cell: string): string[] {
    if (!cell) return NO_TAGS;
    let list = this.lists.get(cell);
    if (!list) {
      list = Object.freeze(cleanTags(cell.split('|'))) as string[];
      if (this.lists.size < 10_000) this.lists.set(cell, list);
    }
    return list;
  }
}

export function parsePocketRows(table: CsvTable): ImportResult {
  const collector = new ItemCollector();
  addPocketRows(collector, table);
  return collector.result();
}
