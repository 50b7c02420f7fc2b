import { useEffect, useState } from 'preact/hooks';
import browser from 'webextension-polyfill';
import { t } from '../shared/i18n';
import { Loading } from '../ui/NoArticle';
import { ReaderRoot } from '../ui/ReaderRoot';
import { ReaderScreen } from '../ui/ReaderScreen';
import { useExtraction } from '../ui/useExtraction';

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
    </nav>
  );
}

function PopupReader({ tabId }: { tabId: number | null }) {
  const result = useExtraction(tabId);
  return <ReaderScreen result={result} toolbar={tabId !== null && <PopupToolbar tabId={tabId} />} />;
}

export function Popup() {
  const tabId = useActiveTabId();
  return (
    <ReaderRoot onClose={() => window.close()}>
      <main class="popup">{tabId === undefined ? <Loading /> : <PopupReader tabId={tabId} />}</main>
    </ReaderRoot>
  );
}
