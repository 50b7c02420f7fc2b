import type { ComponentChildren } from 'preact';
import { useLayoutEffect } from 'preact/hooks';
import type { ExtractionResult } from '../shared/article';
import { ArticleView } from './ArticleView';
import { ExportButtons } from './ExportButtons';
import { Loading, NoArticle } from './NoArticle';

/**
 * Loading → article or a message; moves focus to the article title when it appears (keyboard and screen
 * readers start there). In a layout effect: right after the article is in the page, not a frame later, so no
 * key pressed meanwhile goes to the page body (a plain effect left the body focused for one frame, which the
 * Firefox reader e2e once caught).
 */
export function ReaderScreen({ result, toolbar, tabId }: { result: ExtractionResult | null; toolbar?: ComponentChildren; tabId?: number }) {
  useLayoutEffect(() => {
    if (result?.ok) document.getElementById('reader-title')?.focus({ preventScroll: true });
    if (result?.ok) document.title = result.article.title;
  }, [result]);
  if (!result) return <Loading />;
  if (!result.ok) return <NoArticle reason={result.reason} detail={result.detail} />;
  const tools = <div class="reader-tools">{toolbar}<ExportButtons article={result.article} /></div>;
  // Highlighting a page not in the library yet saves it first, through its tab.
  return <ArticleView article={result.article} toolbar={tools} highlights={{ article: result.article, savedId: null, highlights: [], tabId }} />;
}
