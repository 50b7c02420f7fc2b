import { useEffect, useState } from 'preact/hooks';
import browser from 'webextension-polyfill';
import { LibraryView } from '../library/LibraryView';
import { SaveButton } from '../library/SaveButton';
import { t } from '../shared/i18n';
import { Loading } from '../ui/NoArticle';
import { ReaderRoot } from '../ui/ReaderRoot';
import { ReaderScreen } from '../ui/ReaderScreen';
import { useExtraction } from '../ui/useExtraction';
import { PopupTabs, type PopupViewName } from './PopupTabs';

/** The tab the popup was opened for: the active tab of the window the toolbar button belongs to. */
function useActiveTabId(): number | null | undefined {
  const [tabId, setTabId] = useState<number | null | undefined>(undefined);
  useEffect(() => {
    void browser.tabs.query({ active: true, currentWindow: true }).then(([tab]) => setTabId(tab?.id ?? null));
  }, []);
  return tabId;
}

async function openInTab(tabId: number) {
  await browser.tabs.create({ url: browser.runtime.getURL(`reader.html?tab=${tabId}`) });
  window.close();
}

function PopupToolbar({ tabId }: { tabId: number }) {
  return (
    <nav class="reader-toolbar" aria-label={t('readerToolbar')}>
      <button type="button" onClick={() => void openInTab(tabId)}>
        {t('openInTab')}
      </button>
      <SaveButton tabId={tabId} />
    </nav>
  );
}

function PopupReader({ tabId }: { tabId: number | null }) {
  const result = useExtraction(tabId);
  return <ReaderScreen result={result} toolbar={tabId !== null && <PopupToolbar tabId={tabId} />} />;
}

/** `popup.html#library` opens on the library (tests and the options page link there). */
const initialView = (): PopupViewName => (location.hash === '#library' ? 'library' : 'page');

export function Popup() {
  const tabId = useActiveTabId();
  const [view, setView] = useState<PopupViewName>(initialView);
  return (
    <ReaderRoot onClose={() => window.close()}>
      <main class="popup">
        <PopupTabs view={view} setView={setView} />
        <div id={`panel-${view}`} role="tabpanel" aria-labelledby={`tab-${view}`}>
          {view === 'library' ? <LibraryView onOpened={() => window.close()} /> : tabId === undefined ? <Loading /> : <PopupReader tabId={tabId} />}
        </div>
      </main>
    </ReaderRoot>
  );
}
