import { createContext } from 'preact';
import type { HighlightController } from './useHighlightController';

/** The highlights of the article on screen, for the controls that need them (exports); null elsewhere. */
export const HighlightsContext = createContext<HighlightController | null>(null);
