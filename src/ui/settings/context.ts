import { createContext } from 'preact';
import type { ReaderSettings } from '../../shared/settings';

/** What the reader's controls share: the settings, how to change them, and the actions shortcuts trigger. */
export interface ReaderContextValue {
  settings: ReaderSettings;
  update: (patch: Partial<ReaderSettings>) => void;
  openShortcuts: () => void;
  /** Set by the Listen control while an article is shown, so the `l` shortcut can start and stop it. */
  listenToggle: { current: (() => void) | null };
}

/** Null outside a ReaderRoot: the controls then render nothing (a bare ArticleView in a test, say). */
export const ReaderContext = createContext<ReaderContextValue | null>(null);
