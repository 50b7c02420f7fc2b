/** Which parser reads a file the user picked: by content first, the name only as a hint. */
import { strFromU8 } from 'fflate';
import { parseBookmarksHtml } from './bookmarks';
import { parseInstapaperCsv } from './instapaper';
import { parseLecternBackup } from './lectern';
import { checkSize, ImportError } from './limits';
import { parseOmnivoreJson, parseOmnivoreZip } from './omnivore';
import { parsePocketCsv } from './pocket';
import type { ImportResult } from './types';
import { looksLikeZip } from './unzip';

export type ImportFormat = 'pocket' | 'instapaper' | 'omnivore' | 'bookmarks' | 'lectern';

/** Parses `bytes` as `format`, or guesses the format when it is not given. Throws ImportError. */
export function parseImportFile(bytes: Uint8Array, format?: ImportFormat): ImportResult & { format: ImportFormat } {
  checkSize(bytes.length);
  if (looksLikeZip(bytes)) {
    if (format && format !== 'omnivore') throw new ImportError('importZipNotSupported');
    return { ...parseOmnivoreZip(bytes), format: 'omnivore' };
  }
  const text = strFromU8(bytes).replace(/^\uFEFF/, '');
  const detected = format ?? detect(text);
  const parsers: Record<ImportFormat, (text: string) => ImportResult> = {
    pocket: parsePocketCsv,
    instapaper: parseInstapaperCsv,
    omnivore: parseOmnivoreJson,
    bookmarks: parseBookmarksHtml,
    lectern: parseLecternBackup,
  };
  return { ...parsers[detected](text), format: detected };
}

function detect(text: string): ImportFormat {
  const start = text.trimStart().slice(0, 2000);
  if (start.startsWith('{') && /"format"\s*:\s*"lectern-backup"/.test(start)) return 'lectern';
  if (start.startsWith('[')) return 'omnivore';
  if (/^<!DOCTYPE NETSCAPE-Bookmark-file/i.test(start) || /^<(!doctype|html|dl|meta)/i.test(start)) return 'bookmarks';
  const header = start.replace(/\r?\n.*$/s, '').toLowerCase();
  if (header.includes('folder') && header.includes('url')) return 'instapaper';
  if (header.includes('url')) return 'pocket';
  throw new ImportError('importUnknownFormat');
}
