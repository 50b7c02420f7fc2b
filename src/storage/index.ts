/**
 * The storage module: the only code that touches browser.storage. Who may write what:
 * - the background (src/background/) writes the library: article records, the index pages and head, the
 *   search shards, offline image copies, the import job and the schema version (migrate, repairIndex);
 * - the reader's settings panel (ui/settings/useReaderSettings.ts, in the reader tab and the popup) writes
 *   the reader settings (`saveSettings` in ./settings.ts, the sync area);
 * - the options page (options/OfflineImages.tsx) writes the offline-images flag (`setOfflineImages`).
 * Every other page only reads (and listens for changes); it asks the background to change the library
 * with a message (shared/messages.ts).
 */
export { deleteArticle, restoreArticle, saveArticle, updateArticle, type SaveOutcome } from './library';
export { checkIndexAtStart, migrate, SCHEMA_VERSION } from './migrations';
export { whenWritten } from './queue';
export { newestFirst, parseIndex, readArticle, readArticles, readIndex, readIndexHead } from './read';
export { restoreArticles, type RestoreOutcome } from './restore';
export { onImportJobChanged, readImportJob, updateImportJob } from './import-job';
export { imageBytes, readArticleImages, readOfflineImages, releaseArticleImages, setOfflineImages, storeArticleImages, type FetchedImage, type ImageData } from './images';
export { onWebImagePolicyChanged, readWebImagePolicy, setWebImagePolicy } from './web-images';
export { checkIndexAfterFailedWrites, repairIndex, type RepairReport } from './repair';
export { storageUsage } from './usage';
export { StorageWriteError } from './errors';
export { onLibraryChanged } from './watch';
export type { ArticleChanges, IndexEntry, SavedArticle } from './schema';
export { isSavedArticle, isArticleId } from './validate';
export { urlKey } from './canonical';
export { rebuildSearchIndex } from './search-shards';
