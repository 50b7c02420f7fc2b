/**
 * How a file's content is written: plain JSON without a passphrase; with one, the JSON deflated (fflate)
 * and then encrypted (crypto.ts), bound to the file's path. Compression before encryption: ciphertext
 * does not compress, and article text shrinks 3–5×.
 */
import { deflateSync, inflateSync, strFromU8, strToU8 } from 'fflate';
import { decrypt, encrypt } from './crypto';
import { SyncError } from './errors';

export interface Codec {
  encode(value: unknown, path: string): Promise<Uint8Array>;
  /** The parsed JSON; throws SyncError when the file cannot be read (damaged, or not ours). */
  decode(bytes: Uint8Array, path: string): Promise<unknown>;
}

function parse(text: string, path: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new SyncError('server', `${path} is not readable JSON`);
  }
}

export const plainCodec: Codec = {
  encode: (value) => Promise.resolve(strToU8(JSON.stringify(value))),
  decode: (bytes, path) => Promise.resolve(parse(strFromU8(bytes), path)),
};

export function encryptedCodec(key: CryptoKey): Codec {
  return {
    encode: (value, path) => encrypt(key, deflateSync(strToU8(JSON.stringify(value)), { level: 6 }), path),
    async decode(bytes, path) {
      const plain = await decrypt(key, bytes, path);
      // The key was checked when connecting (connect.ts): a file that does not open is damaged, not locked.
      if (!plain) throw new SyncError('server', `${path} is damaged (it does not decrypt)`);
      try {
        return parse(strFromU8(inflateSync(plain)), path);
      } catch (error) {
        if (error instanceof SyncError) throw error;
        throw new SyncError('server', `${path} is damaged`);
      }
    },
  };
}
