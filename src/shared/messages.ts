import browser from 'webextension-polyfill';
import type { ExtractionResult, NoArticleReason } from './article';
import type { ArticleChanges, IndexEntry, SavedArticle } from '../storage/schema';
import type { Highlight } from './highlight';
import type { HighlightChanges } from '../storage/highlights';
import type { RestoreOutcome, RestoreRecord } from '../storage/restore';
import type { RestoredImage } from '../storage/images';
import type { ImportJob } from '../import/job';
import type { ImportItem } from '../import/types';
import type { ImportAccess } from '../import/host-access';
import type { SyncSettingsView, SyncStatus } from './sync';

/**
 * The one message protocol: type → request data and response. The background's handler table is typed
 * from this map, so a message without a handler (or with the wrong shape) fails `tsc` on both ends.
 */
export interface Protocol {
  /** Extract the article of a tab the extension may read (popup and reader pages ask; the worker injects). */
  extractTab: { request: { tabId: number }; response: ExtractionResult };
  /** Extract a tab and save it to the library (the same article again updates the saved copy). */
  saveArticle: { request: { tabId: number }; response: SaveResult };
  /** The compact index, newest first (pages may also read it from storage directly). */
  listArticles: { request: Record<string, never>; response: { entries: IndexEntry[] } };
  getArticle: { request: { id: string }; response: SavedArticle | null };
  updateArticle: { request: { id: string; changes: ArticleChanges }; response: IndexEntry | null };
  /** Delete, answering with the deleted record so the page can offer undo. */
  deleteArticle: { request: { id: string }; response: SavedArticle | null };
  restoreArticle: { request: { article: SavedArticle }; response: IndexEntry };
  // Highlights of a saved article (src/storage/highlights.ts). Each answers with the article's highlights
  // as stored now, or null when the article is no longer in the library.
  addHighlight: { request: { id: string; highlight: Highlight }; response: Highlight[] | null };
  updateHighlight: { request: { id: string; highlightId: string; changes: HighlightChanges }; response: Highlight[] | null };
  removeHighlight: { request: { id: string; highlightId: string }; response: Highlight[] | null };
  // Sync through the user's WebDAV folder (src/shared/sync.ts, docs/sync.md). Only extension pages may ask.
  getSyncSettings: { request: Record<string, never>; response: SyncSettingsView };
  /** Save the settings; an omitted password or passphrase keeps the stored one. Answers with the status. */
  saveSyncSettings: { request: { serverUrl: string; username: string; password?: string; passphrase?: string }; response: SyncStatus };
  /** Start a sync (or join the running one). Answers when the run has started; pages follow SYNC_STATUS_KEY. */
  syncNow: { request: Record<string, never>; response: SyncStatus };
  getSyncStatus: { request: Record<string, never>; response: SyncStatus };
  /** Forget this device's sync settings and state (the server and the library are left as they are). */
  disconnectSync: { request: Record<string, never>; response: SyncStatus };
  /** Rebuild the full-text index from the article records. */
  rebuildSearchIndex: { request: Record<string, never>; response: { indexed: number } };
  storageUsage: { request: Record<string, never>; response: { count: number; bytes: number } };
  /**
   * Put a batch of backup records (parsed and checked in the page) into the library, without duplicates.
   * Each batch updates the search index as it is written; `searchLater` skips that and leaves the index to
   * one rebuildSearchIndex afterwards (seeding in the benchmarks).
   */
  restoreBackup: { request: { articles: RestoreRecord[]; searchLater?: boolean }; response: RestoreOutcome };
  /**
   * Offline images of a backup (src/storage/images.ts), sent after the restoreBackup batch of their articles.
   * Bytes are checked again here (type sniffed, size, content key); `rejected` failed that check, `missing`
   * came without bytes that no earlier batch had stored.
   */
  restoreImages: { request: { images: RestoredImage[] }; response: { linked: number; missing: number; rejected: number } };
  /**
   * Queue URLs (items without content, parsed in the page) for fetching and extraction in the background.
   * `asked`: the access the page asked for for this import (not held before), given back when the job ends.
   */
  startImport: { request: { source: string; items: ImportItem[]; asked?: ImportAccess }; response: { jobId: string; queued: number } };
  /** Cancel the import, retry its failed items, or clear a finished one. */
  changeImport: { request: { action: 'cancel' | 'retry' | 'clear'; asked?: ImportAccess }; response: ImportJob | null };
}

/** Why a save failed: the extraction's reason, or storage refusing the write (`quota`: storage is full). */
export type SaveFailure = NoArticleReason | 'quota' | 'storage';
export type SaveResult = { ok: true; id: string; updated: boolean } | { ok: false; reason: SaveFailure; detail?: string };

export type MessageType = keyof Protocol;
export type Request<K extends MessageType> = Protocol[K]['request'];
export type Response<K extends MessageType> = Protocol[K]['response'];
export interface Message<K extends MessageType = MessageType> {
  type: K;
  data: Request<K>;
}

/** Send a typed message to the background worker. */
export function sendMessage<K extends MessageType>(type: K, data: Request<K>): Promise<Response<K>> {
  return browser.runtime.sendMessage<Message<K>, Response<K>>({ type, data });
}
