/** @jest-environment node */
import { contentKey, sniffImageType } from '../../../src/offline-images/content-key';

const PNG = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);

describe('contentKey', () => {
  it('is the SHA-256 of the bytes', async () => {
    expect(await contentKey(new TextEncoder().encode('abc'))).toBe('sha256-ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });

  it('is the same for the same bytes from anywhere, and differs for different bytes', async () => {
    const copy = Uint8Array.from(PNG);
    expect(await contentKey(copy)).toBe(await contentKey(PNG));
    copy[11] = 14;
    expect(await contentKey(copy)).not.toBe(await contentKey(PNG));
  });

  it('hashes only the view, not the whole buffer behind it', async () => {
    const big = new Uint8Array(100);
    big.set(PNG, 10);
    expect(await contentKey(big.subarray(10, 10 + PNG.length))).toBe(await contentKey(PNG));
  });
});

describe('sniffImageType', () => {
  it.each([
    ['image/png', PNG],
    ['image/jpeg', Uint8Array.from([0xff, 0xd8, 0xff, 0xe0])],
    ['image/gif', new TextEncoder().encode('GIF89a')],
    ['image/webp', new TextEncoder().encode('RIFF\0\0\0\0WEBPVP8 ')],
    ['image/avif', new TextEncoder().encode('\0\0\0\x1cftypavif')],
  ])('recognises %s', (type, bytes) => expect(sniffImageType(bytes)).toBe(type));

  it.each([
    ['SVG', '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'],
    ['HTML served as an image', '<!doctype html><script>alert(1)</script>'],
    ['nothing', ''],
  ])('refuses %s', (_, text) => expect(sniffImageType(new TextEncoder().encode(text))).toBeNull());
});
