import { SaveButton } from '../library/SaveButton';
import browser from 'webextension-polyfill';
import { t } from '../shared/i18n';
import { NoArticle } from '../ui/NoArticle';
import { ReaderRoot } from '../ui/ReaderRoot';
import { ReaderScreen } from '../ui/ReaderScreen';
import { useExtraction } from '../ui/useExtraction';
import { SavedReader } from './SavedReader';

/** `reader.html?tab=<tabId>`: the live extraction of that tab. (`?id=<articleId>` renders a saved article.) */
export function parseReaderQuery(search: string): { tabId: number } | { articleId: string } | null {
  const params = new URLSearchParams(search);
  const tab = params.get('tab');
  if (tab !== null && /^\d+$/.test(tab)) return { tabId: Number(tab) };
  const id = params.get('id');
  if (id) return { articleId: id };
  return null;
}

function LiveReader({ tabId }: { tabId: number }) {
  const toolbar = (
    <nav class="reader-toolbar" aria-label={t('readerToolbar')}>
      <SaveButton tabId={tabId} />
    </nav>
  );
  return <ReaderScreen result={useExtraction(tabId)} toolbar={toolbar} tabId={tabId} />;
}

/**
 * Esc in a reader tab: back to where it came from, or close the tab when it has no history (as opened by
 * the popup). Through the tabs API: Firefox lets a script close only windows that script opened.
 */
async function closeReaderTab() {
  if (history.length > 1) return history.back();
  const tab = await browser.tabs.getCurrent();
  if (tab?.id !== undefined) await browser.tabs.remove(tab.id);
  else window.close();
}

export function Reader({ search }: { search: string }) {
  const query = parseReaderQuery(search);
  let screen;
  if (query && 'tabId' in query) screen = <LiveReader tabId={query.tabId} />;
  else if (query) screen = <SavedReader articleId={query.articleId} />;
  else screen = <NoArticle reason="error" detail={t('readerBadAddress')} />;
  return (
    <ReaderRoot onClose={() => void closeReaderTab()}>
      <main class="reader-page">{screen}</main>
    </ReaderRoot>
  );
}
