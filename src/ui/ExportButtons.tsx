import { useState } from 'preact/hooks';
import { buildEpub } from '../export/epub';
import { fileNameFor } from '../export/filename';
import { articleToHtml } from '../export/html';
import { articleToMarkdown } from '../export/markdown';
import type { Exportable } from '../export/types';
import { t } from '../shared/i18n';
import { downloadFile, MIME } from './download';

type Format = 'markdown' | 'html' | 'epub';

/** The file for one article in one format. Exporters need a DOM: this runs in the extension page. */
async function exportArticle(article: Exportable, format: Format): Promise<void> {
  if (format === 'markdown') downloadFile(fileNameFor(article.title, 'md'), articleToMarkdown(article), MIME.markdown);
  else if (format === 'html') downloadFile(fileNameFor(article.title, 'html'), articleToHtml(article), MIME.html);
  else downloadFile(fileNameFor(article.title, 'epub'), await buildEpub([article], { title: article.title }), MIME.epub);
}

const FORMATS: { format: Format; label: string }[] = [
  { format: 'markdown', label: 'exportMarkdown' },
  { format: 'html', label: 'exportHtml' },
  { format: 'epub', label: 'exportEpub' },
];

/** "Export as Markdown / HTML / EPUB" for the article on screen (live or saved). */
export function ExportButtons({ article }: { article: Exportable }) {
  const [error, setError] = useState<string | null>(null);
  const run = (format: Format) => exportArticle(article, format).then(() => setError(null), (e: unknown) => setError(t('exportFailed', String(e))));
  return (
    <span class="export-buttons">
      {FORMATS.map(({ format, label }) => (
        <button key={format} type="button" onClick={() => void run(format)}>{t(label)}</button>
      ))}
      {error && <span role="alert">{error}</span>}
    </span>
  );
}
