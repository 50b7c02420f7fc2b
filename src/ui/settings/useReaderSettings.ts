import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { DEFAULT_SETTINGS, type ReaderSettings, validateSettings } from '../../shared/settings';
import { loadSettings, onSettingsChanged, saveSettings } from '../../storage/reader-settings';

/**
 * Changes made within this long are saved as one write: holding `+` down repeats the key ~30 times a
 * second, and storage.sync allows 120 writes a minute (MAX_WRITE_OPERATIONS_PER_MINUTE).
 */
const SAVE_DELAY_MS = 400;

/**
 * The reader settings, kept in step with storage: loaded once, updated when another reader (or another
 * computer, through sync) changes them. `loaded` is false until the stored settings arrived.
 */
export function useReaderSettings() {
  const [settings, setSettings] = useState<ReaderSettings>({ ...DEFAULT_SETTINGS });
  const [loaded, setLoaded] = useState(false);
  // Saves waiting or in flight. Meanwhile change events are echoes of our own writes (or older states):
  // applying them would flick the page back (press t then + quickly and the size jumps back a moment).
  const writing = useRef(0);
  const pending = useRef<Partial<ReaderSettings> | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);

  const flush = useCallback(() => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
    const patch = pending.current;
    pending.current = null;
    if (!patch) return;
    void saveSettings(patch)
      // The last save knows the whole truth: what was stored (maybe synced) plus every change made here.
      .then((stored) => writing.current === 1 && setSettings(stored))
      .catch(() => {}) // a failed write leaves the screen as chosen, for this session
      .finally(() => writing.current--);
  }, []);

  useEffect(() => {
    let live = true;
    void loadSettings().then((s) => {
      if (!live) return;
      if (writing.current === 0) setSettings(s); // else the save under way brings the stored settings back
      setLoaded(true);
    });
    const off = onSettingsChanged((s) => live && writing.current === 0 && setSettings(s));
    // Closing the popup or the tab must not lose the last change.
    window.addEventListener('pagehide', flush);
    return () => {
      live = false;
      off();
      window.removeEventListener('pagehide', flush);
      flush();
    };
  }, [flush]);

  // The change shows at once; the write follows, merged with any other change made meanwhile.
  const update = useCallback((patch: Partial<ReaderSettings>) => {
    setSettings((s) => validateSettings({ ...s, ...patch }));
    if (!pending.current) writing.current++;
    pending.current = { ...pending.current, ...patch };
    if (timer.current) clearTimeout(timer.current);
    timer.current = setTimeout(flush, SAVE_DELAY_MS);
  }, [flush]);
  return { settings, loaded, update };
}
