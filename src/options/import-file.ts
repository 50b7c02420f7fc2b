import browser from 'webextension-polyfill';
import { toStoredArticle } from '../export/record';
import type { ImportFormat } from '../import/formats';
import { planImport, type ImportPlan } from '../import/plan-import';
import { escapeHtml } from '../import/plain-html';
import { recordFromImport } from '../import/to-record';
import type { ImportItem, ImportProblem } from '../import/types';
import { sendMessage } from '../shared/messages';
import type { SavedArticle } from '../storage';
import { readIndex } from '../storage';

/** The host access an import needs to fetch pages: asked for at import time, never at install. */
const HOST_ORIGINS = ['http://*/*', 'https://*/*'];

export interface ParsedImport { format: ImportFormat; plan: ImportPlan; errors: ImportProblem[] }

/** Parse and check the whole file in the page (untrusted input, throws ImportError), and plan against the library. */
export async function readImportFile(file: File): Promise<ParsedImport> {
  // The parsers (papaparse, unzip) and the extractor load when a file is chosen, not with the options page.
  const { parseImportFile } = await import('../import/formats');
  const { items, errors, format } = parseImportFile(new Uint8Array(await file.arrayBuffer()));
  const { entries } = await readIndex();
  const plan = planImport(entries.map((e) => ({ id: e.id, url: e.url, canonicalUrl: e.urlKey })), items);
  return { format, plan, errors };
}

/** An item that came with its content, through the same extraction as a fetched page. */
async function articleFromContent(item: ImportItem): Promise<SavedArticle | string> {
  const content = item.article!.content;
  const title = item.title ?? item.article?.title ?? '';
  const html = `<!doctype html><html><head><title>${escapeHtml(title)}</title></head><body><article>${content}</article></body></html>`;
  const { extractFromHtml } = await import('../import/extract-html');
  const result = extractFromHtml(html, item.url);
  if (!result.ok) return result.reason;
  return toStoredArticle(recordFromImport(item, { ...result.article, ...pickKnown(item) }, ''));
}

/** What the source knew better than extraction (its own byline, site, dates). */
const pickKnown = (item: ImportItem) => Object.fromEntries(
  Object.entries(item.article ?? {}).filter(([k, v]) => ['byline', 'siteName', 'publishedTime', 'lang'].includes(k) && v),
);

/** Save the items that came with content; the failures come back with their reasons. */
export async function saveWithContent(items: ImportItem[]): Promise<{ saved: number; failed: { url: string; reason: string }[] }> {
  const failed: { url: string; reason: string }[] = [];
  const articles: SavedArticle[] = [];
  for (const item of items) {
    const out = await articleFromContent(item);
    if (typeof out === 'string') failed.push({ url: item.url, reason: out });
    else articles.push(out);
  }
  if (articles.length) await sendMessage('restoreBackup', { articles });
  return { saved: articles.length, failed };
}

/** Queue the URLs without content for the background (only what the message accepts: no content). */
export function queueUrls(format: ImportFormat, items: ImportItem[]) {
  const bare = items.map(({ url, title, tags, savedAt, archived, favorite, progress }) =>
    JSON.parse(JSON.stringify({ url, title, tags, savedAt, archived, favorite, progress })) as ImportItem);
  return sendMessage('startImport', { source: format, items: bare });
}

/**
 * Whether the pages at `urls` may already be fetched: either all web access was granted earlier, or each
 * of their hosts is (a build or policy that grants some hosts). Checked when the file is read, because
 * the request itself must happen in the click, with no await before it.
 */
export async function hasHostAccess(urls: string[]): Promise<boolean> {
  if (await browser.permissions.contains({ origins: HOST_ORIGINS })) return true;
  const hosts = [...new Set(urls.map((u) => { const { protocol, hostname } = new URL(u); return `${protocol}//${hostname}/*`; }))];
  return hosts.length <= 100 && browser.permissions.contains({ origins: hosts });
}
/** Must run inside the click handler, before any await: permissions.request needs the user's gesture. */
export const requestHostAccess = () => browser.permissions.request({ origins: HOST_ORIGINS });
