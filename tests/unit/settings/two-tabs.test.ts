/**
 * Two reader tabs are two copies of the settings module (each page loads its own), sharing one
 * storage.sync. A change in one must never undo a change made meanwhile in the other.
 */
import browser, { resetFakeBrowser } from '../../helpers/fake-browser';
import { DEFAULT_SETTINGS } from '../../../src/shared/settings';

type SettingsModule = typeof import('../../../src/storage/reader-settings');

/** A fresh copy of the storage module, as another tab would load it, over the same fake browser. */
function openTab(): SettingsModule {
  let tab: SettingsModule | undefined;
  jest.isolateModules(() => {
    jest.doMock('webextension-polyfill', () => ({ __esModule: true, default: browser }));
    tab = jest.requireActual<SettingsModule>('../../../src/storage/reader-settings');
  });
  return tab!;
}

beforeEach(resetFakeBrowser);

describe('settings changed in two tabs at once', () => {
  it('keeps both changes', async () => {
    const [left, right] = [openTab(), openTab()];
    await Promise.all([left.saveSettings({ size: 24 }), right.saveSettings({ theme: 'dark' })]);
    const expected = { ...DEFAULT_SETTINGS, size: 24, theme: 'dark' };
    expect(await left.loadSettings()).toEqual(expected);
    expect(await right.loadSettings()).toEqual(expected);
  });

  it('keeps every change of a burst from both tabs', async () => {
    const [left, right] = [openTab(), openTab()];
    await Promise.all([
      left.saveSettings({ font: 'mono' }),
      right.saveSettings({ justify: true }),
      left.saveSettings({ width: 50 }),
      right.saveSettings({ lineHeight: 2 }),
    ]);
    expect(await openTab().loadSettings()).toEqual({ ...DEFAULT_SETTINGS, font: 'mono', justify: true, width: 50, lineHeight: 2 });
  });
});
