import { useId, useState } from 'preact/hooks';
import type { Highlight } from '../../shared/highlight';
import { t } from '../../shared/i18n';
import { markId } from './mark-look';
import type { HighlightController } from './useHighlightController';

const short = (text: string, n = 240) => (text.length <= n ? text : `${text.slice(0, n - 1).trimEnd()}…`);

/** Bring a highlight into view and put focus on it (from there Enter opens its menu). */
function jumpTo(id: string) {
  const mark = document.getElementById(markId(id));
  if (!mark) return;
  const reduce = window.matchMedia?.('(prefers-reduced-motion: reduce)').matches;
  mark.scrollIntoView?.({ block: 'center', behavior: reduce ? 'auto' : 'smooth' });
  mark.focus({ preventScroll: true });
}

function Note({ h }: { h: Highlight }) {
  return h.note ? <p class="highlights-note">{h.note}</p> : null;
}

/** The article's highlights in reading order, each with its note; those not found in the text, with their quote. */
function HighlightsList({ ctl }: { ctl: HighlightController }) {
  const placed = ctl.placed.filter((p) => p.anchor);
  const orphans = ctl.placed.filter((p) => !p.anchor);
  if (ctl.placed.length === 0) return <p class="highlights-empty">{t('highlightsEmpty')}</p>;
  return (
    <>
      {placed.length > 0 && (
        <ol class="highlights-list">
          {placed.map(({ highlight: h }) => (
            <li key={h.id} class={`highlights-item highlight-border-${h.color}`}>
              <button type="button" class="highlights-jump" onClick={() => jumpTo(h.id)}>{short(h.quote.exact)}</button>
              <Note h={h} />
            </li>
          ))}
        </ol>
      )}
      {orphans.length > 0 && (
        <>
          <h3 class="highlights-orphans-heading">{t('highlightsOrphaned')}</h3>
          <ul class="highlights-list">
            {orphans.map(({ highlight: h }) => (
              <li key={h.id} class="highlights-item highlights-orphan">
                <blockquote>{short(h.quote.exact, 600)}</blockquote>
                <Note h={h} />
                <button type="button" onClick={() => void ctl.remove(h.id)}>{t('highlightRemove')}</button>
              </li>
            ))}
          </ul>
        </>
      )}
    </>
  );
}

/** "Highlights (n)" in the reader toolbar, opening the list below it. */
export function HighlightsToggle({ ctl }: { ctl: HighlightController }) {
  const [open, setOpen] = useState(false);
  const panelId = useId();
  const headingId = useId();
  return (
    <>
      <button type="button" class="highlights-toggle" aria-expanded={open} aria-controls={panelId} onClick={() => setOpen(!open)}>
        {t('highlightsButton', String(ctl.highlights.length))}
      </button>
      {open && (
        <section id={panelId} class="highlights-panel" aria-labelledby={headingId}>
          <h2 id={headingId}>{t('highlightsTitle')}</h2>
          <HighlightsList ctl={ctl} />
        </section>
      )}
    </>
  );
}
