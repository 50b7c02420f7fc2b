/** Images are stored once per content, whatever URL they came from: the key is a SHA-256 of the bytes. */

/** `sha256-<hex>` of `bytes` (crypto.subtle: available in extension pages and service workers). */
export async function contentKey(bytes: Uint8Array): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', bytes as BufferSource);
  return `sha256-${Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('')}`;
}

/** Largest single image kept offline; bigger ones stay remote. */
export const MAX_IMAGE_BYTES = 10 * 1024 * 1024;

// Magic numbers of the raster formats a reader page can show. SVG is not kept: it is a document
// that can carry script and external references, and the sanitizer refuses it for the same reason.
const SIGNATURES: [string, (b: Uint8Array) => boolean][] = [
  ['image/png', (b) => starts(b, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])],
  ['image/jpeg', (b) => starts(b, [0xff, 0xd8, 0xff])],
  ['image/gif', (b) => starts(b, [0x47, 0x49, 0x46, 0x38])],
  ['image/webp', (b) => starts(b, [0x52, 0x49, 0x46, 0x46]) && starts(b.subarray(8), [0x57, 0x45, 0x42, 0x50])],
  ['image/avif', (b) => starts(b.subarray(4), [0x66, 0x74, 0x79, 0x70, 0x61, 0x76, 0x69, 0x66])],
];

/** The image type read from the bytes themselves (a server's Content-Type can lie), or null. */
export function sniffImageType(bytes: Uint8Array): string | null {
  return SIGNATURES.find(([, test]) => test(bytes))?.[0] ?? null;
}

function starts(bytes: Uint8Array, prefix: number[]): boolean {
  return bytes.length >= prefix.length && prefix.every((b, i) => bytes[i] === b);
}
