/**
 * Zip entries from an untrusted file, inflated as a stream with a running count of the bytes they
 * really expand to: a zip that lies about its sizes (a stored entry declared small, a bomb) stops at
 * the limit, whatever its headers say.
 */
import { Unzip, UnzipInflate, type UnzipFile } from 'fflate';
import { checkSize, ImportError, LIMITS } from './limits';
import { joinBytes } from '../shared/bytes';

/** Input is fed in slices, so no single inflate step can produce more than a bounded burst. */
const SLICE = 64 * 1024;

/** Walk the entries, starting those `accept` wants; the callback gets each chunk as it is inflated. */
function walk(bytes: Uint8Array, accept: (name: string) => boolean, onChunk: (name: string, chunk: Uint8Array, final: boolean) => void): void {
  checkSize(bytes.length);
  let entries = 0;
  let failure: unknown = null;
  const unzip = new Unzip((file: UnzipFile) => {
    if (failure) return;
    if (++entries > LIMITS.maxZipEntries) {
      failure = new ImportError('importZipTooManyEntries', LIMITS.maxZipEntries);
      return;
    }
    if (!accept(file.name) || (file.compression !== 0 && file.compression !== 8)) return;
    file.ondata = (error, chunk, final) => {
      if (failure) return;
      if (error) failure = error;
      else {
        try {
          onChunk(file.name, chunk, final);
        } catch (stop) {
          failure = stop;
          file.terminate();
        }
      }
    };
    file.start();
  });
  unzip.register(UnzipInflate);
  try {
    for (let at = 0; at < bytes.length && !failure; at += SLICE) unzip.push(bytes.subarray(at, at + SLICE), at + SLICE >= bytes.length);
  } catch (error) {
    failure ??= error;
  }
  if (failure instanceof ImportError) throw failure;
  if (failure) throw new ImportError('importZipUnreadable', failure instanceof Error ? failure.message : 'unknown error');
}

/** Entries whose name `accept`s, by name. Throws ImportError for a broken or oversized zip. */
export function unzipBounded(bytes: Uint8Array, accept: (name: string) => boolean): Map<string, Uint8Array> {
  const parts = new Map<string, Uint8Array[]>();
  let total = 0;
  walk(bytes, accept, (name, chunk) => {
    total += chunk.length;
    if (total > LIMITS.maxUnzippedBytes) throw new ImportError('importZipTooLarge', LIMITS.maxUnzippedBytes / 1048576);
    const list = parts.get(name) ?? [];
    list.push(chunk);
    parts.set(name, list);
  });
  const files = new Map<string, Uint8Array>();
  for (const [name, chunks] of parts) files.set(name, joinBytes(chunks));
  return files;
}

/** The names of the entries (nothing inflated): what the zip holds, to tell exports apart. */
export function zipNames(bytes: Uint8Array): string[] {
  const names: string[] = [];
  walk(bytes, (name) => {
    names.push(name);
    return false;
  }, () => undefined);
  return names;
}

/** True when `bytes` starts like a zip file. */
export function looksLikeZip(bytes: Uint8Array): boolean {
  return bytes.length > 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
}

/** Names in the order their numbers say (`part_2` before `part_10`, `metadata_20_to_40` before `metadata_100_to_120`). */
export function byNumber(a: string, b: string): number {
  return a.localeCompare(b, 'en', { numeric: true });
}
