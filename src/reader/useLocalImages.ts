import { useEffect, useMemo, useState } from 'preact/hooks';
import type { WebImagePolicy } from '../shared/web-images';
import { onWebImagePolicyChanged, readArticleImages, readWebImagePolicy } from '../storage';
import type { LocalImages, SavedImages } from '../ui/ArticleBody';

function blobUrl({ type, data }: { type: string; data: string }): string {
  const bytes = Uint8Array.from(atob(data), (c) => c.charCodeAt(0));
  return URL.createObjectURL(new Blob([bytes], { type }));
}

/** blob: URLs for the article's stored images (none when offline images are off), revoked when the page leaves them. */
function useLocalImages(articleId: string): LocalImages | undefined {
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

/** The user's web-image policy, following changes made on the options page meanwhile. */
function useWebImagePolicy(): WebImagePolicy | undefined {
  const [policy, setPolicy] = useState<WebImagePolicy | undefined>(undefined);
  useEffect(() => {
    let live = true;
    void readWebImagePolicy().then((p) => live && setPolicy(p), () => live && setPolicy('never')); // unreadable: load nothing
    const off = onWebImagePolicyChanged(setPolicy);
    return () => {
      live = false;
      off();
    };
  }, []);
  return policy;
}

/**
 * A saved article's offline copies and web-image policy; undefined until both are known, and the article
 * must not be shown before then: its images would already have been requested from the web.
 */
export function useSavedImages(articleId: string): SavedImages | undefined {
  const local = useLocalImages(articleId);
  const policy = useWebImagePolicy();
  return useMemo(() => (local && policy ? { local, policy } : undefined), [local, policy]);
}
