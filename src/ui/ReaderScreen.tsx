import type { ComponentChildren } from 'preact';
import { useEffect } from 'preact/hooks';
import type { ExtractionResult } from '../shared/article';
import { ArticleView } from './ArticleView';
import { ExportButtons } from './ExportButtons';
import { Loading, NoArticle } from './NoArticle';

/** Loading → article or a message; moves focus to the article title when it appears (keyboard and screen readers start there). */
export function ReaderScreen({ result, toolbar, tabId }: { result: ExtractionResult | null; toolbar?: ComponentChildren; tabId?: number }) {
  useEffect(() => {
    if (result?.ok) document.getElementById('reader-title')?.focus({ preventScroll: true });
    if (result?.ok) document.title = result.article.title;
  }, [result]);
  if (!result) return <Loading />;
  if (!result.ok) return <NoArticle reason={result.reason} detail={result.detail} />;
  const tools = <div class="reader-tools">{toolbar}<ExportButtons article={result.article} /></div>;
  // Highlighting a page not in the library yet saves it first, through its tab.
  return <ArticleView article={result.article} toolbar={tools} highlights={{ article: result.article, savedId: null, highlights: [], tabId }} />;
}
