import { t } from '../shared/i18n';

/**
 * Says that images were left out because the user chose not to load them from the web, and where that is
 * set. A status (announced politely, once), not an alert: nothing went wrong.
 */
export function WebImagesNotice({ count }: { count: number }) {
  return (
    <p class="reader-images-notice" role="status">
      {count === 1 ? t('webImagesBlockedOne') : t('webImagesBlockedMany', String(count))}{' '}
      (<a href="options.html#web-images" target="_blank" rel="noopener">{t('webImagesBlockedSettings')}</a>)
    </p>
  );
}
