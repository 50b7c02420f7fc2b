/** A write the browser refused. `quota` means storage is full; the user is told either way. */
export class StorageWriteError extends Error {
  constructor(public reason: 'quota' | 'other', detail: string) {
    super(detail);
    this.name = 'StorageWriteError';
  }
}

/**
 * Storage is full: Chrome says "QUOTA_BYTES quota exceeded" (its own limit) or, when the disk itself is
 * full, "IO error: …/000004.log: FILE_ERROR_NO_SPACE" (LevelDB); Firefox's IndexedDB "QuotaExceededError".
 */
export const isFullDisk = (message: string) => /quota|no[ _]space|disk is full/i.test(message);

export function writeError(error: unknown): StorageWriteError {
  const detail = error instanceof Error ? error.message : String(error);
  return new StorageWriteError(isFullDisk(detail) ? 'quota' : 'other', detail);
}
