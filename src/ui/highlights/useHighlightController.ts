import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import type { Placed } from '../../highlights/anchor';
import { paint } from '../../highlights/marks';
import type { Article } from '../../shared/article';
import type { Highlight, HighlightColor, TextPosition, TextQuote } from '../../shared/highlight';
import { t } from '../../shared/i18n';
import { sendMessage } from '../../shared/messages';
import { readArticle } from '../../storage';
import { articleIdFor, urlKey } from '../../storage/canonical';
import type { HighlightChanges } from '../../storage/highlights';
import { decorateMark } from './mark-look';

/** What the reader knows about the article on screen: saved (its id) or live (the tab it came from). */
export interface HighlightSource {
  article: Article;
  savedId: string | null;
  highlights: Highlight[];
  /** A live page: saving it first (when it is not in the library yet) goes through this tab. */
  tabId?: number;
}

export interface HighlightController {
  highlights: Highlight[];
  /** Where each highlight landed in the text on screen (null anchor: orphaned), in reading order. */
  placed: Placed<Highlight>[];
  /** The last outcome, in words, for a live region. */
  status: string;
  /** The rendered article body (set by paintInto). */
  root: { current: HTMLElement | null };
  paintInto: (el: HTMLElement) => void;
  create: (selectors: { quote: TextQuote; position: TextPosition }, color: HighlightColor) => Promise<Highlight | null>;
  change: (id: string, changes: HighlightChanges) => Promise<void>;
  remove: (id: string) => Promise<void>;
}

const reasonText = (reason: string) => t(`saveFailed_${reason.replace('-', '_')}`);

/** A live page already in the library: its stored highlights are shown on it too. */
function useSavedLookup(source: HighlightSource | null, found: (id: string, highlights: Highlight[]) => void) {
  useEffect(() => {
    if (!source || source.savedId !== null) return;
    let live = true;
    void articleIdFor(urlKey(source.article.url, source.article.canonicalUrl))
      .then(readArticle)
      .then((record) => live && record && found(record.id, record.highlights ?? []), () => undefined);
    return () => void (live = false);
  }, [source?.article]); // only when another article is shown
}

/**
 * Imported highlights come with a quote only (position null): once the reader has found one by its
 * quote, its position is stored, so the next open places it directly instead of searching again.
 * Quietly: nothing the user did, so no status message.
 */
function useRememberPositions(savedId: string | null, placed: Placed<Highlight>[], setHighlights: (list: Highlight[]) => void) {
  useEffect(() => {
    const found = placed.filter((p) => p.highlight.position === null && p.anchor);
    if (savedId === null || !found.length) return;
    void (async () => {
      let list: Highlight[] | null = null;
      for (const { highlight, anchor } of found) {
        if (!anchor) continue;
        list = await sendMessage('updateHighlight', { id: savedId, highlightId: highlight.id, changes: { position: { start: anchor.start, end: anchor.end } } });
        if (list === null) return;
      }
      if (list) setHighlights(list);
    })().catch(() => undefined); // a later open simply searches again
  }, [savedId, placed]);
}

/**
 * The highlights of the article on screen, kept in step with storage: every change goes to the
 * background (the one writer) and the list it answers with replaces the one shown.
 */
export function useHighlightController(source: HighlightSource | null): HighlightController {
  const [highlights, setHighlights] = useState(source?.highlights ?? []);
  const [savedId, setSavedId] = useState(source?.savedId ?? null);
  const [placed, setPlaced] = useState<Placed<Highlight>[]>([]);
  const [status, setStatus] = useState('');
  const root = useRef<HTMLElement | null>(null);
  useSavedLookup(source, (id, list) => {
    setSavedId(id);
    setHighlights(list);
  });

  const paintInto = useCallback((el: HTMLElement) => {
    root.current = el;
    setPlaced(paint(el, highlights, decorateMark));
  }, [highlights]);
  useRememberPositions(savedId, placed, setHighlights);

  /** The saved article's id, saving the live page first when needed; null (and a message) on failure. */
  const ensureSaved = async (): Promise<{ id: string; savedNow: boolean } | null> => {
    if (savedId !== null) return { id: savedId, savedNow: false };
    if (source?.tabId === undefined) return null;
    const result = await sendMessage('saveArticle', { tabId: source.tabId });
    if (!result.ok) {
      setStatus(t('highlightNotSaved', reasonText(result.reason)));
      return null;
    }
    setSavedId(result.id);
    return { id: result.id, savedNow: !result.updated };
  };

  const apply = (list: Highlight[] | null, done: string) => {
    if (list === null) return setStatus(t('highlightArticleGone'));
    setHighlights(list);
    setStatus(done);
  };
  const failed = (error: unknown) => setStatus(t('highlightFailed', error instanceof Error ? error.message : String(error)));

  const create: HighlightController['create'] = async (selectors, color) => {
    try {
      const saved = await ensureSaved();
      if (!saved) return null;
      const now = Date.now();
      const highlight: Highlight = { id: crypto.randomUUID(), ...selectors, color, note: '', createdAt: now, updatedAt: now };
      const list = await sendMessage('addHighlight', { id: saved.id, highlight });
      apply(list, t(saved.savedNow ? 'highlightAddedAndSaved' : 'highlightAdded'));
      return list ? highlight : null;
    } catch (error) {
      failed(error);
      return null;
    }
  };
  const change: HighlightController['change'] = async (id, changes) => {
    if (savedId === null) return;
    const done = changes.note !== undefined ? t(changes.note ? 'highlightNoteSaved' : 'highlightNoteRemoved') : t('highlightColorChanged');
    await sendMessage('updateHighlight', { id: savedId, highlightId: id, changes }).then((list) => apply(list, done), failed);
  };
  const remove: HighlightController['remove'] = async (id) => {
    if (savedId === null) return;
    await sendMessage('removeHighlight', { id: savedId, highlightId: id }).then((list) => apply(list, t('highlightRemoved')), failed);
  };
  return { highlights, placed, status, root, paintInto, create, change, remove };
}
