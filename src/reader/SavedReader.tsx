import { useEffect, useRef, useState } from 'preact/hooks';
import { t } from '../shared/i18n';
import { readArticle, type SavedArticle } from '../storage';
import { useSavedImages } from './useLocalImages';
import { toLibraryRecord } from '../export/record';
import { ArticleView } from '../ui/ArticleView';
import { ExportButtons } from '../ui/ExportButtons';
import { Loading, NoArticle } from '../ui/NoArticle';
import { useReadingPosition } from './useReadingPosition';

/**
 * `reader.html?id=<articleId>`: a saved article, read from storage (no network needed for the text)
 * and rendered through the same ArticleView and sanitizer as a live page.
 */
export function SavedReader({ articleId }: { articleId: string }) {
  const [article, setArticle] = useState<SavedArticle | null | undefined>(undefined);
  const end = useRef<HTMLDivElement>(null);
  useEffect(() => {
    void readArticle(articleId).then(setArticle, () => setArticle(null));
  }, [articleId]);
  useEffect(() => {
    if (article) document.title = article.title;
  }, [article]);
  const savedImages = useSavedImages(articleId);
  // Position and read state follow the article once it is on screen (it waits for the image policy).
  useReadingPosition(article && savedImages ? article : null, end);
  // Not before the image policy is known: the first render would already request the web images.
  if (article === undefined || (article && !savedImages)) return <Loading />;
  if (article === null) return <NoArticle reason="error" detail={t('readerMissing')} />;
  return (
    <>
      <ArticleView article={article} savedImages={savedImages} toolbar={<div class="reader-tools"><ExportButtons article={toLibraryRecord(article)} /></div>} />
      <div ref={end} class="reader-end" aria-hidden="true" />
    </>
  );
}
