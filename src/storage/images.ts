import { addImage, emptyImageIndex, releaseArticle, totalImageBytes, type ImageIndex } from '../offline-images/image-index';
import { getItems, removeItems, setItems } from './area';
import { serialized } from './queue';

/**
 * Offline copies of saved articles' images: `image:<content key>` holds the bytes (base64, as storage
 * keeps JSON), once per content; `imageIndex` says which article shows which image at which URL.
 */
const INDEX = 'imageIndex';
const SETTING = 'offlineImages';
const imageKey = (key: string) => `image:${key}`;

export interface ImageData { type: string; data: string }
export interface FetchedImage { url: string; key: string; type: string; bytes: number; data: string }

const isIndex = (v: unknown): v is ImageIndex =>
  typeof v === 'object' && v !== null && typeof (v as ImageIndex).images === 'object' && typeof (v as ImageIndex).articles === 'object';

async function readImageIndex(): Promise<ImageIndex> {
  const value = (await getItems(INDEX))[INDEX];
  return isIndex(value) ? value : emptyImageIndex();
}

/** Store an article's images; bytes already stored under the same content key are not written again. */
export function storeArticleImages(articleId: string, images: FetchedImage[]): Promise<void> {
  return serialized(async () => {
    let index = await readImageIndex();
    const items: Record<string, unknown> = {};
    for (const image of images) {
      if (!index.images[image.key]) items[imageKey(image.key)] = { type: image.type, data: image.data } satisfies ImageData;
      index = addImage(index, articleId, image.url, image.key, image.bytes, image.type);
    }
    await setItems({ ...items, [INDEX]: index });
  });
}

/** Forget a deleted article's images; bytes no other article shows are deleted. */
export function releaseArticleImages(articleId: string): Promise<void> {
  return serialized(async () => {
    const current = await readImageIndex();
    if (!current.articles[articleId]) return;
    const { index, orphans } = releaseArticle(current, articleId);
    await setItems({ [INDEX]: index });
    if (orphans.length) await removeItems(orphans.map(imageKey));
  });
}

/** An article's stored images by the URL written in it (for the reader, offline). */
export async function readArticleImages(articleId: string): Promise<Record<string, ImageData>> {
  const urls = (await readImageIndex()).articles[articleId] ?? {};
  const keys = [...new Set(Object.values(urls))];
  if (!keys.length) return {};
  const stored = await getItems(keys.map(imageKey));
  const out: Record<string, ImageData> = {};
  for (const [url, key] of Object.entries(urls)) {
    const image = stored[imageKey(key)] as ImageData | undefined;
    if (image && typeof image.data === 'string' && typeof image.type === 'string') out[url] = image;
  }
  return out;
}

/** Which stored image each of these articles shows at which URL (content keys), for a backup. */
export async function readImageLinks(articleIds: string[]): Promise<Record<string, Record<string, string>>> {
  const { articles, images } = await readImageIndex();
  const out: Record<string, Record<string, string>> = {};
  for (const id of articleIds) {
    const links = Object.entries(articles[id] ?? {}).filter(([, key]) => images[key]);
    if (links.length) out[id] = Object.fromEntries(links);
  }
  return out;
}

/** One stored image's bytes (base64) by content key, or null. */
export async function readImageData(key: string): Promise<ImageData | null> {
  const image = (await getItems(imageKey(key)))[imageKey(key)] as ImageData | undefined;
  return image && typeof image.data === 'string' && typeof image.type === 'string' ? image : null;
}

/** An image a backup brings back: its bytes (checked by the caller), or none when an earlier one had them. */
export interface RestoredImage { articleId: string; url: string; key: string; type?: string; bytes?: number; data?: string }

/**
 * Put a backup's images back and link them to their (already restored) articles, in one write. An image
 * without bytes is linked only when its content is stored already (an earlier batch brought it).
 */
export function restoreImages(images: RestoredImage[]): Promise<{ linked: number; missing: number }> {
  return serialized(async () => {
    let index = await readImageIndex();
    const items: Record<string, unknown> = {};
    let missing = 0;
    for (const { articleId, url, key, type, bytes, data } of images) {
      const known = index.images[key];
      if (known) index = addImage(index, articleId, url, key, known.bytes, known.type);
      else if (data !== undefined && type !== undefined && bytes !== undefined) {
        items[imageKey(key)] = { type, data } satisfies ImageData;
        index = addImage(index, articleId, url, key, bytes, type);
      } else missing++;
    }
    await setItems({ ...items, [INDEX]: index });
    return { linked: images.length - missing, missing };
  });
}

export const imageBytes = async () => totalImageBytes(await readImageIndex());

/** The setting (off unless the user turned it on). */
export const readOfflineImages = async () => (await getItems(SETTING))[SETTING] === true;
export const setOfflineImages = (on: boolean) => setItems({ [SETTING]: on });
