import { useEffect, useRef, useState } from 'preact/hooks';
import { HIGHLIGHT_COLORS, HIGHLIGHT_LIMITS, type Highlight, type HighlightColor } from '../../shared/highlight';
import { t } from '../../shared/i18n';
import { markId } from './mark-look';
import type { HighlightController } from './useHighlightController';

const COLOR_LABELS: Record<HighlightColor, string> = { yellow: 'highlightYellow', green: 'highlightGreen', blue: 'highlightBlue', pink: 'highlightPink' };

/** Near the highlight's first mark, in viewport coordinates (the menu is fixed). */
function placeNear(id: string): { top: number; left: number } {
  const rect = document.getElementById(markId(id))?.getBoundingClientRect();
  if (!rect) return { top: 80, left: 16 };
  const top = rect.bottom + 8 > window.innerHeight - 200 ? Math.max(8, rect.top - 200) : rect.bottom + 8;
  return { top, left: Math.min(Math.max(8, rect.left), Math.max(8, window.innerWidth - 320)) };
}

function NoteEditor({ note, onSave, onCancel }: { note: string; onSave: (note: string) => void; onCancel: () => void }) {
  const [text, setText] = useState(note);
  const box = useRef<HTMLTextAreaElement>(null);
  useEffect(() => box.current?.focus(), []);
  return (
    <form class="highlight-note-editor" onSubmit={(e) => (e.preventDefault(), onSave(text.trim()))}>
      <label>
        {t('highlightNoteLabel')}
        <textarea ref={box} rows={4} maxLength={HIGHLIGHT_LIMITS.note} value={text} onInput={(e) => setText(e.currentTarget.value)} />
      </label>
      <div class="highlight-menu-row">
        <button type="submit">{t('highlightSaveNote')}</button>
        <button type="button" onClick={onCancel}>{t('highlightCancel')}</button>
      </div>
    </form>
  );
}

/**
 * What a highlight offers: Add (or Edit) note, Change colour, Remove. A non-modal popup: focus moves
 * into it, Escape closes it and focus goes back to the highlight.
 */
export function HighlightMenu({ highlight, ctl, onClose }: { highlight: Highlight; ctl: HighlightController; onClose: () => void }) {
  const [mode, setMode] = useState<'menu' | 'note' | 'color'>('menu');
  const panel = useRef<HTMLDivElement>(null);
  const [at] = useState(() => placeNear(highlight.id));
  const close = () => {
    onClose();
    document.getElementById(markId(highlight.id))?.focus({ preventScroll: true });
  };
  // The highlight is gone: focus goes to the article's title rather than being lost with it.
  const afterRemove = () => {
    onClose();
    document.getElementById('reader-title')?.focus({ preventScroll: true });
  };
  useEffect(() => {
    if (mode !== 'note') panel.current?.querySelector<HTMLButtonElement>('button')?.focus();
  }, [mode]);
  const onKeyDown = (e: KeyboardEvent) => {
    e.stopPropagation(); // keys here are for the menu, not the reader's shortcuts
    if (e.key !== 'Escape') return;
    e.preventDefault();
    close();
  };
  const setColor = (color: HighlightColor) => void ctl.change(highlight.id, { color }).then(close);
  return (
    <div ref={panel} class="highlight-menu" role="dialog" aria-label={t('highlightMenu')} style={{ top: `${at.top}px`, left: `${at.left}px` }} onKeyDown={onKeyDown}>
      <blockquote class="highlight-menu-quote">{highlight.quote.exact.slice(0, 140)}{highlight.quote.exact.length > 140 ? '…' : ''}</blockquote>
      {mode === 'note' && <NoteEditor note={highlight.note} onCancel={() => setMode('menu')} onSave={(note) => void ctl.change(highlight.id, { note }).then(close)} />}
      {mode === 'color' && (
        <div class="highlight-menu-row" role="group" aria-label={t('highlightChangeColor')}>
          {HIGHLIGHT_COLORS.map((color) => (
            <button key={color} type="button" class={`highlight-swatch highlight-${color}`} aria-pressed={color === highlight.color} onClick={() => setColor(color)}>
              {t(COLOR_LABELS[color])}
            </button>
          ))}
        </div>
      )}
      {mode === 'menu' && (
        <div class="highlight-menu-row">
          <button type="button" onClick={() => setMode('note')}>{t(highlight.note ? 'highlightEditNote' : 'highlightAddNote')}</button>
          <button type="button" onClick={() => setMode('color')}>{t('highlightChangeColor')}</button>
          <button type="button" onClick={() => void ctl.remove(highlight.id).then(afterRemove)}>{t('highlightRemove')}</button>
        </div>
      )}
      <button type="button" class="highlight-menu-close" onClick={close}>{t('highlightClose')}</button>
    </div>
  );
}
