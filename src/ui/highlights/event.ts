/** Dispatched on window by the `h` shortcut (ReaderRoot): highlight the current selection. Its own module, so the shortcut does not pull the highlighter into every page. */
export const HIGHLIGHT_EVENT = 'lectern:highlight';
