import type { Runtime } from 'webextension-polyfill';
import type { MessageType, Request, Response } from '../shared/messages';
import * as storage from '../storage';
import { extractTab } from './extract-tab';
import { saveTab } from './save-tab';
import { rebuildSearchIndexAwake } from './search-rebuild-awake';
import { changeImport, startImport } from './import-runner';
import { restoreBackupImages } from './offline-images';
import { disconnectSync, saveSyncSettings, startSync, syncStatus } from './sync-runner';
import { hasId, isAddHighlight, isRemoveHighlight, isUpdateHighlight, isChangeImport, isEmpty, isObject, isRestore, isRestoreBackup, isRestoreImages, isSaveSyncSettings, isStartImport, isTabId, isUpdate } from './validate-messages';

export type Handler<K extends MessageType> = (data: Request<K>, sender: Runtime.MessageSender) => Promise<Response<K>>;

/** Who may send a message type: the extension's own pages, or also content scripts (for their own tab). */
export type Audience = 'extension' | 'content';

interface HandlerEntry<K extends MessageType> {
  audience: Audience;
  /** Checks the shape of untrusted data; the handler runs only when this returns true. */
  valid: (data: unknown) => data is Request<K>;
  handle: Handler<K>;
}

const hasTabId = (d: unknown): d is { tabId: number } => isObject(d) && isTabId(d.tabId);

/** One entry per message type: a type without a handler fails `tsc`. */
export const handlers: { [K in MessageType]: HandlerEntry<K> } = {
  extractTab: {
    audience: 'extension',
    valid: hasTabId,
    handle: ({ tabId }) => extractTab(tabId),
  },
  saveArticle: { audience: 'extension', valid: hasTabId, handle: ({ tabId }) => saveTab(tabId) },
  listArticles: {
    audience: 'extension',
    valid: isEmpty,
    handle: async () => ({ entries: (await storage.readIndex()).entries.sort(storage.newestFirst) }),
  },
  getArticle: { audience: 'extension', valid: hasId, handle: ({ id }) => storage.readArticle(id) },
  updateArticle: { audience: 'extension', valid: isUpdate, handle: ({ id, changes }) => storage.updateArticle(id, changes) },
  deleteArticle: {
    audience: 'extension',
    valid: hasId,
    // Its offline images go too (images other articles show are kept). Undo brings the text back, not the copies.
    handle: async ({ id }) => {
      const deleted = await storage.deleteArticle(id);
      await storage.releaseArticleImages(id);
      return deleted;
    },
  },
  restoreArticle: { audience: 'extension', valid: isRestore, handle: ({ article }) => storage.restoreArticle(article) },
  addHighlight: { audience: 'extension', valid: isAddHighlight, handle: ({ id, highlight }) => storage.addHighlight(id, highlight) },
  updateHighlight: { audience: 'extension', valid: isUpdateHighlight, handle: ({ id, highlightId, changes }) => storage.updateHighlight(id, highlightId, changes) },
  removeHighlight: { audience: 'extension', valid: isRemoveHighlight, handle: ({ id, highlightId }) => storage.removeHighlight(id, highlightId) },
  // Sync (sync-runner.ts): the settings view never carries the password or passphrase.
  getSyncSettings: { audience: 'extension', valid: isEmpty, handle: async () => storage.settingsView(await storage.readSyncSettings()) },
  saveSyncSettings: { audience: 'extension', valid: isSaveSyncSettings, handle: (settings) => saveSyncSettings(settings) },
  syncNow: { audience: 'extension', valid: isEmpty, handle: () => startSync() },
  getSyncStatus: { audience: 'extension', valid: isEmpty, handle: () => syncStatus() },
  disconnectSync: { audience: 'extension', valid: isEmpty, handle: () => disconnectSync() },
  rebuildSearchIndex: { audience: 'extension', valid: isEmpty, handle: () => rebuildSearchIndexAwake() },
  storageUsage: { audience: 'extension', valid: isEmpty, handle: () => storage.storageUsage() },
  restoreBackup: { audience: 'extension', valid: isRestoreBackup, handle: ({ articles, searchLater }) => storage.restoreArticles(articles, { searchLater: searchLater === true }) },
  restoreImages: { audience: 'extension', valid: isRestoreImages, handle: ({ images }) => restoreBackupImages(images) },
  startImport: { audience: 'extension', valid: isStartImport, handle: ({ source, items, asked }) => startImport(source, items, asked) },
  changeImport: { audience: 'extension', valid: isChangeImport, handle: ({ action, asked }) => changeImport(action, asked) },
};
