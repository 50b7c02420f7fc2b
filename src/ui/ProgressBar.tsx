import { useEffect, useState } from 'preact/hooks';
import { t } from '../shared/i18n';

/** How far down the page is scrolled, 0–100. A page that does not scroll is read in full once shown. */
export function scrollPercent(el: { scrollTop: number; scrollHeight: number; clientHeight: number }): number {
  const room = el.scrollHeight - el.clientHeight;
  if (room <= 0) return 100;
  return Math.round(Math.min(1, Math.max(0, el.scrollTop / room)) * 100);
}

/** A thin bar at the top of the reader showing how far the reader has scrolled. */
export function ProgressBar() {
  const [percent, setPercent] = useState(0);
  useEffect(() => {
    const el = document.scrollingElement ?? document.documentElement;
    const update = () => setPercent(scrollPercent(el));
    window.addEventListener('scroll', update, { passive: true });
    window.addEventListener('resize', update);
    return () => {
      window.removeEventListener('scroll', update);
      window.removeEventListener('resize', update);
    };
  }, []);
  return (
    <div class="reader-progress" role="progressbar" aria-label={t('readingProgress')} aria-valuemin={0} aria-valuemax={100} aria-valuenow={percent}>
      <div class="reader-progress-fill" style={{ transform: `scaleX(${percent / 100})` }} />
    </div>
  );
}
