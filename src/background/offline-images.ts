import { fromBase64, toBase64 } from '../shared/base64';
import { contentKey, MAX_IMAGE_BYTES, sniffImageType } from '../offline-images/content-key';
import * as storage from '../storage';

const MAX_IMAGES = 50;
const TIMEOUT_MS = 20_000;

const ENTITIES: Record<string, string> = { '&amp;': '&', '&quot;': '"', '&lt;': '<', '&gt;': '>', '&#39;': "'" };

/**
 * The http(s) image URLs of an extracted article. A regular expression, not a DOM: Chrome's worker has
 * none, and this HTML is our extractor's own serialization, which always writes `src="…"` with double
 * quotes and entity-escaped values. The reader maps the same attribute values after sanitizing.
 */
export function imageUrlsIn(html: string): string[] {
  const urls = new Set<string>();
  for (const [, raw = ''] of html.matchAll(/<img\b[^>]*?\ssrc="([^"]*)"/gi)) {
    const url = raw.replace(/&(amp|quot|lt|gt|#39);/g, (e) => ENTITIES[e] ?? e);
    if (/^https?:\/\//i.test(url)) urls.add(url);
  }
  return [...urls].slice(0, MAX_IMAGES);
}

/** One image, checked by its bytes (type sniffed, size bounded); null when it cannot be kept. */
async function fetchImage(url: string): Promise<storage.FetchedImage | null> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), TIMEOUT_MS);
  try {
    const response = await fetch(url, { signal: controller.signal, credentials: 'omit' });
    if (!response.ok || Number(response.headers.get('content-length') ?? 0) > MAX_IMAGE_BYTES) return null;
    const bytes = new Uint8Array(await response.arrayBuffer());
    const type = sniffImageType(bytes);
    if (!type || bytes.length > MAX_IMAGE_BYTES) return null;
    return { url, key: await contentKey(bytes), type, bytes: bytes.length, data: toBase64(bytes) };
  } catch {
    return null; // offline, refused or too slow: the image stays remote
  } finally {
    clearTimeout(timer);
  }
}

/** When the setting is on, keep the images of a saved article (two at a time). Failures leave them remote. */
export async function keepImages(articleId: string): Promise<number> {
  if (!(await storage.readOfflineImages())) return 0;
  const article = await storage.readArticle(articleId);
  if (!article) return 0;
  const urls = imageUrlsIn(article.content);
  const images: storage.FetchedImage[] = [];
  for (let i = 0; i < urls.length; i += 2) {
    for (const image of await Promise.all(urls.slice(i, i + 2).map(fetchImage))) if (image) images.push(image);
  }
  if (images.length) await storage.storeArticleImages(articleId, images);
  return images.length;
}

export const keepImagesLater = (articleId: string) =>
  void keepImages(articleId).catch((error: unknown) => console.error('Lectern: could not keep images offline', error));

/**
 * A backup's images, checked again before they are stored (the file is not trusted): bytes that decode,
 * fit MAX_IMAGE_BYTES, are an image type we keep (sniffed, whatever the file said) and hash to their key.
 * Images without bytes are passed on to be linked to a copy already stored.
 */
export async function restoreBackupImages(images: storage.RestoredImage[]): Promise<{ linked: number; missing: number; rejected: number }> {
  const checked: storage.RestoredImage[] = [];
  for (const image of images) {
    if (image.data === undefined) checked.push({ articleId: image.articleId, url: image.url, key: image.key });
    else {
      const ok = await checkImage(image.key, image.data);
      if (ok) checked.push({ articleId: image.articleId, url: image.url, key: image.key, data: image.data, ...ok });
    }
  }
  return { ...(await storage.restoreImages(checked)), rejected: images.length - checked.length };
}

async function checkImage(key: string, data: string): Promise<{ type: string; bytes: number } | null> {
  let bytes: Uint8Array;
  try {
    bytes = fromBase64(data);
  } catch {
    return null;
  }
  const type = sniffImageType(bytes);
  if (!type || bytes.length > MAX_IMAGE_BYTES || (await contentKey(bytes)) !== key) return null;
  return { type, bytes: bytes.length };
}
