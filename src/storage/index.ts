/**
 * The storage module: the only code that touches browser.storage. Who may write what:
 * - the background (src/background/) writes the library: article records, the index pages and head, the
 *   full-text search index (IndexedDB, src/storage/search-*.ts), offline image copies, the import job and
 *   the schema version (migrate, repairIndex);
 * - the reader's settings panel (ui/settings/useReaderSettings.ts, in the reader tab and the popup) writes
 *   the reader settings (`saveSettings` in ./reader-settings.ts, the sync area);
 * - the reader's settings panel writes one `readerSetting:<name>` key per setting it changes, never the
 *   whole object, so two tabs changing different settings both keep their change;
 * - the options page writes the offline-images flag (options/OfflineImages.tsx, `setOfflineImages`) and
 *   the web-images policy for saved articles (options/WebImages.tsx, `setWebImagePolicy`, `webImages`).
 * Every other page only reads (and listens for changes); it asks the background to change the library
 * with a message (shared/messages.ts).
 */
export { deleteArticle, restoreArticle, saveArticle, updateArticle } from './library';
export { addHighlight, removeHighlight, updateHighlight } from './highlights';
export { checkIndexAtStart, migrate, SCHEMA_VERSION } from './migrations';
export { whenWritten } from './queue';
export { newestFirst, readIndex } from './read';
export { readArticle, readArticles } from './read-records';
export { restoreArticles } from './restore';
export { onJobRecordChanged, readJobRecord, updateJobRecord } from './job-store';
export { imageBytes, readArticleImages, readOfflineImages, releaseArticleImages, setOfflineImages, storeArticleImages, type FetchedImage } from './images';
export { readImageData, readImageLinks, restoreImages, type RestoredImage } from './images';
export { onWebImagePolicyChanged, readWebImagePolicy, setWebImagePolicy } from './web-images';
export { checkIndexAfterFailedWrites, repairIndex } from './repair';
export { storageUsage } from './usage';
export { StorageWriteError } from './write-error';
export { onLibraryChanged } from './watch';
export type { IndexEntry, SavedArticle } from './schema';
export { rebuildSearchIndex, resumeSearchRebuild, searchRebuildState } from './search-rebuild';
export { readSyncSettings, readSyncStatus, removeSyncSettings, settingsView, writeSyncSettings, writeSyncStatus } from './sync-settings';
export { allArticleIds, allSyncedIds, expireTombstones, forgetSyncState, onOutboxGrew, readOutbox, readSyncedArticles, readSyncState, settleOutbox, startSyncState, writeSyncState, type SyncedArticle, type SyncState } from './sync-state';
export { applySynced } from './sync-apply';
export { onSyncStatusChanged } from './sync-status-view';
