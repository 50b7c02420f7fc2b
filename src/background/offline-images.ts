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

function base64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
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
    return { url, key: await contentKey(bytes), type, bytes: bytes.length, data: base64(bytes) };
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
