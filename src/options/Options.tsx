import { useEffect, useState } from 'preact/hooks';
import { formatBytes } from '../shared/format';
import { t, uiLanguage } from '../shared/i18n';
import { sendMessage } from '../shared/messages';
import { onLibraryChanged } from '../storage';
import { ExportLibrary } from '../library/ExportLibrary';
import { useLibrary } from '../library/useLibrary';
import { ImportSection } from './ImportSection';
import { OfflineImages } from './OfflineImages';
import { RestoreBackup } from './RestoreBackup';
import { SyncSection } from './SyncSection';
import { WebImages } from './WebImages';

type Usage = { count: number; bytes: number } | { error: string } | null;

/**
 * How often the page reads again what a change of the library alters (ms): a restore changes the library
 * several times a second. The usage asks the background to read the whole index and to measure the whole
 * storage, which Firefox can only do by reading all of it (2.6 s per request at 10,000 articles, 85 s of a
 * 10,000 restore at one request per 10 s): it is asked once the library has been quiet for USAGE_QUIET.
 */
const REFRESH_EVERY = 2000;
const USAGE_QUIET = 5000;

function useUsage(): Usage {
  const [usage, setUsage] = useState<Usage>(null);
  useEffect(() => {
    const load = () => sendMessage('storageUsage', {}).then(setUsage, (e: unknown) => setUsage({ error: String(e) }));
    void load();
    return onLibraryChanged(() => void load(), { quiet: USAGE_QUIET });
  }, []);
  return usage;
}

/** The options page: how big the library is, and what uninstalling does to it. */
export function Options() {
  const usage = useUsage();
  return (
    <main class="options">
      <h1>{t('optionsTitle')}</h1>
      <section aria-labelledby="library-heading">
        <h2 id="library-heading">{t('optionsLibrary')}</h2>
        {usage === null && <p role="status">{t('optionsLoading')}</p>}
        {usage && 'error' in usage && <p role="alert">{t('actionFailed', usage.error)}</p>}
        {usage && 'count' in usage && (
          <>
            <p>{t('optionsCount', usage.count.toLocaleString(uiLanguage()))}</p>
            <p>{t('optionsBytes', formatBytes(usage.bytes))}</p>
          </>
        )}
        <p>{t('optionsUninstall')}</p>
      </section>
      <OfflineImages />
      <WebImages />
      <SyncSection />
      <BackupSection />
      <ImportSection />
    </main>
  );
}

/** Export all of the library, and restore a backup. */
function BackupSection() {
  const { entries } = useLibrary({ every: REFRESH_EVERY });
  return (
    <section aria-labelledby="backup-heading">
      <h2 id="backup-heading">{t('optionsBackup')}</h2>
      <ExportLibrary ids={(entries ?? []).map((e) => e.id)} selection={false} />
      <RestoreBackup />
    </section>
  );
}
