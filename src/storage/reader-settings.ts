import browser from 'webextension-polyfill';
import { DEFAULT_SETTINGS, type ReaderSettings, validateSettings } from '../shared/settings';

/**
 * Reader settings live in `storage.sync`, so they follow the user to their other computers through the
 * browser's own sync; articles never go here. **One key per setting**: two reader tabs (or two computers)
 * changing different settings at once each write only their own key, so neither change is lost — with one
 * object, each tab wrote back the whole of what it had read, undoing the other's change.
 */
const SETTING_KEY_PREFIX = 'readerSetting:';
const settingKey = (name: keyof ReaderSettings) => `${SETTING_KEY_PREFIX}${name}`;

/**
 * Earlier versions kept all settings in one object under this key. It is still read, below the
 * per-setting keys, so existing users keep their settings; it is never written again.
 * TODO [2027-06-01]: drop once every synced profile has had a release with per-setting keys.
 */
export const LEGACY_SETTINGS_KEY = 'readerSettings';

const FIELDS: ReadonlyArray<keyof ReaderSettings> = ['theme', 'font', 'size', 'width', 'lineHeight', 'justify', 'ttsRate', 'ttsVoice'];
const ALL_KEYS = [LEGACY_SETTINGS_KEY, ...FIELDS.map(settingKey)];

/** Stored items → settings: the legacy object, then each per-setting key over it, validated field by field. */
function fromItems(items: Record<string, unknown>): ReaderSettings {
  const legacy = items[LEGACY_SETTINGS_KEY];
  const merged: Record<string, unknown> = legacy && typeof legacy === 'object' && !Array.isArray(legacy) ? { ...legacy } : {};
  for (const field of FIELDS) {
    const key = settingKey(field);
    if (key in items) merged[field] = items[key];
  }
  return validateSettings(merged);
}

/** The stored settings, validated field by field; defaults when nothing (or nothing usable) is stored. */
export async function loadSettings(): Promise<ReaderSettings> {
  try {
    return fromItems(await browser.storage.sync.get(ALL_KEYS));
  } catch {
    // Sync can be unavailable (disabled by policy): read as defaults rather than break the reader.
    return { ...DEFAULT_SETTINGS };
  }
}

let queue: Promise<unknown> = Promise.resolve();

/**
 * Store the settings in `patch`, and only those: a blind write of their own keys, no read-modify-write,
 * so a change made meanwhile in another tab stays. Invalid values are stored as their default. Resolves to the whole stored settings after the write.
 * Writes from this page are serialized so a quick change cannot overtake the one before it.
 */
export function saveSettings(patch: Partial<ReaderSettings>): Promise<ReaderSettings> {
  const run = queue.then(async () => {
    const valid = validateSettings({ ...DEFAULT_SETTINGS, ...patch });
    const fields = FIELDS.filter((field) => field in patch);
    // A cleared optional setting (the voice) is stored as null, so the legacy object cannot bring it back.
    const items = Object.fromEntries(fields.map((field) => [settingKey(field), valid[field] ?? null]));
    if (fields.length) await browser.storage.sync.set(items);
    return loadSettings();
  });
  queue = run.catch(() => {});
  return run;
}

/** Call `listener` with the new settings whenever they change, here, in another reader or on another computer. */
export function onSettingsChanged(listener: (settings: ReaderSettings) => void): () => void {
  const handler = (changes: Record<string, unknown>, area: string) => {
    if (area === 'sync' && ALL_KEYS.some((key) => key in changes)) void loadSettings().then(listener);
  };
  browser.storage.onChanged.addListener(handler);
  return () => browser.storage.onChanged.removeListener(handler);
}
