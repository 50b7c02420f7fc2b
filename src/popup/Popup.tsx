import { useEffect, useState } from 'preact/hooks';
import browser from 'webextension-polyfill';
import { LibraryView } from '../library/LibraryView';
import { Loading } from '../ui/NoArticle';
import { ReaderRoot } from '../ui/ReaderRoot';
import { PopupTabs, type PopupViewName } from './PopupTabs';

/** The tab the popup was opened for: the active tab of the window the toolbar button belongs to. */
function useActiveTabId(): number | null | undefined {
  const [tabId, setTabId] = useState<number | null | undefined>(undefined);
  useEffect(() => {
    void browser.tabs.query({ active: true, currentWindow: true }).then(([tab]) => setTabId(tab?.id ?? null));
  }, []);
  return tabId;
}

type PopupReaderComponent = typeof import('./PopupReader').PopupReader;
const loadReader = () => import('./PopupReader');

/**
 * The reader view's code (extraction, the sanitizer, the article renderer) is a separate chunk, imported
 * only when "This page" is shown: opening the popup on the library does not load or parse it.
 */
function LazyPopupReader({ tabId }: { tabId: number | null }) {
  const [Reader, setReader] = useState<PopupReaderComponent | null>(null);
  useEffect(() => {
    void loadReader().then((m) => setReader(() => m.PopupReader));
  }, []);
  return Reader ? <Reader tabId={tabId} /> : <Loading />;
}

/** `popup.html#library` opens on the library (tests and the options page link there). */
const initialView = (): PopupViewName => (location.hash === '#library' ? 'library' : 'page');

export function Popup() {
  const tabId = useActiveTabId();
  const [view, setView] = useState<PopupViewName>(initialView);
  // Fetch the reader's chunk while the active tab is looked up, not after.
  useEffect(() => {
    if (view === 'page') void loadReader();
  }, [view]);
  return (
    <ReaderRoot onClose={() => window.close()}>
      <main class="popup">
        <PopupTabs view={view} setView={setView} />
        <div id={`panel-${view}`} role="tabpanel" aria-labelledby={`tab-${view}`}>
          {view === 'library' ? <LibraryView onOpened={() => window.close()} /> : tabId === undefined ? <Loading /> : <LazyPopupReader tabId={tabId} />}
        </div>
      </main>
    </ReaderRoot>
  );
}
