import browser, { resetFakeBrowser } from '../../helpers/fake-browser';
import { DEFAULT_SETTINGS, RANGES, THEMES, type Theme, nextTheme, stepSetting, validateSettings } from '../../../src/shared/settings';
import { LEGACY_SETTINGS_KEY, loadSettings, onSettingsChanged, saveSettings } from '../../../src/storage/reader-settings';

beforeEach(resetFakeBrowser);

describe('validateSettings', () => {
  it('gives the defaults for nothing, junk and arrays', () => {
    for (const raw of [undefined, null, 42, 'dark', [1, 2], {}]) expect(validateSettings(raw)).toEqual(DEFAULT_SETTINGS);
  });

  it('keeps every valid field', () => {
    const good = { theme: 'sepia', font: 'dyslexic', size: 24, width: 50, lineHeight: 2, justify: true, ttsRate: 1.5, ttsVoice: 'Google Deutsch' };
    expect(validateSettings(good)).toEqual(good);
  });

  it('replaces each bad field with its default and keeps the others', () => {
    const out = validateSettings({ theme: 'neon', font: 'sepia', size: 400, width: '60', lineHeight: NaN, justify: 'yes', ttsRate: -1, ttsVoice: 7, extra: 'x' });
    expect(out).toEqual(DEFAULT_SETTINGS);
    expect(validateSettings({ theme: 'dark', size: 5 })).toEqual({ ...DEFAULT_SETTINGS, theme: 'dark' });
    expect(validateSettings({ ttsVoice: 'v'.repeat(301) })).not.toHaveProperty('ttsVoice');
  });

  it('accepts the limits of each range and nothing past them', () => {
    for (const [key, { min, max }] of Object.entries(RANGES)) {
      expect(validateSettings({ [key]: min })[key as keyof typeof RANGES]).toBe(min);
      expect(validateSettings({ [key]: max })[key as keyof typeof RANGES]).toBe(max);
      expect(validateSettings({ [key]: max + 1 })[key as keyof typeof RANGES]).toBe(DEFAULT_SETTINGS[key as keyof typeof RANGES]);
    }
  });
});

describe('steps and cycles', () => {
  it('steps within the range without float noise', () => {
    expect(stepSetting('lineHeight', 1.6, 1)).toBe(1.7);
    expect(stepSetting('lineHeight', 1.2, -1)).toBe(1.2);
    expect(stepSetting('size', 32, 1)).toBe(32);
    expect(stepSetting('width', 65, -1)).toBe(60);
  });

  it('cycles through every theme and back', () => {
    const seen: Theme[] = [THEMES[0]];
    while (seen.length <= THEMES.length) seen.push(nextTheme(seen.at(-1)!));
    expect(new Set(seen.slice(0, -1)).size).toBe(THEMES.length);
    expect(seen[seen.length - 1]).toBe(THEMES[0]);
  });
});

describe('settings storage (storage.sync, one key per setting)', () => {
  it('reads defaults when nothing is stored, and validates what is', async () => {
    expect(await loadSettings()).toEqual(DEFAULT_SETTINGS);
    await browser.storage.sync.set({ 'readerSetting:theme': 'dark', 'readerSetting:size': 'huge' });
    expect(await loadSettings()).toEqual({ ...DEFAULT_SETTINGS, theme: 'dark' });
  });

  it('still reads the settings of earlier versions (one object), each per-setting key over them', async () => {
    await browser.storage.sync.set({ [LEGACY_SETTINGS_KEY]: { theme: 'sepia', size: 24, ttsVoice: 'Old voice', font: 'neon' } });
    expect(await loadSettings()).toEqual({ ...DEFAULT_SETTINGS, theme: 'sepia', size: 24, ttsVoice: 'Old voice' });
    await saveSettings({ size: 20, ttsVoice: undefined });
    // The change wins over the old object, the rest of the old object stays, and a cleared voice stays cleared.
    expect(await loadSettings()).toEqual({ ...DEFAULT_SETTINGS, theme: 'sepia', size: 20 });
    expect(JSON.parse(browser.storage.sync.data.get(LEGACY_SETTINGS_KEY)!)).toEqual({ theme: 'sepia', size: 24, ttsVoice: 'Old voice', font: 'neon' });
  });

  it('writes only the changed settings, each in its own small sync item', async () => {
    await saveSettings({ theme: 'sepia' });
    await saveSettings({ size: 22 });
    expect(await loadSettings()).toEqual({ ...DEFAULT_SETTINGS, theme: 'sepia', size: 22 });
    expect([...browser.storage.sync.data.keys()].sort()).toEqual(['readerSetting:size', 'readerSetting:theme']);
    expect(await browser.storage.sync.getBytesInUse(null)).toBeLessThan(8192);
    expect(browser.storage.local.data.size).toBe(0); // settings only ever in sync
  });

  it('serializes quick changes so none is lost', async () => {
    await Promise.all([saveSettings({ theme: 'dark' }), saveSettings({ font: 'mono' }), saveSettings({ justify: true })]);
    expect(await loadSettings()).toMatchObject({ theme: 'dark', font: 'mono', justify: true });
  });

  it('never stores an invalid value', async () => {
    await saveSettings({ size: 9999 });
    expect(JSON.parse(browser.storage.sync.data.get('readerSetting:size')!) as number).toBe(DEFAULT_SETTINGS.size);
  });

  it('a failed write rejects and leaves the stored settings as they were', async () => {
    await saveSettings({ theme: 'sepia' });
    browser.storage.sync.failNextWrites = { count: 1, message: 'MAX_WRITE_OPERATIONS_PER_MINUTE quota exceeded' };
    await expect(saveSettings({ theme: 'dark' })).rejects.toThrow('quota');
    expect((await loadSettings()).theme).toBe('sepia');
    await saveSettings({ size: 20 }); // the queue goes on after a failure
    expect(await loadSettings()).toMatchObject({ theme: 'sepia', size: 20 });
  });

  it('tells listeners about changes made elsewhere, validated', async () => {
    const seen: unknown[] = [];
    const off = onSettingsChanged((s) => seen.push(s));
    await browser.storage.sync.set({ 'readerSetting:theme': 'contrast', 'readerSetting:size': -3 });
    await browser.storage.local.set({ 'readerSetting:theme': 'dark' }); // another area: ignored
    await new Promise((r) => setTimeout(r, 0));
    off();
    await browser.storage.sync.set({ 'readerSetting:theme': 'light' });
    await new Promise((r) => setTimeout(r, 0));
    expect(seen).toEqual([{ ...DEFAULT_SETTINGS, theme: 'contrast' }]);
  });
});
