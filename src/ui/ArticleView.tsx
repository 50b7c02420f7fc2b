import type { ComponentChildren } from 'preact';
import type { Article } from '../shared/article';
import { formatDate, formatReadingTime, hostOf } from '../shared/format';
import { ArticleBody, type SavedImages } from './ArticleBody';
import { useContext } from 'preact/hooks';
import { ProgressBar } from './ProgressBar';
import { ReaderControls } from './ReaderControls';
import { ReaderContext } from './settings/context';
import { ListenControl } from './tts/ListenControl';
import { t, uiDir, uiLanguage } from '../shared/i18n';

const isWebUrl = (url: string) => /^https?:\/\//i.test(url);

/** The reader view of one article. Title, byline and site are page-controlled text: rendered as text only. */
export function ArticleView({ article, toolbar, savedImages }: { article: Article; toolbar?: ComponentChildren; savedImages?: SavedImages }) {
  const site = article.siteName || hostOf(article.url);
  const date = formatDate(article.publishedTime);
  const inReader = useContext(ReaderContext) !== null;
  // Date and reading time are in the UI's language: inside an Arabic article "2 min read" stays LTR. Each
  // sits in a wrapper that keeps the article's direction, so the separators fall between the items.
  const ui = { lang: uiLanguage(), dir: uiDir() };
  return (
    <article class="reader" lang={article.lang ?? undefined} dir={article.dir ?? undefined} aria-labelledby="reader-title">
      {/* Inside the article (a landmark's content) though drawn fixed at the top of the window. */}
      {inReader && <ProgressBar />}
      <header class="reader-header">
        {/* The controls speak the UI's language and direction, not the article's. */}
        <div class="reader-bar" {...ui}>
          {toolbar}
          <ReaderControls>
            <ListenControl lang={article.lang} />
          </ReaderControls>
        </div>
        <p class="reader-site">
          {isWebUrl(article.url) ? <a href={article.url} target="_blank" rel="noopener noreferrer">{site}</a> : site}
        </p>
        <h1 id="reader-title" class="reader-title" tabIndex={-1}>{article.title}</h1>
        <p class="reader-meta">
          {article.byline && <span class="reader-byline">{article.byline}</span>}
          {date && <span><time class="reader-date" dateTime={article.publishedTime ?? undefined} {...ui}>{date}</time></span>}
          <span><span class="reader-time" {...ui}>{formatReadingTime(article.readingMinutes)}</span></span>
        </p>
      </header>
      <ArticleBody html={article.content} baseUrl={article.url} savedImages={savedImages} />
      {/* Printed pages have no links to follow: the source address is printed as text. */}
      <p class="reader-print-source">{t('printSource', article.url)}</p>
    </article>
  );
}
