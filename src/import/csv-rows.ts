/**
 * The row loop the CSV exports share: a row whose `url` is a web address becomes an item (the format's
 * `toItem` reads the other columns), any other row is reported by its line; the collector does the
 * public-host check, duplicates and limits.
 */
import type { CsvRow } from './csv';
import { checkUrl, ItemCollector } from './item';
import type { ImportItem, ImportResult } from './types';

/** The URL as checkUrl gave it: the text and the parsed URL (parsed once per row). */
type CheckedUrl = { url: string; parsed: URL };
type ToItem = (values: Record<string, string>, checked: CheckedUrl) => Omit<ImportItem, 'url'>;

/** Every row of `rows` into `collector`; `file` names the part of a multi-file export in messages. */
export function addCsvRows(collector: ItemCollector, rows: readonly CsvRow[], toItem: ToItem, file?: string): void {
  for (const { line, values } of rows) {
    const where = file ? { line, file } : { line };
    const checked = checkUrl(values.url);
    if ('key' in checked) collector.skip(where, checked);
    else collector.add({ url: checked.url, ...toItem(values, checked) }, where, checked.parsed);
  }
}

/** The items of one CSV file. */
export function readCsvRows(rows: readonly CsvRow[], toItem: ToItem): ImportResult {
  const collector = new ItemCollector();
  addCsvRows(collector, rows, toItem);
  return collector.result();
}
