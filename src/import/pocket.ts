/**
 * Pocket's CSV export, as its exporter writes it (Pocket's list export service, Apache-2.0):
 * `title,url,time_added,tags,status`, newer files with a `cursor` column after `time_added`; tags
 * joined by `|`, status `unread` or `archive`. The `pocket.zip` Pocket mailed from 2025 holds parts
 * of 10,000 rows (`part_000000.csv` …) and `annotations/part_*.json` with the highlights.
 */
import type { CsvRow } from './csv';
import { addCsvRows } from './csv-rows';
import { cleanTags, cleanTitle, fromUnixSeconds, ItemCollector } from './item';
import type { ImportedHighlight, ImportResult } from './types';
import { urlKeyOf } from '../storage/canonical';

export const POCKET_COLUMNS = ['title', 'url', 'time_added', 'tags', 'status'];

/** Rows of one or more CSV parts into `collector`; highlights by URL key go onto their items. */
export function addPocketRows(collector: ItemCollector, rows: CsvRow[], highlights = new Map<string, ImportedHighlight[]>(), file?: string): void {
  addCsvRows(collector, rows, (values, { parsed }) => {
    const quotes = highlights.size ? highlights.get(urlKeyOf(parsed)) : undefined;
    return {
      title: cleanTitle(values.title),
      tags: cleanTags((values.tags ?? '').split('|')),
      savedAt: fromUnixSeconds(values.time_added),
      archived: values.status?.trim().toLowerCase() === 'archive',
      ...(quotes?.length ? { highlights: quotes } : {}),
    };
  }, file);
}

export function parsePocketRows(rows: CsvRow[]): ImportResult {
  const collector = new ItemCollector();
  addPocketRows(collector, rows);
  return collector.result();
}
