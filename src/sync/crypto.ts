/**
 * End-to-end encryption of everything Lectern writes to the server (docs/sync.md): AES-GCM (256-bit key,
 * a fresh random 96-bit IV per file) from WebCrypto, the key derived from the passphrase with
 * PBKDF2-SHA-256 (600,000 iterations: OWASP's 2023 figure) and a random salt stored on the server.
 * Each file is bound to its path as additional data, so the server cannot swap one file for another.
 * A key check (a known text encrypted with the key) tells a wrong passphrase before anything is written.
 */
import { fromBase64, toBase64 } from '../shared/base64';

export const PBKDF2_ITERATIONS = 600_000;
const KEY_CHECK_TEXT = 'Lectern sync key check';
const KEY_CHECK_PATH = 'lectern-sync.json#check';
const IV_BYTES = 12;

/** Stored in the server's `lectern-sync.json`: everything needed to derive the key again, nothing secret. */
export interface EncryptionInfo { kdf: 'PBKDF2-SHA-256'; iterations: number; salt: string; check: string }

const utf8 = new TextEncoder();

async function deriveKey(passphrase: string, salt: Uint8Array, iterations: number): Promise<CryptoKey> {
  const material = await crypto.subtle.importKey('raw', utf8.encode(passphrase.normalize('NFC')), 'PBKDF2', false, ['deriveKey']);
  return crypto.subtle.deriveKey({ name: 'PBKDF2', hash: 'SHA-256', salt: salt as BufferSource, iterations }, material,
    { name: 'AES-GCM', length: 256 }, false, ['encrypt', 'decrypt']);
}

/** IV, then ciphertext with its tag. */
export async function encrypt(key: CryptoKey, plain: Uint8Array, path: string): Promise<Uint8Array> {
  const iv = crypto.getRandomValues(new Uint8Array(IV_BYTES));
  const sealed = new Uint8Array(await crypto.subtle.encrypt({ name: 'AES-GCM', iv, additionalData: utf8.encode(path) }, key, plain as BufferSource));
  const out = new Uint8Array(IV_BYTES + sealed.length);
  out.set(iv);
  out.set(sealed, IV_BYTES);
  return out;
}

/** The plain bytes, or null when the key, the path or the bytes do not match (wrong passphrase, damaged or swapped file). */
export async function decrypt(key: CryptoKey, data: Uint8Array, path: string): Promise<Uint8Array | null> {
  if (data.length <= IV_BYTES) return null;
  try {
    return new Uint8Array(await crypto.subtle.decrypt({ name: 'AES-GCM', iv: data.subarray(0, IV_BYTES) as BufferSource, additionalData: utf8.encode(path) },
      key, data.subarray(IV_BYTES) as BufferSource));
  } catch {
    return null;
  }
}

/** A new salt and key for a server that has no data yet. */
export async function newEncryption(passphrase: string, iterations = PBKDF2_ITERATIONS): Promise<{ info: EncryptionInfo; key: CryptoKey }> {
  const salt = crypto.getRandomValues(new Uint8Array(16));
  const key = await deriveKey(passphrase, salt, iterations);
  const check = await encrypt(key, utf8.encode(KEY_CHECK_TEXT), KEY_CHECK_PATH);
  return { info: { kdf: 'PBKDF2-SHA-256', iterations, salt: toBase64(salt), check: toBase64(check) }, key };
}

/** The key for the server's data, or null when the passphrase is not the one it was encrypted with. */
export async function openEncryption(passphrase: string, info: EncryptionInfo): Promise<CryptoKey | null> {
  const key = await deriveKey(passphrase, fromBase64(info.salt), info.iterations);
  const check = await decrypt(key, fromBase64(info.check), KEY_CHECK_PATH);
  return check && new TextDecoder().decode(check) === KEY_CHECK_TEXT ? key : null;
}
