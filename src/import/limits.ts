import { importText, type ImportMessageKey } from './import-text';

/** Bounds on untrusted import files: past these an import stops with a clear error and saves nothing. */
export const LIMITS = {
  /** Largest file accepted, in bytes (characters for text already read). */
  maxFileBytes: 50 * 1024 * 1024,
  /** Most items one import may bring (a library of this size is already unusual). */
  maxItems: 100_000,
  /** Most bytes a zip may expand to, all entries together: zip bombs stop here. */
  maxUnzippedBytes: 200 * 1024 * 1024,
  /** Most entries in a zip. */
  maxZipEntries: 20_000,
  /** Longest URL kept. */
  maxUrlLength: 8192,
} as const;

/** Why an import was refused as a whole: `key`/`subs` for the UI, `message` in English says what to fix. */
export class ImportError extends Error {
  override name = 'ImportError';
  readonly subs: string[];

  constructor(readonly key: ImportMessageKey, ...subs: (string | number)[]) {
    super(importText(key, subs));
    this.subs = subs.map(String);
  }
}

export function checkSize(bytes: number): void {
  if (bytes > LIMITS.maxFileBytes) {
    throw new ImportError('importFileTooLarge', (bytes / 1048576).toFixed(1), LIMITS.maxFileBytes / 1048576);
  }
}
