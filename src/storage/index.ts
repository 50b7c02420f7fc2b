/** The storage module: the only code that touches browser.storage. Pages read; the background writes. */
export { deleteArticle, restoreArticle, saveArticle, updateArticle, type SaveOutcome } from './library';
export { checkIndexAtStart, migrate, SCHEMA_VERSION } from './migrations';
export { whenWritten } from './queue';
export { newestFirst, parseIndex, readArticle, readArticles, readIndex, readIndexHead } from './read';
export { restoreArticles, type RestoreOutcome } from './restore';
export { onImportJobChanged, readImportJob, updateImportJob } from './import-job';
export { imageBytes, readArticleImages, readOfflineImages, releaseArticleImages, setOfflineImages, storeArticleImages, type FetchedImage, type ImageData } from './images';
export { checkIndexAfterFailedWrites, repairIndex, type RepairReport } from './repair';
export { storageUsage } from './usage';
export { StorageWriteError } from './errors';
export { onLibraryChanged } from './watch';
export type { ArticleChanges, IndexEntry, SavedArticle } from './schema';
export { isSavedArticle, isArticleId } from './validate';
export { urlKey } from './canonical';
export { rebuildSearchIndex } from './search-shards';
