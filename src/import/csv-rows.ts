/**
 * The row loop most CSV exports share (Pocket's, the largest files, reads its columns by index): a row whose `url` is a web address becomes an item (the format's
 * `toItem` reads the other columns), any other row is reported by its line; the collector does the
 * public-host check, duplicates and limits.
 */
import { recordOf, type CsvTable } from './csv';
import { checkUrl, ItemCollector } from './item';
import type { ImportItem, ImportResult } from './types';
import type { UrlParts } from '../shared/web-url';

/** The URL as checkUrl gave it: the text and the parsed URL (parsed once per row). */
type CheckedUrl = { url: string; parsed: UrlParts };
type ToItem = (values: Record<string, string>, checked: CheckedUrl) => Omit<ImportItem, 'url'>;

/** The items of one CSV file, each row read by header name. */
export function readCsvRows({ columns, rows, lines }: CsvTable, toItem: ToItem): ImportResult {
  const collector = new ItemCollector();
  rows.forEach((cells, r) => {
    const line = lines[r];
    const values = recordOf(columns, cells);
    const checked = checkUrl(values.url);
    if ('key' in checked) collector.skip({ line }, checked);
    else collector.add({ url: checked.url, ...toItem(values, checked) }, { line }, checked.parsed);
  });
  return collector.result();
}
