/**
 * @jest-environment node
 */
import { decrypt, encrypt, newEncryption, openEncryption, PBKDF2_ITERATIONS } from '../../../src/sync/crypto';
import { encryptedCodec } from '../../../src/sync/codec';

const bytes = (s: string) => new TextEncoder().encode(s);

test('the default key derivation is PBKDF2-SHA-256 with 600,000 iterations and a random salt', async () => {
  expect(PBKDF2_ITERATIONS).toBe(600_000);
  const [one, two] = await Promise.all([newEncryption('pass', 1000), newEncryption('pass', 1000)]);
  expect(one.info).toMatchObject({ kdf: 'PBKDF2-SHA-256', iterations: 1000 });
  expect(one.info.salt).not.toBe(two.info.salt);
});

test('the key check opens with the right passphrase only', async () => {
  const { info } = await newEncryption('correct horse', 1000);
  expect(await openEncryption('correct horse', info)).not.toBeNull();
  expect(await openEncryption('correct hors', info)).toBeNull();
  expect(await openEncryption('', info)).toBeNull();
});

test('a file decrypts only with its key and under its own path; each encryption uses a fresh IV', async () => {
  const { key } = await newEncryption('p', 1000);
  const other = (await newEncryption('p', 1000)).key; // same passphrase, other salt
  const sealed = await encrypt(key, bytes('hello'), 'devices/a/00000001');
  expect(new TextDecoder().decode((await decrypt(key, sealed, 'devices/a/00000001'))!)).toBe('hello');
  expect(await decrypt(key, sealed, 'devices/a/00000002')).toBeNull(); // swapped file
  expect(await decrypt(other, sealed, 'devices/a/00000001')).toBeNull();
  const tampered = sealed.slice();
  tampered[20] = (tampered[20] ?? 0) ^ 1;
  expect(await decrypt(key, tampered, 'devices/a/00000001')).toBeNull();
  expect(await encrypt(key, bytes('hello'), 'p')).not.toEqual(await encrypt(key, bytes('hello'), 'p'));
});

test('the codec compresses, encrypts and reads back JSON; a damaged file is a server error, not a passphrase error', async () => {
  const codec = encryptedCodec((await newEncryption('p', 1000)).key);
  const value = { entries: [{ text: 'word '.repeat(1000) }] };
  const sealed = await codec.encode(value, 'x');
  expect(sealed.length).toBeLessThan(500); // 5,000 characters of repeated text, deflated
  expect(await codec.decode(sealed, 'x')).toEqual(value);
  await expect(codec.decode(sealed.slice(0, 40), 'x')).rejects.toMatchObject({ code: 'server' });
});
