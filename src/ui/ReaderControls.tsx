import type { ComponentChildren } from 'preact';
import { useContext, useId, useRef, useState } from 'preact/hooks';
import { t } from '../shared/i18n';
import { ReaderContext } from './settings/context';
import { SettingsPanel } from './settings/SettingsPanel';

/** The compact reader toolbar: a disclosure for text and theme, then the extra controls (Listen), then `?`. */
export function ReaderControls({ children }: { children?: ComponentChildren }) {
  const ctx = useContext(ReaderContext);
  const [open, setOpen] = useState(false);
  const panelId = useId();
  const button = useRef<HTMLButtonElement>(null);
  if (!ctx) return null;
  const closeOnEscape = (e: KeyboardEvent) => {
    if (e.key !== 'Escape') return;
    e.stopPropagation(); // Escape closes the panel, not the reader
    setOpen(false);
    button.current?.focus();
  };
  return (
    <div class="reader-controls" role="group" aria-label={t('readerControls')} onKeyDown={closeOnEscape}>
      <button ref={button} type="button" class="settings-toggle" aria-expanded={open} aria-controls={panelId} onClick={() => setOpen(!open)}>
        <span aria-hidden="true">Aa</span>
        <span class="visually-hidden">{t('settingsButton')}</span>
      </button>
      {children}
      <button type="button" class="shortcuts-button" aria-label={t('shortcutsButton')} title={t('shortcutsButton')} onClick={ctx.openShortcuts}>?</button>
      {open && <SettingsPanel id={panelId} />}
    </div>
  );
}
