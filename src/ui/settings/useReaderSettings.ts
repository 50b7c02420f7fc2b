import { useCallback, useEffect, useState } from 'preact/hooks';
import { DEFAULT_SETTINGS, type ReaderSettings, validateSettings } from '../../shared/settings';
import { loadSettings, onSettingsChanged, saveSettings } from '../../storage/settings';

/**
 * The reader settings, kept in step with storage: loaded once, updated when another reader (or another
 * computer, through sync) changes them. `loaded` is false until the stored settings arrived.
 */
export function useReaderSettings() {
  const [settings, setSettings] = useState<ReaderSettings>({ ...DEFAULT_SETTINGS });
  const [loaded, setLoaded] = useState(false);
  useEffect(() => {
    let live = true;
    void loadSettings().then((s) => live && (setSettings(s), setLoaded(true)));
    const off = onSettingsChanged((s) => live && setSettings(s));
    return () => {
      live = false;
      off();
    };
  }, []);
  // The change shows at once; the write follows. A failed write leaves the screen as chosen for this session.
  const update = useCallback((patch: Partial<ReaderSettings>) => {
    setSettings((s) => validateSettings({ ...s, ...patch }));
    void saveSettings(patch).catch(() => {});
  }, []);
  return { settings, loaded, update };
}
