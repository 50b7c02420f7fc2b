import browser, { type Manifest, type Permissions } from 'webextension-polyfill';
import type { ImportFormat, ReadOptions } from '../import/formats';
import { IMPORT_HOST_ORIGINS, importApiPermissions, REDIRECT_PERMISSION, type ImportAccess } from '../import/host-access';
import { planImport, type ImportPlan } from '../import/plan-import';
import { storedFromImport } from '../import/to-record';
import type { ImportItem, ImportProblem } from '../import/types';
import { sendMessage } from '../shared/messages';
import type { SavedArticle } from '../storage';
import { readIndex } from '../storage';

export interface ParsedImport {
  format: ImportFormat;
  plan: ImportPlan;
  errors: ImportProblem[];
  /** Items imported with a change (highlights fitted to the library's limits). */
  changed: ImportProblem[];
  /** Readwise Reader feed items in the file (left out unless `options.includeFeed`); the preview offers them. */
  feedItems: number;
  /** How the file was read, so the preview can read it again with feed items. */
  options: ReadOptions;
}

/** Parse and check the whole file in the page (untrusted input, throws ImportError), and plan against the library. */
export async function readImportFile(file: File, options: ReadOptions = {}): Promise<ParsedImport> {
  // The parsers (papaparse, unzip) load when a file is chosen, not with the options page.
  const { parseImportFile } = await import('../import/formats');
  const { items, errors, format, feedItems = 0, changed = [], keys } = parseImportFile(new Uint8Array(await file.arrayBuffer()), options);
  const { entries } = await readIndex();
  const plan = planImport(entries.map((e) => ({ id: e.id, url: e.url, canonicalUrl: e.urlKey })), items, keys);
  return { format, plan, errors, changed, feedItems, options };
}

/** An item that came with its content, through the same extraction as a fetched page (articleFromSaved). */
async function articleFromContent(item: ImportItem): Promise<SavedArticle | string> {
  if (!item.article) return 'no content';
  try {
    // Readability and the extractor load only when an import brings article text.
    const { articleFromSaved } = await import('../import/saved-content');
    return await storedFromImport(item, articleFromSaved({ ...item, article: item.article }));
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}

/** Articles per restore message: bounded, so a large export never becomes one huge message. */
const BATCH = 50;

/** Save the items that came with content; the failures come back with their reasons. */
export async function saveWithContent(items: ImportItem[]): Promise<{ saved: number; failed: { url: string; reason: string }[] }> {
  const failed: { url: string; reason: string }[] = [];
  let saved = 0;
  for (let i = 0; i < items.length; i += BATCH) {
    const articles: SavedArticle[] = [];
    for (const item of items.slice(i, i + BATCH)) {
      const out = await articleFromContent(item);
      if (typeof out === 'string') failed.push({ url: item.url, reason: out });
      else articles.push(out);
    }
    if (articles.length) await sendMessage('restoreBackup', { articles });
    saved += articles.length;
  }
  return { saved, failed };
}

/**
 * Queue the URLs without content for the background (only what the message accepts: no content). `asked`:
 * the access asked for for this import (askedAccess), which the background gives back when the job ends.
 */
export function queueUrls(format: ImportFormat, items: ImportItem[], asked?: ImportAccess) {
  const bare = items.map(({ url, title, tags, savedAt, archived, favorite, progress, description, highlights }) =>
    JSON.parse(JSON.stringify({ url, title, tags, savedAt, archived, favorite, progress, description, highlights })) as ImportItem);
  return sendMessage('startImport', { source: format, items: bare, ...(asked ? { asked } : {}) });
}

/** What an import asks for: web access, and (Chrome) the permission to see where redirects go. */
export function importAccessAll(): { origins: string[]; permissions: Manifest.OptionalPermission[] } {
  const optional = browser.runtime.getManifest().optional_permissions ?? [];
  return { origins: IMPORT_HOST_ORIGINS, permissions: importApiPermissions(optional) as Manifest.OptionalPermission[] };
}

/**
 * What the import of the pages at `urls` still has to ask for, or null when it has it all: web access
 * (all of it granted earlier, or each of their hosts, as a build or policy may grant) and the redirect
 * permission. Checked when the file is read, because the request itself must happen in the click, with no
 * await before it. Only what is missing is asked for: that permission alone comes without a prompt.
 */
export async function missingImportAccess(urls: string[]): Promise<Permissions.Permissions | null> {
  const { origins, permissions } = importAccessAll();
  const hosts = await hasHostAccess(urls);
  const apis = permissions.length === 0 || (await browser.permissions.contains({ permissions }));
  if (hosts && apis) return null;
  return { ...(hosts ? {} : { origins }), ...(apis ? {} : { permissions }) };
}

async function hasHostAccess(urls: string[]): Promise<boolean> {
  if (await browser.permissions.contains({ origins: IMPORT_HOST_ORIGINS })) return true;
  const hosts = [...new Set(urls.map((u) => { const { protocol, hostname } = new URL(u); return `${protocol}//${hostname}/*`; }))];
  return hosts.length <= 100 && browser.permissions.contains({ origins: hosts });
}

/** Must run inside the click handler, before any await: permissions.request needs the user's gesture. */
export const requestHostAccess = () => browser.permissions.request({ origins: IMPORT_HOST_ORIGINS });
/** The import's access (all of it unless told what is missing); inside the click handler too. */
export const requestImportAccess = (missing: Permissions.Permissions = importAccessAll()) => browser.permissions.request(missing);

/**
 * What an import that asks for `missing` (from missingImportAccess: null when nothing is missing) asks for,
 * as the background records it: the access it did not hold before, and only that, goes back at the end.
 */
export function askedAccess(missing: Permissions.Permissions | null): ImportAccess {
  const { origins = [], permissions = [] } = missing ?? {};
  return { origins: origins.filter((o) => IMPORT_HOST_ORIGINS.includes(o)), permissions: permissions.filter((p) => p === REDIRECT_PERMISSION) };
}
