import { useState } from 'preact/hooks';
import { toStoredArticle } from '../export/record';
import { parseBackup } from '../import/lectern-backup';
import { errorText } from '../library/errors';
import { t } from '../shared/i18n';
import { sendMessage } from '../shared/messages';

/**
 * Read and check the whole file here (a malformed backup is refused before anything is written), then
 * hand the records to the worker, which writes them without duplicates.
 */
async function restoreFile(file: File): Promise<string> {
  const backup = parseBackup(await file.text());
  const articles = await Promise.all(backup.articles.map(toStoredArticle));
  const { added, replaced } = await sendMessage('restoreBackup', { articles });
  return t('restoreDone', [String(added + replaced), String(added), String(replaced)]);
}

/** Restore a Lectern backup (JSON) from a file. */
export function RestoreBackup() {
  const [status, setStatus] = useState<{ text: string; error: boolean } | null>(null);
  const onChange = (event: Event) => {
    const input = event.currentTarget as HTMLInputElement;
    const file = input.files?.[0];
    if (!file) return;
    setStatus({ text: t('restoreWorking'), error: false });
    restoreFile(file).then(
      (text) => setStatus({ text, error: false }),
      (e: unknown) => setStatus({ text: t('restoreFailed', errorText(e)), error: true }),
    ).finally(() => (input.value = ''));
  };
  return (
    <div class="restore-backup">
      <label>
        {t('restoreLabel')} <input type="file" accept=".json,application/json" onChange={onChange} />
      </label>
      {status && <p role={status.error ? 'alert' : 'status'}>{status.text}</p>}
    </div>
  );
}
