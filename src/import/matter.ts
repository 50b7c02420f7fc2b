/**
 * Matter's CSV export (`matter_history.csv`): `Title,Author,Publisher,URL,Tags,Word Count,In Queue,
 * Favorited,Read,Highlight_Count,Last Interaction Date,File Id`. Tags are joined by `;`; an article
 * no longer "In Queue" was archived. Matter keeps no saved date: the last interaction stands in.
 */
import type { CsvTable } from './csv';
import { readCsvRows } from './csv-rows';
import { cleanTags, cleanTitle, fromDateString } from './item';
import type { ImportResult } from './types';

export const MATTER_COLUMNS = ['title', 'author', 'publisher', 'url', 'tags', 'in queue', 'favorited'];

const yes = (value: string | undefined) => (value ?? '').trim().toLowerCase() === 'true';

export function parseMatterRows(table: CsvTable): ImportResult {
  return readCsvRows(table, (values) => ({
    title: cleanTitle(values.title),
    tags: cleanTags((values.tags ?? '').split(';')),
    savedAt: fromDateString(values['last interaction date']),
    archived: (values['in queue'] ?? '').trim().toLowerCase() === 'false',
    favorite: yes(values.favorited),
  }));
}
