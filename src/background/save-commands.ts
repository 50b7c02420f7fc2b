import browser from 'webextension-polyfill';
import type { Menus, Tabs } from 'webextension-polyfill';
import { t } from '../shared/i18n';
import { showSaveResult } from './badge';
import { saveTab } from './save-tab';

const SAVE_COMMAND = 'save-page';
const SAVE_MENU_ID = 'save-page';

async function saveAndConfirm(tabId: number | undefined) {
  if (tabId === undefined || tabId < 0) return;
  await showSaveResult(tabId, await saveTab(tabId));
}

/** The save shortcut: saves the active tab without opening anything (activeTab is granted by the shortcut). */
export function onCommand(command: string, tab?: Tabs.Tab) {
  if (command !== SAVE_COMMAND) return;
  const tabId = tab?.id;
  if (tabId !== undefined) return void saveAndConfirm(tabId);
  void browser.tabs.query({ active: true, currentWindow: true }).then(([active]) => saveAndConfirm(active?.id));
}

export function onMenuClicked(info: Menus.OnClickData, tab?: Tabs.Tab) {
  if (info.menuItemId === SAVE_MENU_ID) void saveAndConfirm(tab?.id);
}

/** Menus persist across worker restarts; create them once per install or update. */
export function createMenus() {
  browser.contextMenus.create({ id: SAVE_MENU_ID, title: t('menuSavePage'), contexts: ['page'] }, () => void browser.runtime.lastError);
}
