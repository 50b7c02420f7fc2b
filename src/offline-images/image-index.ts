/**
 * Which stored images exist, how big they are, and which saved articles use them: plain data for
 * storage to persist. An image shared by several articles is stored and counted once; it is deleted
 * when the last article using it goes.
 */

export interface StoredImage {
  bytes: number;
  type: string;
  /** Ids of the articles that show this image. */
  articles: string[];
}

export interface ImageIndex {
  /** By content key (`sha256-…`). */
  images: Record<string, StoredImage>;
  /** Per article: image URL as written in the article → content key. */
  articles: Record<string, Record<string, string>>;
}

export const emptyImageIndex = (): ImageIndex => ({ images: {}, articles: {} });

/** Records that `articleId` shows the image at `url`, whose bytes have `key`. Returns a new index. */
export function addImage(index: ImageIndex, articleId: string, url: string, key: string, bytes: number, type: string): ImageIndex {
  const existing = index.images[key];
  const articles = existing?.articles.includes(articleId) ? existing.articles : [...(existing?.articles ?? []), articleId];
  return {
    images: { ...index.images, [key]: { bytes: existing?.bytes ?? bytes, type: existing?.type ?? type, articles } },
    articles: { ...index.articles, [articleId]: { ...index.articles[articleId], [url]: key } },
  };
}

/** Forgets `articleId`'s images; `orphans` are the keys no article uses any more (delete their bytes). */
export function releaseArticle(index: ImageIndex, articleId: string): { index: ImageIndex; orphans: string[] } {
  const images: Record<string, StoredImage> = {};
  const orphans: string[] = [];
  for (const [key, image] of Object.entries(index.images)) {
    const articles = image.articles.filter((id) => id !== articleId);
    if (articles.length) images[key] = { ...image, articles };
    else orphans.push(key);
  }
  const { [articleId]: _released, ...articles } = index.articles;
  return { index: { images, articles }, orphans };
}

/** Bytes used by all stored images, each counted once. */
export function totalImageBytes(index: ImageIndex): number {
  return Object.values(index.images).reduce((sum, image) => sum + image.bytes, 0);
}

/** Bytes used by one article's images, and how many of them only it uses (freed if it is deleted). */
export function articleImageBytes(index: ImageIndex, articleId: string): { bytes: number; freedOnDelete: number } {
  const keys = new Set(Object.values(index.articles[articleId] ?? {}));
  let bytes = 0;
  let freedOnDelete = 0;
  for (const key of keys) {
    const image = index.images[key];
    if (!image) continue;
    bytes += image.bytes;
    if (image.articles.length === 1) freedOnDelete += image.bytes;
  }
  return { bytes, freedOnDelete };
}

/** The content key of `url` in `articleId`, when it is stored. */
export function imageKeyFor(index: ImageIndex, articleId: string, url: string): string | undefined {
  const key = index.articles[articleId]?.[url];
  return key && index.images[key] ? key : undefined;
}
