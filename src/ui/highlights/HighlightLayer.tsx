import { useEffect, useState } from 'preact/hooks';
import { MARK_ATTRIBUTE } from '../../highlights/marks';
import { t } from '../../shared/i18n';
import { HIGHLIGHT_EVENT } from './event';
import { HighlightMenu } from './HighlightMenu';
import { markId } from './mark-look';
import { selectedInArticle, selectionAnchorPoint } from './selection';
import type { HighlightController } from './useHighlightController';


type Point = { top: number; left: number };

/** The Highlight button while text of the article is selected; kept beside the selection as the page scrolls. */
function useSelectionButton(ctl: HighlightController): Point | null {
  const [point, setPoint] = useState<Point | null>(null);
  useEffect(() => {
    const update = () => setPoint(selectedInArticle(ctl.root.current) ? selectionAnchorPoint() : null);
    document.addEventListener('selectionchange', update);
    window.addEventListener('scroll', update, { passive: true, capture: true });
    return () => {
      document.removeEventListener('selectionchange', update);
      window.removeEventListener('scroll', update, { capture: true });
    };
  }, [ctl.root]);
  return point;
}

/** The id of the highlight a click or key press landed on, when it is one of the article's marks. */
function highlightAt(root: HTMLElement | null, target: EventTarget | null): string | null {
  const mark = target instanceof Element ? target.closest(`mark[${MARK_ATTRIBUTE}]`) : null;
  return mark && root?.contains(mark) ? mark.getAttribute(MARK_ATTRIBUTE) : null;
}

/**
 * Making and changing highlights in the reader: the Highlight button beside a selection (and `h`), the
 * menu a highlight opens (click, or Enter on a focused highlight), and a live region saying what happened.
 */
export function HighlightLayer({ ctl }: { ctl: HighlightController }) {
  const point = useSelectionButton(ctl);
  const [open, setOpen] = useState<string | null>(null);
  const [noSelection, setNoSelection] = useState(false);
  const highlightSelection = async () => {
    const selectors = selectedInArticle(ctl.root.current);
    if (!selectors) return setNoSelection(true);
    setNoSelection(false);
    const made = await ctl.create(selectors, 'yellow');
    if (!made) return;
    document.getSelection()?.removeAllRanges();
    document.getElementById(markId(made.id))?.focus({ preventScroll: true });
  };
  useEffect(() => {
    const onShortcut = () => void highlightSelection();
    window.addEventListener(HIGHLIGHT_EVENT, onShortcut);
    return () => window.removeEventListener(HIGHLIGHT_EVENT, onShortcut);
  });
  // On the document, re-registered each render: the article body is re-rendered under it (images arriving).
  useEffect(() => {
    const root = ctl.root.current;
    const onClick = (e: MouseEvent) => {
      const id = highlightAt(root, e.target);
      if (id && document.getSelection()?.isCollapsed !== false) setOpen(id);
      else if (!id && !(e.target instanceof Element && e.target.closest('.highlight-menu'))) setOpen(null);
    };
    const onKey = (e: KeyboardEvent) => {
      const id = highlightAt(root, e.target);
      if (!id || e.key !== 'Enter') return; // Space stays the reader's page-down
      e.preventDefault();
      setOpen(id);
    };
    document.addEventListener('click', onClick);
    document.addEventListener('keydown', onKey);
    return () => {
      document.removeEventListener('click', onClick);
      document.removeEventListener('keydown', onKey);
    };
  });
  const current = ctl.highlights.find((h) => h.id === open);
  return (
    <>
      {point && (
        <button type="button" class="highlight-create" style={{ top: `${point.top}px`, left: `${point.left}px` }}
          onMouseDown={(e) => e.preventDefault() /* keep the selection */} onClick={() => void highlightSelection()}>
          {t('highlightButton')}
        </button>
      )}
      {current && <HighlightMenu highlight={current} ctl={ctl} onClose={() => setOpen(null)} />}
      {/* A polite live region (not role=status: the reader has its own status for images). */}
      <p aria-live="polite" class="highlight-status">{noSelection ? t('highlightSelectFirst') : ctl.status}</p>
    </>
  );
}
