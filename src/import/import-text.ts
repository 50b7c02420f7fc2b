/**
 * Import messages: a key and substitutions for the UI (`t(key, subs)`; the same keys and English
 * text are in src/_locales/en/messages.json, checked by a test), and the English text for logs.
 */
export const IMPORT_TEXT = {
  importFileTooLarge: 'The file is $1 MB; the limit is $2 MB.',
  importTooManyRows: 'The file has more than $1 rows; split it and import the parts.',
  importTooManyBookmarks: 'The file has more than $1 bookmarks; split it and import the parts.',
  importNotBookmarks: 'This is not a bookmarks file: it has no links.',
  importUnknownFormat: 'This file is not an export Lectern can read. Nothing was imported.',
  importAmbiguous: 'This file looks like both a $1 export and a $2 export, so Lectern will not guess. Nothing was imported.',
  importUnknownZip: 'This zip file is not an export Lectern knows: it holds $1. Expected Pocket’s part_000000.csv or Omnivore’s metadata_*.json. Nothing was imported.',
  importUnknownCsv: 'This CSV file is not an export Lectern knows: its columns are $1. Expected the columns of a Pocket, Instapaper, Readwise Reader, Raindrop.io or Matter export. Nothing was imported.',
  importUnknownJson: 'This JSON file is not an export Lectern knows: it holds $1. Expected a wallabag, Omnivore, Pinboard, Karakeep, Linkwarden, Chrome or Firefox bookmarks file, or a Lectern backup. Nothing was imported.',
  importUnknownHtml: 'This web page is not a bookmarks file: expected a browser’s bookmarks export or Pocket’s ril_export.html. Nothing was imported.',
  importEmptyExport: 'This export holds no articles.',
  importFileNotJson: '$1 is not valid JSON ($2).',
  importPocketAnnotations: 'This is not a Pocket export: $1 is not a list of annotations.',
  importBackupNotJson: 'This is not a Lectern backup: the file is not valid JSON ($1).',
  importBackupWrongFormat: 'This is not a Lectern backup: "format" is not "lectern-backup".',
  importBackupNoVersion: 'This backup has no valid "version" (got $1).',
  importBackupNewer: 'This backup was made by a newer Lectern (format version $1); update Lectern to restore it.',
  importBackupNoDate: 'This backup has no valid "exportedAt" date.',
  importBackupNoArticles: 'This backup has no "articles" list.',
  importBackupTooMany: 'This backup has $1 articles; the limit is $2.',
  importBackupBadArticle: 'Article $1: $2.',
  importBackupBadArticleId: 'Article $1 (id $2): $3.',
  importOmnivoreNoMetadata: 'This is not an Omnivore export: the zip has no metadata_*.json file.',
  importOmnivoreNotList: 'This is not an Omnivore export: $1 is not a list of articles.',
  importOmnivoreTooMany: 'The export has more than $1 articles.',
  importZipTooManyEntries: 'The zip file has more than $1 entries.',
  importZipTooLarge: 'The zip file expands to more than $1 MB; it is refused.',
  importZipUnreadable: 'This is not a readable zip file ($1).',
  importRowNoUrl: 'no URL',
  importRowUrlTooLong: 'URL longer than $1 characters',
  importRowNotUrl: 'not a URL: $1',
  importRowNotWeb: 'not a web address ($1): $2',
  importRowDuplicateLine: 'same article as line $1',
  importRowDuplicateEntry: 'same article as entry $1',
  importRowNotArticle: 'expected an article, got $1',
  importRowDeleted: 'deleted in Omnivore',
  importRowPrivateHost: 'not on the public web, so it is not fetched: $1',
  importRowFeedItem: 'an RSS feed item you did not save',
  importRowHighlightsCut: '$1 highlights: $2 left out (empty, or past $4 per article), $3 shortened to fit',
  importRowNoLink: 'a note without a link',
} as const;

export type ImportMessageKey = keyof typeof IMPORT_TEXT;

export interface ImportMessage {
  key: ImportMessageKey;
  subs: string[];
}

/** The English text of a message (what `t(key, subs)` gives in an English UI). */
export function importText(key: ImportMessageKey, subs: readonly (string | number)[] = []): string {
  return IMPORT_TEXT[key].replace(/\$(\d)/g, (_, n: string) => String(subs[Number(n) - 1] ?? ''));
}
