import { useState } from 'preact/hooks';
import { t } from '../shared/i18n';
import { sendMessage, type SaveResult } from '../shared/messages';

/** Save the tab's article to the library, and say how it went right next to the button. */
export function SaveButton({ tabId }: { tabId: number }) {
  const [state, setState] = useState<'idle' | 'saving' | SaveResult>('idle');
  const save = async () => {
    setState('saving');
    try {
      setState(await sendMessage('saveArticle', { tabId }));
    } catch (error) {
      setState({ ok: false, reason: 'error', detail: String(error) });
    }
  };
  return (
    <>
      <button type="button" disabled={state === 'saving'} onClick={() => void save()}>{t('save')}</button>
      <span role="status" class="save-status">{statusText(state)}</span>
    </>
  );
}

function statusText(state: 'idle' | 'saving' | SaveResult): string {
  if (state === 'idle') return '';
  if (state === 'saving') return t('saving');
  if (state.ok) return t(state.updated ? 'updatedConfirm' : 'savedConfirm');
  return t('saveFailed', t(`saveFailed_${state.reason.replace('-', '_')}`));
}
