import { useEffect, useRef } from 'preact/hooks';
import { t } from '../shared/i18n';
import { SHORTCUT_LIST } from './keyboard/shortcuts';

/**
 * The `?` list, as a modal dialog: focus moves into it, Tab stays in it (one control), Escape or Close
 * ends it, and focus goes back where it was.
 */
export function ShortcutsDialog({ onClose }: { onClose: () => void }) {
  const close = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    const before = document.activeElement as HTMLElement | null;
    close.current?.focus();
    return () => before?.focus?.();
  }, []);
  // No key in the dialog reaches the reader's shortcuts behind it.
  const onKeyDown = (e: KeyboardEvent) => {
    e.stopPropagation();
    if (e.key === 'Escape') onClose();
    else if (e.key === 'Tab') close.current?.focus();
    else return;
    e.preventDefault();
  };
  return (
    <div class="dialog-backdrop" onClick={(e) => e.target === e.currentTarget && onClose()}>
      <div class="shortcuts-dialog" role="dialog" aria-modal="true" aria-labelledby="shortcuts-title" onKeyDown={onKeyDown}>
        <h2 id="shortcuts-title">{t('shortcutsTitle')}</h2>
        <dl class="shortcuts-list">
          {SHORTCUT_LIST.map(({ keys, label }) => (
            <div key={label} class="shortcut-row">
              <dt>{keys.map((k, i) => <>{i > 0 && ' '}<kbd>{k}</kbd></>)}</dt>
              <dd>{t(label)}</dd>
            </div>
          ))}
        </dl>
        <button ref={close} type="button" onClick={onClose}>{t('shortcutsClose')}</button>
      </div>
    </div>
  );
}
