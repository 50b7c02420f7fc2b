import { useEffect } from 'preact/hooks';
import { sendMessage } from '../shared/messages';
import type { SavedArticle } from '../storage';

/** How long scrolling must pause before the position is stored: one write per pause, not per frame. */
const SAVE_DELAY_MS = 800;

const scrollable = () => Math.max(0, document.documentElement.scrollHeight - window.innerHeight);
const position = () => (scrollable() === 0 ? 1 : Math.min(1, window.scrollY / scrollable()));

/**
 * Restore where the reader left off, and remember the position as they scroll. Reaching the end marks
 * the article read (the end sentinel after the article becomes visible).
 */
export function useReadingPosition(article: SavedArticle | null, endRef: { current: Element | null }) {
  useEffect(() => {
    if (!article) return;
    if (article.progress > 0) window.scrollTo(0, article.progress * scrollable());
    let timer: ReturnType<typeof setTimeout> | undefined;
    let last = article.progress;
    const store = () => {
      const progress = Math.round(position() * 1000) / 1000;
      if (Math.abs(progress - last) < 0.005) return;
      last = progress;
      void sendMessage('updateArticle', { id: article.id, changes: { progress } }).catch(() => {});
    };
    const onScroll = () => (clearTimeout(timer), (timer = setTimeout(store, SAVE_DELAY_MS)));
    window.addEventListener('scroll', onScroll, { passive: true });
    window.addEventListener('pagehide', store);
    return () => (clearTimeout(timer), window.removeEventListener('scroll', onScroll), window.removeEventListener('pagehide', store));
  }, [article?.id]);

  useEffect(() => {
    const end = endRef.current;
    if (!article || article.readAt !== null || !end || typeof IntersectionObserver === 'undefined') return;
    const observer = new IntersectionObserver(([e]) => {
      if (!e?.isIntersecting) return;
      observer.disconnect();
      void sendMessage('updateArticle', { id: article.id, changes: { read: true } }).catch(() => {});
    });
    observer.observe(end);
    return () => observer.disconnect();
  }, [article?.id]);
}
