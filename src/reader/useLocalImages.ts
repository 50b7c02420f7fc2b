import { useEffect, useState } from 'preact/hooks';
import { readArticleImages } from '../storage';
import type { LocalImages } from '../ui/ArticleBody';

function blobUrl({ type, data }: { type: string; data: string }): string {
  const bytes = Uint8Array.from(atob(data), (c) => c.charCodeAt(0));
  return URL.createObjectURL(new Blob([bytes], { type }));
}

/** blob: URLs for the article's stored images (none when offline images are off), revoked when the page leaves them. */
export function useLocalImages(articleId: string): LocalImages | undefined {
  const [images, setImages] = useState<LocalImages | undefined>(undefined);
  useEffect(() => {
    let urls: string[] = [];
    let live = true;
    void readArticleImages(articleId).then((stored) => {
      if (!live) return;
      const local = Object.fromEntries(Object.entries(stored).map(([url, image]) => [url, blobUrl(image)]));
      urls = Object.values(local);
      setImages(local);
    }, () => setImages({}));
    return () => {
      live = false;
      for (const url of urls) URL.revokeObjectURL(url);
    };
  }, [articleId]);
  return images;
}
