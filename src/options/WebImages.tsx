import { useEffect, useState } from 'preact/hooks';
import { t } from '../shared/i18n';
import { WEB_IMAGE_POLICIES, type WebImagePolicy } from '../shared/web-images';
import { onWebImagePolicyChanged, readWebImagePolicy, setWebImagePolicy } from '../storage';

const LABELS: Record<WebImagePolicy, string> = { always: 'webImagesAlways', withoutCopy: 'webImagesWithoutCopy', never: 'webImagesNever' };

/** "Load images from the web in saved articles": always, only without an offline copy, or never. */
export function WebImages() {
  const [policy, setPolicy] = useState<WebImagePolicy | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    void readWebImagePolicy().then(setPolicy, (e: unknown) => setError(String(e)));
    return onWebImagePolicyChanged(setPolicy);
  }, []);
  const choose = (next: WebImagePolicy) => {
    const before = policy;
    setPolicy(next);
    setError(null);
    // A failed write (a full disk) puts the old choice back and says why.
    setWebImagePolicy(next).catch((e: unknown) => (setPolicy(before), setError(String(e))));
  };
  return (
    <section aria-labelledby="web-images-heading" id="web-images">
      <h2 id="web-images-heading">{t('webImagesHeading')}</h2>
      <p id="web-images-hint">{t('webImagesHint')}</p>
      {policy !== null && (
        <fieldset class="web-images" aria-labelledby="web-images-heading" aria-describedby="web-images-hint">
          {WEB_IMAGE_POLICIES.map((value) => (
            <label key={value}>
              <input type="radio" name="web-images" value={value} checked={policy === value} onChange={() => choose(value)} /> {t(LABELS[value])}
            </label>
          ))}
        </fieldset>
      )}
      {error && <p role="alert">{t('actionFailed', error)}</p>}
    </section>
  );
}
