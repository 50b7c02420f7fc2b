import type { NoArticleReason } from '../shared/article';
import { t } from '../shared/i18n';

/** A clear message for every reason there is nothing to show: never a blank panel. */
export function NoArticle({ reason, detail }: { reason: NoArticleReason; detail?: string }) {
  // Message names may only hold ASCII letters, digits and "_" (Chrome refuses to load the extension otherwise).
  const key = `noArticle_${reason.replace(/-/g, '_')}`;
  return (
    <section class="no-article" role="alert" data-reason={reason}>
      <h1 class="no-article-title">{t(`${key}_title`)}</h1>
      <p class="no-article-body">{t(`${key}_body`)}</p>
      {reason === 'error' && detail && <p class="no-article-detail">{detail}</p>}
    </section>
  );
}

export function Loading() {
  return (
    <p class="loading" role="status" aria-live="polite">
      {t('loadingArticle')}
    </p>
  );
}
