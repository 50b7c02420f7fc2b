import { t } from '../shared/i18n';

export type PopupViewName = 'page' | 'library';
const VIEWS: Array<[PopupViewName, string]> = [['page', 'tabThisPage'], ['library', 'tabLibrary']];

/** "This page" / "Library": a tablist, arrow keys move between the two tabs. */
export function PopupTabs({ view, setView }: { view: PopupViewName; setView: (v: PopupViewName) => void }) {
  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key !== 'ArrowLeft' && e.key !== 'ArrowRight') return;
    const next = view === 'page' ? 'library' : 'page';
    setView(next);
    document.getElementById(`tab-${next}`)?.focus();
  };
  return (
    <div class="popup-tabs" role="tablist" aria-label={t('popupViews')} onKeyDown={onKeyDown}>
      {VIEWS.map(([name, label]) => (
        <button key={name} id={`tab-${name}`} type="button" role="tab" aria-selected={view === name}
          aria-controls={`panel-${name}`} tabIndex={view === name ? 0 : -1} onClick={() => setView(name)}>
          {t(label)}
        </button>
      ))}
    </div>
  );
}
