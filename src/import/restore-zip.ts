/**
 * Reading a streamed backup (format version 2, a zip) entry by entry from the file's stream, in bounded
 * memory: the reader holds one chunk of the file and the entries it completed, and waits for each record
 * to be handled before reading on. The manifest must come first; each article entry is checked like a
 * record of the JSON format, and a bad one is skipped and reported, never fatal. An article's offline
 * images follow it: which image it shows at which URL, then the bytes of each image not sent before.
 */
import { strFromU8, Unzip, UnzipInflate, type UnzipFile } from 'fflate';
import { BACKUP_FORMAT } from '../export/backup';
import { MANIFEST_ENTRY, ZIP_BACKUP_VERSION, type ZipManifest } from '../export/backup-zip';
import { MAX_IMAGE_BYTES } from '../offline-images/content-key';
import type { LibraryRecord } from '../export/types';
import { checkRecord } from './backup-record';
import { describe, FieldError, isObject } from './check';
import { ImportError } from './limits';
import { joinBytes } from '../shared/bytes';

/** Largest single entry inflated (a record's text and HTML are at most ~10 M characters each). */
const MAX_ENTRY_BYTES = 64 * 1024 * 1024;
const ARTICLE_ENTRY = /^articles\/[^/]+\.json$/;
const IMAGE_LINKS_ENTRY = /^article-images\/([^/]+)\.json$/;
const IMAGE_ENTRY = /^images\/(sha256-[0-9a-f]{64})$/;
const CONTENT_KEY = /^sha256-[0-9a-f]{64}$/;

export interface EntryProblem { entry: string; reason: string }

export interface ZipReadHandlers {
  onManifest?: (manifest: ZipManifest) => void;
  /** Called for each valid record, in file order; the next entry is read only after it settles. */
  onRecord: (record: LibraryRecord) => Promise<void> | void;
  /** An article's offline images (URL → content key), after its record; never for a skipped article. */
  onImageLinks?: (articleId: string, links: Record<string, string>) => Promise<void> | void;
  /** One image's bytes by content key (at most MAX_IMAGE_BYTES; the key is not checked against them here). */
  onImage?: (key: string, bytes: Uint8Array) => Promise<void> | void;
  /** A record kept with changes: its highlights were fitted to the library's limits (backup-record.ts). */
  onFitted?: (problem: EntryProblem) => void;
  /** Bytes of the file read so far (for progress). */
  onBytes?: (bytes: number) => void;
  signal?: AbortSignal;
}

/** Reads the backup zip in `stream`; resolves with the entries skipped and why. Throws ImportError for a file that is not one. */
export async function readBackupZip(stream: ReadableStream<Uint8Array>, handlers: ZipReadHandlers): Promise<EntryProblem[]> {
  const done: Array<{ name: string; bytes: Uint8Array } | EntryProblem> = [];
  const images = !!(handlers.onImage && handlers.onImageLinks);
  const unzip = new Unzip((file) => collect(file, done, images));
  unzip.register(UnzipInflate);
  const state = { manifest: false, ids: new Set<string>(), problems: [] as EntryProblem[] };
  const reader = stream.getReader();
  let read = 0;
  try {
    for (;;) {
      handlers.signal?.throwIfAborted();
      const { value, done: end } = await reader.read();
      pushChunk(unzip, value ?? new Uint8Array(0), end);
      read += value?.length ?? 0;
      while (done.length) await handleEntry(done.shift()!, state, handlers);
      handlers.onBytes?.(read);
      if (end) break;
    }
  } finally {
    reader.releaseLock();
  }
  if (!state.manifest) throw new ImportError('importBackupWrongFormat');
  return state.problems;
}

/**
 * Input per Unzip.push. fflate's Unzip calls itself once or twice per entry that starts within the bytes
 * it is given, and Firefox's File streams hand over chunks of megabytes: a 10,000-article backup (entries of
 * ~4 KB) failed there with "too much recursion". 64 KB holds a few dozen entries at most.
 */
const PUSH_SLICE = 64 * 1024;

function pushChunk(unzip: Unzip, chunk: Uint8Array, final: boolean): void {
  try {
    if (chunk.length === 0) unzip.push(chunk, final);
    for (let at = 0; at < chunk.length; at += PUSH_SLICE) unzip.push(chunk.subarray(at, at + PUSH_SLICE), final && at + PUSH_SLICE >= chunk.length);
  } catch (error) {
    throw new ImportError('importZipUnreadable', (error as Error).message);
  }
}

/** Gather the bytes of the entries this reader knows; others (a newer version's extras) are skipped unread. */
function collect(file: UnzipFile, done: Array<{ name: string; bytes: Uint8Array } | EntryProblem>, images: boolean): void {
  const isImage = IMAGE_ENTRY.test(file.name);
  const known = file.name === MANIFEST_ENTRY || ARTICLE_ENTRY.test(file.name) || (images && (isImage || IMAGE_LINKS_ENTRY.test(file.name)));
  if (!known) return;
  const limit = isImage ? MAX_IMAGE_BYTES : MAX_ENTRY_BYTES;
  const chunks: Uint8Array[] = [];
  let size = 0;
  file.ondata = (error, data, final) => {
    if (error) return void done.push({ entry: file.name, reason: error.message });
    size += data.length;
    if (size > limit) {
      file.terminate();
      return void done.push({ entry: file.name, reason: `larger than ${limit / 1048576} MB` });
    }
    chunks.push(data);
    if (final) done.push({ name: file.name, bytes: joinBytes(chunks) });
  };
  file.start();
}

type State = { manifest: boolean; ids: Set<string>; problems: EntryProblem[] };

async function handleEntry(entry: { name: string; bytes: Uint8Array } | EntryProblem, state: State, handlers: ZipReadHandlers): Promise<void> {
  if ('reason' in entry) return void state.problems.push(entry);
  if (entry.name === MANIFEST_ENTRY) {
    if (state.manifest) return void state.problems.push({ entry: entry.name, reason: 'appears twice' });
    state.manifest = true;
    let manifest: unknown;
    try {
      manifest = parse(entry.bytes);
    } catch (error) {
      throw new ImportError('importBackupNotJson', (error as Error).message);
    }
    const checked = checkManifest(manifest);
    handlers.onManifest?.(checked);
    return;
  }
  if (!state.manifest) throw new ImportError('importBackupWrongFormat');
  const image = IMAGE_ENTRY.exec(entry.name);
  if (image) return void (await handlers.onImage?.(image[1]!, entry.bytes));
  const links = IMAGE_LINKS_ENTRY.exec(entry.name);
  if (links) return handleImageLinks(entry, links[1]!, state, handlers);
  try {
    const record = checkRecord(parse(entry.bytes), (reason) => handlers.onFitted?.({ entry: entry.name, reason }));
    if (state.ids.has(record.id)) throw new FieldError('id', `${JSON.stringify(record.id)} appears twice`);
    state.ids.add(record.id);
    await handlers.onRecord(record);
  } catch (error) {
    if (!(error instanceof FieldError) && !(error instanceof SyntaxError)) throw error;
    state.problems.push({ entry: entry.name, reason: error.message });
  }
}

/** An article's image links: an object of URL → content key, for an article restored from this file. */
async function handleImageLinks(entry: { name: string; bytes: Uint8Array }, id: string, state: State, handlers: ZipReadHandlers): Promise<void> {
  if (!state.ids.has(id)) return; // its article entry was skipped (and reported), or is missing
  let links: unknown;
  try {
    links = parse(entry.bytes);
  } catch (error) {
    return void state.problems.push({ entry: entry.name, reason: (error as Error).message });
  }
  if (!isObject(links) || !Object.values(links).every((key) => typeof key === 'string' && CONTENT_KEY.test(key))) {
    return void state.problems.push({ entry: entry.name, reason: 'not a map of image URLs to content keys' });
  }
  await handlers.onImageLinks?.(id, links as Record<string, string>);
}

const parse = (bytes: Uint8Array): unknown => JSON.parse(strFromU8(bytes));

function checkManifest(value: unknown): ZipManifest {
  if (!isObject(value) || value.format !== BACKUP_FORMAT) throw new ImportError('importBackupWrongFormat');
  if (typeof value.version !== 'number' || !Number.isInteger(value.version) || value.version < 2) {
    throw new ImportError('importBackupNoVersion', describe(value.version));
  }
  if (value.version > ZIP_BACKUP_VERSION) throw new ImportError('importBackupNewer', value.version);
  if (typeof value.exportedAt !== 'string' || Number.isNaN(Date.parse(value.exportedAt))) throw new ImportError('importBackupNoDate');
  const articles = typeof value.articles === 'number' && Number.isSafeInteger(value.articles) && value.articles >= 0 ? value.articles : 0;
  return { format: BACKUP_FORMAT, version: ZIP_BACKUP_VERSION, exportedAt: value.exportedAt, articles };
}
