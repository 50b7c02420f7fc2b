import { useEffect, useState } from 'preact/hooks';
import { t } from '../shared/i18n';
import { imageBytes, onLibraryChanged, readOfflineImages, setOfflineImages } from '../storage';
import { requestHostAccess } from './import-file';
import { formatBytes } from '../shared/format';

/** The offline-images setting (off by default) and how much the stored images take. */
export function OfflineImages() {
  const [on, setOn] = useState<boolean | null>(null);
  const [bytes, setBytes] = useState<number | null>(null);
  const [note, setNote] = useState<string | null>(null);
  useEffect(() => {
    void readOfflineImages().then(setOn);
    const load = () => void imageBytes().then(setBytes);
    load();
    return onLibraryChanged(load, { every: 2000 }); // a restore changes the library several times a second
  }, []);
  const onChange = (event: Event) => {
    const checked = (event.currentTarget as HTMLInputElement).checked;
    // Fetching images needs access to the sites they come from: asked now, in the click (a user gesture).
    // The setting holds either way; without access, only images of sites Lectern may read are kept.
    if (checked) void requestHostAccess().then((granted) => setNote(granted ? null : t('offlineImagesNoAccess')), () => setNote(t('offlineImagesNoAccess')));
    setOn(checked);
    void setOfflineImages(checked);
  };
  if (on === null) return null;
  return (
    <section aria-labelledby="offline-heading">
      <h2 id="offline-heading">{t('offlineImagesHeading')}</h2>
      <label>
        <input type="checkbox" checked={on} onChange={onChange} /> {t('offlineImagesLabel')}
      </label>
      {note && <p role="status">{note}</p>}
      {bytes !== null && <p class="offline-bytes">{t('offlineImagesBytes', formatBytes(bytes))}</p>}
    </section>
  );
}
