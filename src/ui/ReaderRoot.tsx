import type { ComponentChildren } from 'preact';
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { uiDir, uiLanguage } from '../shared/i18n';
import { nextTheme, stepSetting } from '../shared/settings';
import type { ReaderAction } from './keyboard/shortcuts';
import { useReaderShortcuts } from './keyboard/useReaderShortcuts';
import { ReaderContext, type ReaderContextValue } from './settings/context';
import { applySettings } from './settings/apply';
import { useReaderSettings } from './settings/useReaderSettings';
import { ShortcutsDialog } from './ShortcutsDialog';

export const SAVE_EVENT = 'lectern:save';

interface ReaderRootProps {
  children: ComponentChildren;
  /** Esc: the popup closes itself, a tab goes back or closes. */
  onClose: () => void;
  /** `s`: optional; the `lectern:save` event is dispatched on window either way. */
  onSave?: () => void;
}

/**
 * Wraps a reader screen (popup or tab) with its settings, keyboard shortcuts and shortcut list. Settings are applied to the page's root element so the background follows the theme too.
 */
export function ReaderRoot({ children, onClose, onSave }: ReaderRootProps) {
  const { settings, loaded, update } = useReaderSettings();
  const [helpOpen, setHelpOpen] = useState(false);
  const listenToggle = useRef<(() => void) | null>(null);
  useEffect(() => {
    document.documentElement.lang = uiLanguage();
    document.documentElement.dir = uiDir();
  }, []);
  useEffect(() => {
    if (loaded) applySettings(document.documentElement, settings);
  }, [settings, loaded]);
  const ctx = useMemo<ReaderContextValue>(() => ({ settings, update, openShortcuts: () => setHelpOpen(true), listenToggle }), [settings, update]);
  useReaderShortcuts((action: ReaderAction) => {
    if (action === 'bigger' || action === 'smaller') update({ size: stepSetting('size', settings.size, action === 'bigger' ? 1 : -1) });
    else if (action === 'theme') update({ theme: nextTheme(settings.theme) });
    else if (action === 'save') {
      window.dispatchEvent(new CustomEvent(SAVE_EVENT));
      onSave?.();
    }
    else if (action === 'listen') listenToggle.current?.();
    else if (action === 'help') setHelpOpen(true);
    else if (action === 'close') onClose();
  });
  return (
    <ReaderContext.Provider value={ctx}>
      {children}
      {helpOpen && <ShortcutsDialog onClose={() => setHelpOpen(false)} />}
    </ReaderContext.Provider>
  );
}
