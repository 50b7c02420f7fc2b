import { useEffect, useState } from 'preact/hooks';
import type { ExtractionResult } from '../shared/article';
import { t } from '../shared/i18n';
import { sendMessage } from '../shared/messages';

/** Longest we wait for the page to answer before saying so: a hung page must not mean an endless spinner. */
const EXTRACTION_TIMEOUT_MS = 20_000;

function withTimeout<T>(promise: Promise<T>, ms: number, onTimeout: () => T): Promise<T> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(onTimeout()), ms);
    promise.then(
      (value) => (clearTimeout(timer), resolve(value)),
      (error) => (clearTimeout(timer), resolve({ ok: false, reason: 'error', detail: String(error) } as T)),
    );
  });
}

/** Extract the article of `tabId` through the background worker; null while it is being read. */
export function useExtraction(tabId: number | null): ExtractionResult | null {
  const [result, setResult] = useState<ExtractionResult | null>(null);
  useEffect(() => {
    if (tabId === null) {
      setResult({ ok: false, reason: 'tab-gone' });
      return;
    }
    let live = true;
    const request = sendMessage('extractTab', { tabId });
    void withTimeout<ExtractionResult>(request, EXTRACTION_TIMEOUT_MS, () => ({ ok: false, reason: 'error', detail: t('extractionTimeout') }))
      .then((r) => live && setResult(r));
    return () => {
      live = false;
    };
  }, [tabId]);
  return result;
}
