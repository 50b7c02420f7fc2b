import browser from 'webextension-polyfill';
import { DEFAULT_SETTINGS, type ReaderSettings, validateSettings } from '../shared/settings';

/**
 * Reader settings live under one key in `storage.sync`, so they follow the user to their other computers
 * through the browser's own sync. They are a few hundred bytes: far under sync's 8 KB per item. Articles
 * never go here.
 */
export const SETTINGS_KEY = 'readerSettings';

/** The stored settings, validated field by field; defaults when nothing (or nothing usable) is stored. */
export async function loadSettings(): Promise<ReaderSettings> {
  try {
    const stored = await browser.storage.sync.get(SETTINGS_KEY);
    return validateSettings(stored[SETTINGS_KEY]);
  } catch {
    // Sync can be unavailable (disabled by policy): read as defaults rather than break the reader.
    return { ...DEFAULT_SETTINGS };
  }
}

let queue: Promise<unknown> = Promise.resolve();

/**
 * Merge `patch` into the stored settings. Writes are serialized so two quick changes (size, then theme)
 * cannot overwrite each other with stale copies.
 */
export function saveSettings(patch: Partial<ReaderSettings>): Promise<ReaderSettings> {
  const run = queue.then(async () => {
    const next = validateSettings({ ...(await loadSettings()), ...patch });
    await browser.storage.sync.set({ [SETTINGS_KEY]: next });
    return next;
  });
  queue = run.catch(() => {});
  return run;
}

/** Call `listener` with the new settings whenever they change, here, in another reader or on another computer. */
export function onSettingsChanged(listener: (settings: ReaderSettings) => void): () => void {
  const handler = (changes: Record<string, { newValue?: unknown }>, area: string) => {
    if (area === 'sync' && SETTINGS_KEY in changes) listener(validateSettings(changes[SETTINGS_KEY].newValue));
  };
  browser.storage.onChanged.addListener(handler);
  return () => browser.storage.onChanged.removeListener(handler);
}
