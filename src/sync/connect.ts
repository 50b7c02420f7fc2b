/**
 * Opening the server folder: read (or, on an empty folder, create) `lectern-sync.json`, and check the
 * passphrase against it before anything else is written. A wrong password fails on the first request
 * (401); a wrong or missing passphrase fails at the key check. Neither writes a byte.
 */
import type { SyncSettings } from '../shared/sync';
import { encryptedCodec, plainCodec, type Codec } from './codec';
import { newEncryption, openEncryption, PBKDF2_ITERATIONS, type EncryptionInfo } from './crypto';
import { SyncError } from './errors';
import { FORMAT, MANIFEST, parseManifest, type Manifest } from './files';
import type { WebDav } from './webdav';

const utf8 = new TextEncoder();
const SETTLE_MS = 500;

async function readManifest(dav: WebDav): Promise<Manifest | null> {
  const file = await dav.get(MANIFEST);
  if (!file) return null;
  let value: unknown;
  try {
    value = JSON.parse(new TextDecoder().decode(file.bytes));
  } catch {
    throw new SyncError('notWebdav', `${MANIFEST} is not Lectern's`);
  }
  const manifest = parseManifest(value);
  if (!manifest) throw new SyncError('server', `${MANIFEST} is damaged`);
  if (manifest.format > FORMAT) throw new SyncError('newerFormat', `format ${manifest.format}`);
  return manifest;
}

/**
 * A folder without Lectern's data: make sure it is a WebDAV folder (creating it if its parent exists),
 * then write the manifest unless another device just did (If-None-Match: *). Read back either way: on a
 * server that ignores the condition, the last writer's manifest is the one every device uses.
 */
async function createManifest(dav: WebDav, passphrase: string, iterations: number): Promise<Manifest> {
  if ((await dav.list('')) === null) await dav.mkcol('');
  const encryption = passphrase ? (await newEncryption(passphrase, iterations)).info : null;
  const manifest: Manifest = { format: FORMAT, app: 'Lectern', encryption };
  await dav.put(MANIFEST, utf8.encode(JSON.stringify(manifest, null, 2)), { ifNoneMatch: '*' }).catch((error: unknown) => {
    if (!(error instanceof SyncError && error.code === 'conflict')) throw error;
  });
  // On a server that ignores If-None-Match, two devices set up in the same moment both write: wait a
  // little and read back, so both go on with the one that stayed (docs/sync.md).
  await new Promise((resolve) => setTimeout(resolve, SETTLE_MS));
  const written = await settled(() => readManifest(dav));
  if (!written) throw new SyncError('server', `${MANIFEST} was written but cannot be read back`);
  return written;
}

/**
 * Servers like rclone write a file in place: a device reading it while another writes it gets a torn
 * copy (a cut connection, broken JSON). Such a read is tried again a few times before it counts.
 */
export async function settled<T>(read: () => Promise<T>, tries = 5): Promise<T> {
  for (let i = 1; ; i++) {
    try {
      return await read();
    } catch (error) {
      const torn = error instanceof SyncError && (error.code === 'unreachable' || error.code === 'server');
      if (!torn || i >= tries) throw error;
      await new Promise((resolve) => setTimeout(resolve, 100 * i));
    }
  }
}

/** How files are written on this server, after the passphrase was checked. */
export async function connect(dav: WebDav, settings: SyncSettings, iterations = PBKDF2_ITERATIONS): Promise<Codec> {
  const manifest = (await readManifest(dav)) ?? (await createManifest(dav, settings.passphrase, iterations));
  if (!manifest.encryption) {
    if (settings.passphrase) throw new SyncError('notEncrypted');
    return plainCodec;
  }
  if (!settings.passphrase) throw new SyncError('needsPassphrase');
  const key = await openCached(settings.passphrase, manifest.encryption);
  if (!key) throw new SyncError('passphrase');
  return encryptedCodec(key);
}

/**
 * The derivation takes about half a second on purpose (600,000 iterations): the key is kept in memory
 * for the worker's lifetime, for the same passphrase, salt and check only (a wrong passphrase is never kept).
 */
let cached: { id: string; key: CryptoKey } | null = null;
async function openCached(passphrase: string, info: EncryptionInfo): Promise<CryptoKey | null> {
  const id = JSON.stringify([passphrase, info]);
  if (cached?.id === id) return cached.key;
  const key = await openEncryption(passphrase, info);
  if (key) cached = { id, key };
  return key;
}
