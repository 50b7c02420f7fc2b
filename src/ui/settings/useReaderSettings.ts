import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { DEFAULT_SETTINGS, type ReaderSettings, validateSettings } from '../../shared/settings';
import { loadSettings, onSettingsChanged, saveSettings } from '../../storage/settings';

/**
 * The reader settings, kept in step with storage: loaded once, updated when another reader (or another
 * computer, through sync) changes them. `loaded` is false until the stored settings arrived.
 */
export function useReaderSettings() {
  const [settings, setSettings] = useState<ReaderSettings>({ ...DEFAULT_SETTINGS });
  const [loaded, setLoaded] = useState(false);
  // While our own writes are in flight, change events are their echoes (or older states): applying them
  // would flick the page back (press t then + quickly and the size would jump back for a moment).
  const writing = useRef(0);
  useEffect(() => {
    let live = true;
    void loadSettings().then((s) => {
      if (!live) return;
      if (writing.current === 0) setSettings(s); // else the write in flight brings the stored settings back
      setLoaded(true);
    });
    const off = onSettingsChanged((s) => live && writing.current === 0 && setSettings(s));
    return () => {
      live = false;
      off();
    };
  }, []);
  // The change shows at once; the write follows. A failed write leaves the screen as chosen for this session.
  const update = useCallback((patch: Partial<ReaderSettings>) => {
    setSettings((s) => validateSettings({ ...s, ...patch }));
    writing.current++;
    void saveSettings(patch)
      // The last write in flight knows the whole truth: what was stored (maybe synced) plus every change here.
      .then((stored) => writing.current === 1 && setSettings(stored))
      .catch(() => {})
      .finally(() => writing.current--);
  }, []);
  return { settings, loaded, update };
}
