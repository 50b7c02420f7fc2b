/** A write the browser refused. `quota` means storage is full; the user is told either way. */
export class StorageWriteError extends Error {
  constructor(public reason: 'quota' | 'other', detail: string) {
    super(detail);
    this.name = 'StorageWriteError';
  }
}

/** Chrome says "QUOTA_BYTES quota exceeded"; Firefox's IndexedDB says "QuotaExceededError". */
export function writeError(error: unknown): StorageWriteError {
  const detail = error instanceof Error ? error.message : String(error);
  return new StorageWriteError(/quota/i.test(detail) ? 'quota' : 'other', detail);
}
