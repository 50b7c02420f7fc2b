import browser from 'webextension-polyfill';
import { SaveButton } from '../library/SaveButton';
import { t } from '../shared/i18n';
import { ReaderScreen } from '../ui/ReaderScreen';
import { useExtraction } from '../ui/useExtraction';

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

/** The "This page" view: the reader for the popup's tab. Loaded on demand (it brings the sanitizer). */
export function PopupReader({ tabId }: { tabId: number | null }) {
  const result = useExtraction(tabId);
  return <ReaderScreen result={result} toolbar={tabId !== null && <PopupToolbar tabId={tabId} />} tabId={tabId ?? undefined} />;
}
