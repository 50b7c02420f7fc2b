/**
 * Zip entries from an untrusted file, with the total size bounded before anything is inflated.
 * fflate sizes each output buffer from the size the zip declares and never grows it, so the sum of
 * declared sizes is a real bound: a zip bomb (or a zip that lies about its sizes) cannot exceed it.
 */
import { unzipSync, type UnzipFileInfo } from 'fflate';
import { checkSize, ImportError, LIMITS } from './limits';

/** Entries whose name `accept`s, by name. Throws ImportError for a broken or oversized zip. */
export function unzipBounded(bytes: Uint8Array, accept: (name: string) => boolean): Map<string, Uint8Array> {
  checkSize(bytes.length);
  let entries = 0;
  let total = 0;
  const filter = (file: UnzipFileInfo): boolean => {
    if (++entries > LIMITS.maxZipEntries) throw new ImportError('importZipTooManyEntries', LIMITS.maxZipEntries);
    if (!accept(file.name) || (file.compression !== 0 && file.compression !== 8)) return false;
    total += file.originalSize;
    if (total > LIMITS.maxUnzippedBytes) {
      throw new ImportError('importZipTooLarge', LIMITS.maxUnzippedBytes / 1048576);
    }
    return true;
  };
  let files: Record<string, Uint8Array>;
  try {
    files = unzipSync(bytes, { filter });
  } catch (error) {
    if (error instanceof ImportError) throw error;
    throw new ImportError('importZipUnreadable', (error as Error).message);
  }
  return new Map(Object.entries(files));
}

/** True when `bytes` starts like a zip file. */
export function looksLikeZip(bytes: Uint8Array): boolean {
  return bytes.length > 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
}
