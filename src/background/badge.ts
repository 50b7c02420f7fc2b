import browser from 'webextension-polyfill';
import type { SaveResult } from '../shared/messages';
import { t } from '../shared/i18n';

const OK_COLOR = '#2e7d32';
const ERROR_COLOR = '#c62828';

/** Confirm a save on the toolbar button of that tab: ✓, or ! with the reason in the button's title. */
export async function showSaveResult(tabId: number, result: SaveResult): Promise<void> {
  const text = result.ok ? '✓' : '!';
  const title = result.ok ? t(result.updated ? 'badgeUpdated' : 'badgeSaved') : t('badgeSaveFailed', t(`saveFailed_${result.reason.replace('-', '_')}`));
  await Promise.all([
    browser.action.setBadgeBackgroundColor({ tabId, color: result.ok ? OK_COLOR : ERROR_COLOR }),
    browser.action.setBadgeText({ tabId, text }),
    browser.action.setTitle({ tabId, title }),
  ]).catch(() => {}); // the tab may have closed meanwhile: nothing to confirm on
}
