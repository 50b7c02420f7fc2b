/**
 * Opening the server folder: read (or, on an empty folder, create) `lectern-sync.json`, and check the
 * passphrase against it before anything else is written. A wrong password fails on the first request
 * (401); a wrong or missing passphrase fails at the key check. Neither writes a byte.
 */
import type { SyncSettings } from '../shared/sync';
import { encryptedCodec, plainCodec, type Codec } from './codec';
import { newEncryption, openEncryption, PBKDF2_ITERATIONS } from './crypto';
import { SyncError } from './errors';
import { FORMAT, MANIFEST, parseManifest, type Manifest } from './files';
import type { WebDav } from './webdav';

const utf8 = new TextEncoder();

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
  const written = await readManifest(dav);
  if (!written) throw new SyncError('server', `${MANIFEST} was written but cannot be read back`);
  return written;
}

/** How files are written on this server, after the passphrase was checked. */
export async function connect(dav: WebDav, settings: SyncSettings, iterations = PBKDF2_ITERATIONS): Promise<Codec> {
  const manifest = (await readManifest(dav)) ?? (await createManifest(dav, settings.passphrase, iterations));
  if (!manifest.encryption) {
    if (settings.passphrase) throw new SyncError('notEncrypted');
    return plainCodec;
  }
  if (!settings.passphrase) throw new SyncError('needsPassphrase');
  const key = await openEncryption(settings.passphrase, manifest.encryption);
  if (!key) throw new SyncError('passphrase');
  return encryptedCodec(key);
}
